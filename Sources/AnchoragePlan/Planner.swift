import AnchorageCore
import AnchorageFit
import AnchorageRules
import Foundation

/// Plans a target by asking the rules and the fit: for every route family it drafts recipes for the catalog's hosts and
/// precursors, runs the validator on each draft, and takes the findings (and the fit verdict) as the reasons. It holds
/// no chemistry of its own: change a value in the chemistry data and the plan changes with it.
public struct Planner: Sendable {
    public var knowledge: Knowledge
    public var data: PlanData
    /// Further candidates kept per route, one per host.
    public var alternativesPerRoute = 4
    /// Precursors tried per metal for a dual-atom target (every combination is drafted).
    public var precursorsPerMetalForPairs = 3
    /// Where a draft's first line points the editor's YAML language server for the recipe schema.
    public var schemaReference = "../schemas/recipe.schema.json"

    public init(knowledge: Knowledge, data: PlanData) {
        self.knowledge = knowledge
        self.data = data
    }

    public static func bundled() throws -> Planner {
        Planner(knowledge: try Knowledge.bundled(), data: try PlanData.bundled())
    }

    var validator: Validator { Validator(knowledge: knowledge) }

    // MARK: The plan

    public func plan(_ request: PlanRequest) throws -> Plan {
        try check(request)
        let routes = Route.allCases.map { routePlan($0, request) }.enumerated().sorted { a, b in
            if a.element.feasibility.rank != b.element.feasibility.rank { return a.element.feasibility.rank < b.element.feasibility.rank }
            if a.element.literatureSupport != b.element.literatureSupport { return a.element.literatureSupport > b.element.literatureSupport }
            let hostA = a.element.best?.hostSupport ?? 0, hostB = b.element.best?.hostSupport ?? 0
            if hostA != hostB { return hostA > hostB }
            return a.offset < b.offset
        }.map(\.element)
        return Plan(metals: request.metals, site: request.site, batchGrams: request.batchGrams, routes: routes)
    }

    /// The best candidate of one route (the one `--emit recipe` writes).
    public func best(_ route: Route, _ request: PlanRequest) throws -> PlanCandidate? {
        try check(request)
        return routePlan(route, request).best
    }

    func check(_ request: PlanRequest) throws {
        guard !request.metals.isEmpty else { throw PlanError("give the target metal with --metal (e.g. --metal Pt, or --metal Fe,Co for a pair)") }
        for metal in request.metals where knowledge.elements.element(metal) == nil {
            throw PlanError("unknown element '\(metal)' (write the symbol: Pt, Co, Fe)")
        }
        switch request.site {
        case .singleAtom where request.metals.count != 1:
            throw PlanError("a single-atom target has one metal; for a pair give --site dual-atom")
        case .dualAtom where request.metals.count != 2:
            // A homonuclear pair (Fe2 from Fe2(CO)9 in ZIF-8) is validated as a recipe but not planned: the
            // planner drafts one precursor per metal and has no dinuclear precursors to draft from.
            throw PlanError("a dual-atom target names two metals (e.g. --metal Fe,Co); a homonuclear pair (Fe2) is not planned: "
                + "write the recipe with a dinuclear precursor and check it with `anchorage validate`")
        default: break
        }
        guard request.batchGrams > 0, request.batchGrams.isFinite else { throw PlanError("the batch must be a positive mass of host") }
        if let host = request.host, knowledge.hosts.host(named: host) == nil {
            if let fit = knowledge.fit {
                do { _ = try fit.framework(named: host) } catch { throw PlanError("\(error)") }
            }
            throw PlanError("unknown framework '\(host)'")
        }
        if let precursor = request.precursor {
            let sources = Route.allCases.flatMap { route in request.metals.flatMap { metalSources(for: $0, route: route) } }
            guard sources.contains(where: { $0.answers(to: precursor) }) else {
                let suggestion = knowledge.chemicals.suggestion(for: precursor).map { "; did you mean '\($0)'?" } ?? ""
                throw PlanError("'\(precursor)' is not a catalog precursor of \(request.metals.joined(separator: " or "))\(suggestion)")
            }
        }
    }

