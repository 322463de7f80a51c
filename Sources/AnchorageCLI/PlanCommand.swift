import AnchorageCore
import AnchoragePlan
import AnchorageRules
import ArgumentParser
import Foundation

/// `anchorage plan`: from a target (metal, site) to every route family, ranked, with the reasons and references the rules
/// and the fit give; `--emit recipe --route R` writes the best draft recipe of a route.
public struct PlanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a synthesis: every route for a metal and site, ranked, with reasons and references; or a draft recipe.",
        discussion: """
            Each route is drafted for the catalog's hosts and precursors, the draft is checked by the rules and the \
            fit, and each route × host × precursor is graded by how much is known: precedent (a published synthesis \
            of the metal by the route on the host or its family, with its DOI), rules hold (every check held, no \
            precedent), unknown (a check could not run, or a published risk; the data that would settle it is \
            listed), not feasible (a rule rules it out). Ranked by grade, then by the evidence and the citations on \
            record. Each route says what data would move it up. --why adds every rule the best draft satisfies, with \
            its references. --emit recipe --route R writes the best draft of R to standard output \
            (for --batch grams of host); it validates with no error.

            Exit status: 0 with an answer, 1 when the route asked for is not feasible, 2 for an unknown name or wrong usage.
            """)

    public enum Format: String, ExpressibleByArgument, Sendable { case text, json }
    public enum Emit: String, ExpressibleByArgument, Sendable { case recipe }

    @Option(help: "Target metal(s), by symbol or name in any case (Co, cobalt); two, comma-separated, for a dual-atom site (Fe,Co).")
    public var metal: String

    @Option(help: "single-atom or dual-atom.")
    public var site: String = SiteType.singleAtom.rawValue

    @Option(help: "Use only this host framework.")
    public var host: String?

    @Option(help: "The support the catalyst should end on (N-doped carbon, also written N-C or NC; or a framework: NU-1000).")
    public var support: String?

    @Option(help: "Use only this precursor.")
    public var precursor: String?

    @Option(help: "Output format: text or json.")
    public var format: Format = .text

    @Option(help: "Write a draft instead of the plan: recipe.")
    public var emit: Emit?

    @Option(help: "The route of the draft: linker-anchoring, node-exchange, sim, aim, pore-confinement, mixed-metal-pyrolysis.")
    public var route: String?

    @Option(help: "Batch size: mass of host (1g, 500 mg).")
    public var batch: String = "1 g"

    @Option(help: "The $schema reference written on the draft's first line.")
    public var schema: String = "../schemas/recipe.schema.json"

    @Flag(help: "Also list every rule the best draft of each route satisfies, with its summary and references.")
    public var why = false

    @OptionGroup public var knowledgeOptions: KnowledgeOptions

    public init() {}

    public func run() async throws { try execute().emit() }

    public func execute(searchingFrom folder: URL? = nil) -> CommandOutput {
        do {
            let knowledge = try KnowledgeOptions.load(catalogFiles: knowledgeOptions.catalogFiles, searchingFrom: folder)
            var planner = Planner(knowledge: knowledge, data: try PlanData.bundled())
            planner.schemaReference = schema
            return try answer(planner)
        } catch {
            return CommandOutput(standardError: "error: \(error)\n", exitCode: 2)
        }
    }

    func request() throws -> PlanRequest {
        guard let site = SiteType(rawValue: site) else { throw CommandFailure.usage("--site is single-atom or dual-atom, not '\(site)'") }
        // Symbols or names in any case ("pt", "PT", "Platinum"); the planner resolves them.
        let metals = metal.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let grams: Double
        switch QuantityParser.parse(batch, expecting: [.mass]) {
        case .success(let quantity): grams = quantity.canonicalValue
        case .failure(let error): throw CommandFailure.usage("--batch '\(batch)': \(error.message)")
        }
        return PlanRequest(metals: metals, site: site, host: host, support: support, precursor: precursor, batchGrams: grams)
    }

    public func answer(_ planner: Planner) throws -> CommandOutput {
        let request = try request()
        if emit == .recipe {
            guard let written = route, let route = Route(rawValue: written) else {
                throw CommandFailure.usage("--emit recipe needs --route (one of \(Route.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let best = try planner.best(route, request) else {
                return CommandOutput(
                    standardError:
                        "error: no draft of \(route.rawValue) for \(request.metals.joined(separator: ",")): no host or precursor in the catalog to draft it with\n",
                    exitCode: 1)
            }
            guard best.grade != .notFeasible else {
                let reasons = best.reasons.filter { $0.severity == .error }.map { "  \($0.source): \($0.message)" }
                return CommandOutput(
                    standardError: "error: \(route.title) is not feasible for \(request.metals.joined(separator: ",")):\n"
                        + reasons.joined(separator: "\n") + "\n", exitCode: 1)
            }
            return CommandOutput(standardOutput: best.draft)
        }
        let plan = try planner.plan(request)
        if format == .json { return CommandOutput(standardOutput: try json(plan)) }
        return CommandOutput(
            standardOutput: PlanText(citations: planner.knowledge.citations, why: why).render(plan, request: try planner.resolve(request)))
    }

    func json(_ plan: Plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n"
    }
}