    func routePlan(_ route: Route, _ request: PlanRequest) -> RoutePlan {
        let (candidates, notDrafted) = self.candidates(route, request)
        let classes = data.root.entry("routes.\(route.rawValue).precursor_classes")?.strings ?? []
        let sorted = candidates.sorted { Self.better($0, $1, classes: classes) }
        var alternatives: [PlanCandidate] = []
        var hosts = Set([sorted.first?.host ?? ""])
        for candidate in sorted.dropFirst() where alternatives.count < alternativesPerRoute {
            guard hosts.insert(candidate.host ?? "").inserted else { continue }
            alternatives.append(candidate)
        }
        let section = chemistrySection(route)
        let summary = section.flatMap { knowledge.chemistry.threshold("\($0).summary") }
        var notes = notDrafted
        if sorted.isEmpty && notes.isEmpty {
            notes.append(PlanReason(.error, source: "catalog", "no catalog precursor of \(request.metals.joined(separator: ", ")) for this route"))
        }
        let best = sorted.first
        return RoutePlan(
            route: route, title: route.title, feasibility: best?.feasibility ?? .notFeasible, summary: summary?.text,
            summaryReferences: summary?.citations ?? [], literatureSupport: best?.literatureSupport ?? 0, best: best,
            alternatives: alternatives, notDrafted: notes)
    }

    static func better(_ a: PlanCandidate, _ b: PlanCandidate, classes: [String] = []) -> Bool {
        if a.feasibility.rank != b.feasibility.rank { return a.feasibility.rank < b.feasibility.rank }
        let errorsA = a.reasons.count { $0.severity == .error }, errorsB = b.reasons.count { $0.severity == .error }
        if errorsA != errorsB { return errorsA < errorsB }
        let warningsA = a.reasons.count { $0.severity == .warning }, warningsB = b.reasons.count { $0.severity == .warning }
        if warningsA != warningsB { return warningsA < warningsB }
        if a.literatureSupport != b.literatureSupport { return a.literatureSupport > b.literatureSupport }
        if a.hostSupport != b.hostSupport { return a.hostSupport > b.hostSupport }
        func classRank(_ candidate: PlanCandidate) -> [Int] {
            candidate.precursorClasses.map { classes.firstIndex(of: $0) ?? classes.count }
        }
        if classRank(a) != classRank(b) { return classRank(a).lexicographicallyPrecedes(classRank(b)) }
        return ((a.host ?? ""), a.precursors.joined()) < ((b.host ?? ""), b.precursors.joined())
    }

    // MARK: Candidates

    /// Every (host, precursors) pair of the catalogs for a route, drafted and judged; and the pairs that could not be drafted.
    func candidates(_ route: Route, _ request: PlanRequest) -> ([PlanCandidate], [PlanReason]) {
        var notDrafted: [PlanReason] = []
        var perMetal: [[MetalSource]] = []
        for metal in request.metals {
            var sources = metalSources(for: metal, route: route)
            if let written = request.precursor, sources.contains(where: { $0.answers(to: written) }) {
                sources = sources.filter { $0.answers(to: written) }
            } else if let written = request.precursor, request.metals.count == 1 {
                notDrafted.append(PlanReason(.error, source: "catalog", "\(written) is not a precursor this route drafts with for \(metal)"))
                return ([], notDrafted)
            }
            if sources.isEmpty {
                notDrafted.append(PlanReason(.error, source: "catalog", "no \(metal) precursor in the catalog for this route"))
                return ([], notDrafted)
            }
            perMetal.append(request.metals.count > 1 ? Array(sources.prefix(precursorsPerMetalForPairs)) : sources)
        }
        let combinations = perMetal.reduce([[MetalSource]]([[]])) { partial, options in
            partial.flatMap { prefix in options.map { prefix + [$0] } }
        }

        var hosts = knowledge.hosts.hosts
        if let written = request.host { hosts = hosts.filter { $0.answers(to: written) } }
        let formation = Set(data.formationHosts(for: route).compactMap { knowledge.hosts.host(named: $0)?.id })
        var candidates: [PlanCandidate] = []
        for host in hosts {
            let formed = formation.contains(host.id)
            switch route {
            case .mixedMetalPyrolysis:
                guard formed else {
                    if request.host != nil {
                        notDrafted.append(PlanReason(.error, source: "plan", "this route forms its host from Zn and the target metal in the recipe; the planning data forms only " + data.formationHosts(for: route).joined(separator: ", ")))
                    }
                    continue
                }
            case .poreConfinement:
                break
            default:
                guard formed || weighingFormula(host) != nil else {
                    notDrafted.append(PlanReason(.note, source: "catalog", "\(host.name): no unit-cell formula to weigh the host in by (frameworks.yaml: none found)"))
                    continue
                }
            }
            if route == .poreConfinement, !formed, weighingFormula(host) == nil {
                notDrafted.append(PlanReason(.note, source: "catalog", "\(host.name): no unit-cell formula to weigh the host in by (frameworks.yaml: none found)"))
                continue
            }
            for sources in combinations {
                let draft = Draft(planner: self, route: route, request: request, host: host, formed: formed, sources: sources)
                candidates.append(judge(draft))
            }
        }
        return (candidates, notDrafted)
    }

    /// Runs the rules on a draft and adds the fit's word: the candidate with its verdict and reasons.
    func judge(_ draft: Draft) -> PlanCandidate {
        let text = draft.text
        let result = validator.validate(text: text, file: "draft.yaml")
        var reasons = result.diagnostics.map(reason)
        reasons += draft.reasons
        let family = RuleFamily(route: draft.route)
        let fired = Set(result.diagnostics.map(\.ruleID))
        let held = RuleRegistry.descriptions.filter { $0.family == family && !fired.contains($0.id) }.map {
            PlanReason(.note, source: $0.id, $0.summary, references: $0.references)
        }
        var conditions = draft.conditions(of: result)
        conditions += reasons.filter { $0.severity == .warning }.map { "\($0.message) [\($0.source)]" }
        return PlanCandidate(
            route: draft.route, host: draft.host.name, precursors: draft.sources.map(\.label), precursorClasses: draft.sources.map(\.catalogClass), feasibility: Feasibility(reasons),
            reasons: reasons.sorted { $0.severity > $1.severity }, checksHeld: held, conditions: conditions,
            maximumIsolatedLoading: draft.maximumIsolatedLoading, literatureSupport: literatureSupport(draft, naming: .target),
            hostSupport: literatureSupport(draft, naming: .host), draft: text)
    }

    func reason(_ diagnostic: Diagnostic) -> PlanReason {
        var references = diagnostic.notes.compactMap(\.citation)
        for reference in RuleRegistry.description(for: diagnostic.ruleID)?.references ?? [] where !references.contains(reference) {
            references.append(reference)
        }
        return PlanReason(diagnostic.severity, source: diagnostic.ruleID, diagnostic.message, notes: diagnostic.notes.map(\.message), references: references)
    }

    // MARK: Catalog look-ups

    /// The precursors a route drafts with for a metal: the fit catalog's for pore confinement, ALD precursors for AIM
    /// (else the metal's solution precursors, flagged), metal salts and complexes otherwise.
    func metalSources(for metal: String, route: Route) -> [MetalSource] {
        if route == .poreConfinement {
            return (knowledge.fit?.precursors ?? []).filter { $0.metals == [metal] }.compactMap { MetalSource(precursor: $0, metal: metal, planner: self) }
        }
        let chemicals = knowledge.chemicals.chemicals.filter { ($0.metal ?? []) == [metal] }
        if route == .aim {
            let ald = chemicals.filter { $0.chemicalClass == "ald-precursor" }.compactMap { MetalSource(chemical: $0, metal: metal, planner: self) }
            if !ald.isEmpty { return ald }
            return chemicals.filter { $0.chemicalClass == "metal-precursor" }.compactMap {
                MetalSource(chemical: $0, metal: metal, planner: self, standingInForALD: true)
            }
        }
        return chemicals.filter { ["metal-salt", "metal-precursor"].contains($0.chemicalClass ?? "") }.compactMap {
            MetalSource(chemical: $0, metal: metal, planner: self)
        }
    }

    /// The formula a made host is weighed in by: the catalog's unit-cell formula, else the planning data's.
    func weighingFormula(_ host: HostFacts) -> (formula: String, source: String)? {
        if let framework = try? knowledge.fit?.framework(named: host.id), let formula = framework.record.cellFormula.value {
            return (formula, framework.record.cellFormula.source)
        }
        return data.hostFormula(host)
    }

    func molarMass(_ formula: String) -> Double? {
        (try? ChemicalFormula(parsing: formula)).flatMap { try? $0.molarMass(in: knowledge.elements) }
    }

    /// The chemistry-data section of a route (the one whose `route:` names it).
    func chemistrySection(_ route: Route) -> String? {
        guard case .map(let sections) = knowledge.chemistry.root else { return nil }
        return sections.keys.sorted().first { sections[$0]?["route"]?.text == route.rawValue }
    }

    // MARK: Literature support

    enum Mention { case target, host }