/// The plan as a chemist reads it in a terminal.
struct PlanText {
    var citations: CitationIndex
    /// List the rules each best draft satisfies (otherwise only their ids, on one line).
    var why = false

    func render(_ plan: Plan, request: PlanRequest) -> String {
        var out = "Plan for \(plan.metals.joined(separator: "/")), \(plan.site.rawValue)"
        if let host = request.host { out += ", host \(host)" }
        if let support = request.support { out += ", on \(support)" }
        out += " (drafts for \(QuantityFormat.mass(grams: plan.batchGrams)) of host)\n"
        var cited: [String] = []
        func cite(_ ids: [String]) -> String {
            let known = ids.filter { citations[$0] != nil }
            for id in known where !cited.contains(id) { cited.append(id) }
            return known.isEmpty ? "" : " [" + known.joined(separator: "; ") + "]"
        }
        for (index, route) in plan.routes.enumerated() {
            out += "\n\(index + 1). \(route.title) (\(route.route.rawValue)): \(route.grade.title)\n"
            if let summary = route.summary { out += "   idea: \(summary)\(cite(route.summaryReferences))\n" }
            guard let best = route.best else {
                for reason in route.notDrafted where reason.severity == .error { out += "   \(reason.source): \(reason.message)\n" }
                for reason in route.notDrafted where reason.severity == .unknown {
                    out += "   not checked[\(reason.source)]: \(reason.message)\n"
                }
                for item in route.toMoveUp { out += "   to move up: \(item)\n" }
                continue
            }
            out += "   host \(best.host ?? "—"); precursor \(best.precursors.joined(separator: " + "))\n"
            for precedent in best.precedents {
                let on = precedent.family.map { " (\(precedent.host), same family: \($0))" } ?? ""
                out += "   precedent: \(precedent.shortCitation), \(precedent.doiText)\(on): \(precedent.outcome)\n"
                out += "      note: precursor: \(precedent.precursor)\n"
            }
            let findings = best.reasons.filter { $0.severity != .note || $0.source == "fit" }
            for reason in findings {
                let label = reason.severity == .unknown ? "not checked" : reason.severity.rawValue
                out += "   \(label)[\(reason.source)]: \(reason.message)\(cite(reason.references))\n"
                for note in reason.notes { out += "      note: \(note)\n" }
            }
            if best.grade != .notFeasible {
                if why {
                    for held in best.checksHeld { out += "   holds [\(held.source)]: \(held.message)\(cite(held.references))\n" }
                } else if !best.checksHeld.isEmpty {
                    out += "   checks passed: \(best.checksHeld.map(\.source).joined(separator: ", ")) (--why for each)\n"
                }
                for condition in best.conditions { out += "   condition: \(condition)\n" }
                if let loading = best.maximumIsolatedLoading { out += "   maximum isolated loading: \(loading)\n" }
            }
            for item in route.toMoveUp { out += "   to move up: \(item)\n" }
            if best.grade != .notFeasible {
                out +=
                    "   draft: anchorage plan --metal \(plan.metals.joined(separator: ",")) --site \(plan.site.rawValue) --emit recipe --route \(route.route.rawValue)"
                out += (best.host.map { " --host \(Self.shellWord($0))" } ?? "") + "\n"
            }
            let others = route.alternatives.filter { $0.grade != .notFeasible }
            if !others.isEmpty {
                out +=
                    "   also: "
                    + others.map { "\($0.host ?? "—") with \($0.precursors.first ?? "—") (\($0.grade.title))" }.joined(separator: "; ")
                    + "\n"
            }
        }
        if !cited.isEmpty {
            out += "\nReferences:\n"
            for id in cited { if let citation = citations[id] { out += "  [\(id)] \(citation.formatted)\n" } }
        }
        return out
    }

    static func shellWord(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } ? text : "'\(text)'"
    }
}