    /// Distinct citations in the route's chemistry data whose entries name a target metal or precursor (`.target`), or
    /// the host (`.host`).
    func literatureSupport(_ draft: Draft, naming what: Mention) -> Int {
        guard let section = chemistrySection(draft.route), let root = knowledge.chemistry.entry(section) else { return 0 }
        // A metal is named by its symbol (Co, V) or its element name (cobalt, vanadium).
        let metals: Set<String> = what == .target
            ? Set(draft.request.metals + draft.request.metals.compactMap { knowledge.elements.element($0)?.name.lowercased() }) : []
        let names = what == .host
            ? ([draft.host.name, draft.host.id] + draft.host.aliases).map(HostFacts.normalised)
            : draft.sources.flatMap { [$0.name, $0.formula] + $0.aliases }.map(HostFacts.normalised)
        var citations = Set<String>()
        func mentions(_ text: String) -> Bool {
            let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
            if words.contains(where: { metals.contains($0) || metals.contains($0.lowercased()) && $0.count > 2 }) { return true }
            let key = HostFacts.normalised(text)
            return names.contains { !$0.isEmpty && key.contains($0) }
        }
        func walk(_ node: DataValue, path: [String]) {
            switch node {
            case .map(let entries):
                let cited = (entries["citation"]?.strings ?? []) + (entries["citations"]?.strings ?? [])
                if !cited.isEmpty, mentions((path + [Self.text(of: node)]).joined(separator: " ")) { citations.formUnion(cited) }
                for (key, child) in entries where key != "citation" && key != "citations" { walk(child, path: path + [key]) }
            case .list(let items):
                for item in items { walk(item, path: path) }
            default: break
            }
        }
        walk(root, path: [])
        return citations.count
    }

    static func text(of node: DataValue) -> String {
        switch node {
        case .text(let value): value
        case .number(let value): QuantityFormat.number(value)
        case .list(let items): items.map(text).joined(separator: " ")
        case .map(let entries): entries.sorted { $0.key < $1.key }.map { "\($0.key) " + text(of: $0.value) }.joined(separator: " ")
        default: ""
        }
    }
}

extension HostFacts {
    /// A name as compared: lower case, letters and digits only.
    static func normalised(_ name: String) -> String { name.lowercased().filter { $0.isLetter || $0.isNumber } }
}

extension RuleFamily {
    init(route: Route) {
        switch route {
        case .linkerAnchoring: self = .linkerAnchoring
        case .nodeExchange: self = .nodeExchange
        case .sim: self = .sim
        case .aim: self = .aim
        case .poreConfinement: self = .poreConfinement
        case .mixedMetalPyrolysis: self = .mixedMetal
        }
    }
}

/// A reagent that brings a target metal: a chemical of the catalog, or a precursor of the fit catalog.
struct MetalSource: Sendable {
    var name: String
    var formula: String
    var aliases: [String]
    var metal: String
    var molarMass: Double
    var metalPerFormula: Double
    var role: ReagentRole
    /// The chemical catalog's class (metal-salt, metal-precursor, ald-precursor); empty for a fit-catalog precursor.
    var catalogClass = ""
    var fitPrecursor: Precursor?
    /// A solution precursor drafted as an ALD precursor because the catalog has no ALD precursor of the metal.
    var standingInForALD = false

    var label: String { formula == name ? name : "\(name) (\(formula))" }

    func answers(to written: String) -> Bool {
        let key = HostFacts.normalised(written)
        return ([name, formula] + aliases).contains { HostFacts.normalised($0) == key }
    }

    init?(chemical: Chemical, metal: String, planner: Planner, standingInForALD: Bool = false) {
        guard let formula = chemical.formula, let parsed = try? ChemicalFormula(parsing: formula),
              let mass = try? parsed.molarMass(in: planner.knowledge.elements), parsed.count(of: metal) > 0 else { return nil }
        name = chemical.name
        self.formula = formula
        aliases = (chemical.aliases ?? []) + [chemical.id]
        self.metal = metal
        molarMass = mass
        metalPerFormula = parsed.count(of: metal)
        role = chemical.chemicalClass == "ald-precursor" || standingInForALD ? .aldPrecursor : (chemical.chemicalClass == "metal-salt" ? .metalSalt : .metalPrecursor)
        self.standingInForALD = standingInForALD
        catalogClass = chemical.chemicalClass ?? ""
    }

    init?(precursor: Precursor, metal: String, planner: Planner) {
        guard let mass = precursor.molarMass, let parsed = try? ChemicalFormula(parsing: precursor.record.formula) else { return nil }
        name = precursor.name
        formula = precursor.record.formula
        aliases = precursor.record.aliases + [precursor.id]
        self.metal = metal
        molarMass = mass
        metalPerFormula = parsed.count(of: metal)
        role = .metalPrecursor
        fitPrecursor = precursor
    }
}
