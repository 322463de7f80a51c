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
        let request = try resolve(request)
        let routes = Route.allCases.map { routePlan($0, request) }.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            if x.grade.rank != y.grade.rank { return x.grade.rank < y.grade.rank }
            let strengthA = Self.strength(x.best)
            let strengthB = Self.strength(y.best)
            if strengthA != strengthB { return strengthA.lexicographicallyPrecedes(strengthB, by: >) }
            if x.literatureSupport != y.literatureSupport { return x.literatureSupport > y.literatureSupport }
            let hostA = x.best?.hostSupport ?? 0
            let hostB = y.best?.hostSupport ?? 0
            if hostA != hostB { return hostA > hostB }
            return a.offset < b.offset
        }.map(\.element)
        return Plan(metals: request.metals, site: request.site, batchGrams: request.batchGrams, routes: routes)
    }

    /// The best candidate of one route (the one `--emit recipe` writes).
    public func best(_ route: Route, _ request: PlanRequest) throws -> PlanCandidate? {
        let request = try resolve(request)
        return routePlan(route, request).best
    }

    /// How strong the published evidence of a candidate is, compared in order: a precedent made with the same
    /// precursor, precedents with a confirmed DOI, precedents.
    static func strength(_ candidate: PlanCandidate?) -> [Int] {
        guard let candidate, candidate.grade == .precedent else { return [0, 0, 0] }
        let precedents = candidate.precedents
        return [precedents.contains { $0.samePrecursor } ? 1 : 0, precedents.count { $0.doi != nil }, precedents.count]
    }

    /// The request checked, with the metals as symbols (`Cobalt` is Co) and the support in its usual spelling.
    public func resolve(_ request: PlanRequest) throws -> PlanRequest {
        var request = request
        request.metals = try request.metals.map { written in
            guard let element = knowledge.elements.element(written: written) else {
                throw PlanError("unknown element '\(written)' (write the symbol or the name: Pt, Co, cobalt)")
            }
            return element.symbol
        }
        request.support = request.support.map(SupportName.canonical)
        try check(request)
        return request
    }

    func check(_ request: PlanRequest) throws {
        guard !request.metals.isEmpty else {
            throw PlanError("give the target metal with --metal (e.g. --metal Pt, or --metal Fe,Co for a pair)")
        }
        for metal in request.metals where knowledge.elements.element(metal) == nil {
            throw PlanError("unknown element '\(metal)' (write the symbol or the name: Pt, Co, cobalt)")
        }
        switch request.site {
        case .singleAtom where request.metals.count != 1:
            throw PlanError("a single-atom target has one metal; for a pair give --site dual-atom")
        case .dualAtom where request.metals.count != 2:
            // A homonuclear pair (Fe2 from Fe2(CO)9 in ZIF-8) is validated as a recipe but not planned: the
            // planner drafts one precursor per metal and has no dinuclear precursors to draft from.
            throw PlanError(
                "a dual-atom target names two metals (e.g. --metal Fe,Co); a homonuclear pair (Fe2) is not planned: "
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
            notes.append(
                PlanReason(
                    .unknown, source: "catalog", "no catalog precursor of \(request.metals.joined(separator: ", ")) for this route",
                    settle: "a precursor of \(request.metals.joined(separator: ", ")) in chemicals.yaml or a lab catalog (--catalog)"))
        }
        let best = sorted.first
        let grade: EvidenceGrade
        var toMoveUp: [String]
        if let best {
            grade = best.grade
            toMoveUp = best.toMoveUp
        } else {
            // Nothing could be drafted: a rule of the request (an error) rules it out; a missing datum leaves it open.
            grade = notes.contains { $0.severity == .error } ? .notFeasible : .unknown
            toMoveUp = notes.filter { $0.severity != .note }.map { $0.settle.map { "add \($0)" } ?? $0.message }
            let precedents = data.evidence.precedents(metals: request.metals, site: request.site, route: route)
            if grade == .unknown, let first = precedents.first {
                toMoveUp.append("published: \(first.shortCitation), \(first.doiText), on \(first.host) with \(first.precursor)")
            }
        }
        return RoutePlan(
            route: route, title: route.title, grade: grade, summary: summary?.text, summaryReferences: summary?.citations ?? [],
            literatureSupport: best?.literatureSupport ?? 0, best: best, alternatives: alternatives, notDrafted: notes, toMoveUp: toMoveUp)
    }

    static func better(_ a: PlanCandidate, _ b: PlanCandidate, classes: [String] = []) -> Bool {
        if a.grade.rank != b.grade.rank { return a.grade.rank < b.grade.rank }
        let strengthA = strength(a)
        let strengthB = strength(b)
        if strengthA != strengthB { return strengthA.lexicographicallyPrecedes(strengthB, by: >) }
        for severity in [Severity.error, .unknown, .warning] {
            let countA = a.reasons.count { $0.severity == severity }
            let countB = b.reasons.count { $0.severity == severity }
            if countA != countB { return countA < countB }
        }
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
                notDrafted.append(
                    PlanReason(.error, source: "catalog", "\(written) is not a precursor this route drafts with for \(metal)"))
                return ([], notDrafted)
            }
            if sources.isEmpty, route == .aim {
                let reason = Draft.aldGap(metal: metal, planner: self)
                notDrafted.append(
                    PlanReason(
                        .unknown, source: "catalog", "no ALD or solution precursor of \(metal) in the catalog for this route",
                        settle: reason))
                return ([], notDrafted)
            }
            if sources.isEmpty {
                let catalog =
                    route == .poreConfinement
                    ? "the precursor catalog (precursors.yaml, with its computed geometry)" : "chemicals.yaml or a lab catalog (--catalog)"
                notDrafted.append(
                    PlanReason(
                        .unknown, source: "catalog", "no \(metal) precursor in the catalog for this route",
                        settle: "a precursor of \(metal) to \(catalog)"))
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
                        notDrafted.append(
                            PlanReason(
                                .error, source: "plan",
                                "this route forms its host from Zn and the target metal in the recipe; the planning data forms only "
                                    + data.formationHosts(for: route).joined(separator: ", ")))
                    }
                    continue
                }
            case .poreConfinement:
                break
            default:
                guard formed || weighingFormula(host) != nil else {
                    notDrafted.append(
                        PlanReason(
                            .note, source: "catalog",
                            "\(host.name): no unit-cell formula to weigh the host in by (frameworks.yaml: none found)"))
                    continue
                }
            }
            if route == .poreConfinement, !formed, weighingFormula(host) == nil {
                notDrafted.append(
                    PlanReason(
                        .note, source: "catalog", "\(host.name): no unit-cell formula to weigh the host in by (frameworks.yaml: none found)"
                    ))
                continue
            }
            for sources in combinations {
                let draft = Draft(planner: self, route: route, request: request, host: host, formed: formed, sources: sources)
                candidates.append(judge(draft))
            }
        }
        return (candidates, notDrafted)
    }

    /// Runs the rules on a draft and adds the fit's word: the candidate with its grade and reasons.
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
        // A warning is printed as a finding, not as a condition: a published risk is not a recipe to follow.
        let conditions = draft.conditions(of: result)
        let precedents = precedentMatches(draft)
        let grade = Self.grade(reasons, precedents: precedents)
        return PlanCandidate(
            route: draft.route, host: draft.host.name, precursors: draft.sources.map(\.label),
            precursorClasses: draft.sources.map(\.catalogClass),
            grade: grade, precedents: precedents, reasons: reasons.sorted { $0.severity > $1.severity },
            toMoveUp: toMoveUp(draft, grade: grade, reasons: reasons, precedents: precedents), checksHeld: held, conditions: conditions,
            maximumIsolatedLoading: draft.maximumIsolatedLoading, literatureSupport: literatureSupport(draft, naming: .target),
            hostSupport: literatureSupport(draft, naming: .host), draft: text)
    }

    /// The grade of a draft: an error rules it out; a published synthesis on the host or its family makes it a precedent
    /// (unless what is missing is about a precursor the paper did not use); otherwise every check must hold, with no
    /// datum missing and no published risk, for "rules hold", and anything else is unknown.
    static func grade(_ reasons: [PlanReason], precedents: [PrecedentMatch]) -> EvidenceGrade {
        if reasons.contains(where: { $0.severity == .error }) { return .notFeasible }
        if !precedents.isEmpty, precedents.contains(where: \.samePrecursor) || !reasons.contains(where: \.concernsThePrecursor) {
            return .precedent
        }
        if reasons.contains(where: { $0.severity == .unknown || $0.severity == .warning }) { return .unknown }
        return .rulesHold
    }

    /// The published syntheses of the target by the draft's route on its host or the host's family.
    func precedentMatches(_ draft: Draft) -> [PrecedentMatch] {
        data.evidence.precedents(metals: draft.request.metals, site: draft.request.site, route: draft.route).compactMap { precedent in
            let host = data.evidence.host(draft.host, matches: precedent)
            guard host.matches else { return nil }
            let same =
                !(precedent.precursorMatch ?? []).isEmpty
                && draft.sources.contains { source in (precedent.precursorMatch ?? []).contains { source.answers(to: $0) } }
            return PrecedentMatch(precedent, samePrecursor: same, family: host.family)
        }.sorted { ($0.samePrecursor ? 0 : 1, $0.doi == nil ? 1 : 0, $0.id) < ($1.samePrecursor ? 0 : 1, $1.doi == nil ? 1 : 0, $1.id) }
    }

    /// What data would move a candidate up a grade.
    func toMoveUp(_ draft: Draft, grade: EvidenceGrade, reasons: [PlanReason], precedents: [PrecedentMatch]) -> [String] {
        let target = "\(draft.request.metals.joined(separator: "/")) \(draft.request.site == .dualAtom ? "pairs" : "single atoms")"
        let publication = "a published synthesis of \(target) by \(draft.route.title) on \(draft.host.name) or its family (precedents.yaml)"
        switch grade {
        case .precedent:
            guard !precedents.contains(where: \.samePrecursor), let first = precedents.first else { return [] }
            return [
                "drafted with \(draft.sources.map(\.name).joined(separator: " + ")); \(first.precedent.shortCitation) used \(first.precursor)"
            ]
        case .rulesHold:
            return ["\(publication) would make it a precedent; none found (precedents.yaml says where it was looked for)"]
        case .unknown:
            var items: [String] = []
            for reason in reasons where reason.severity == .unknown {
                items.append(reason.settle.map { "\($0) [\(reason.source)]" } ?? "the datum \(reason.source) names: \(reason.message)")
            }
            for reason in reasons where reason.severity == .warning {
                items.append("\(publication), or data that the risk of \(reason.source) does not apply")
            }
            if !precedents.isEmpty, let first = precedents.first {
                items.append("the precursor of \(first.precedent.shortCitation) in the catalog (\(first.precursor))")
            } else if !reasons.contains(where: { $0.severity == .warning }) {
                items.append(publication)
            }
            return items
        case .notFeasible:
            let rules = Array(Set(reasons.filter { $0.severity == .error }.map(\.source))).sorted()
            if rules == ["plan"] { return ["none: the route does not give what was asked for (another --support, --host or --precursor)"] }
            return [
                "none: ruled out by \(rules.joined(separator: ", ")); only a published synthesis that contradicts the rule would reopen it"
            ]
        }
    }

    func reason(_ diagnostic: Diagnostic) -> PlanReason {
        var references = diagnostic.notes.compactMap(\.citation)
        for reference in RuleRegistry.description(for: diagnostic.ruleID)?.references ?? [] where !references.contains(reference) {
            references.append(reference)
        }
        // A check that could not run names the missing datum in its message and notes: that is what would settle it.
        let settle =
            diagnostic.severity == .unknown ? ([diagnostic.message] + diagnostic.notes.map(\.message)).joined(separator: "; ") : nil
        return PlanReason(
            diagnostic.severity, source: diagnostic.ruleID, diagnostic.message, notes: diagnostic.notes.map(\.message),
            references: references,
            settle: settle)
    }

    // MARK: Catalog look-ups

    /// The precursors a route drafts with for a metal: the fit catalog's for pore confinement, ALD precursors for AIM
    /// (else the metal's solution precursors, flagged), metal salts and complexes otherwise.
    func metalSources(for metal: String, route: Route) -> [MetalSource] {
        if route == .poreConfinement {
            return (knowledge.fit?.precursors ?? []).filter { $0.metals == [metal] }.compactMap {
                MetalSource(precursor: $0, metal: metal, planner: self)
            }
        }
        let chemicals = knowledge.chemicals.chemicals.filter { ($0.metal ?? []) == [metal] }
        if route == .aim {
            let ald = chemicals.filter { $0.chemicalClass == "ald-precursor" }.compactMap {
                MetalSource(chemical: $0, metal: metal, planner: self)
            }
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
        let metals: Set<String> =
            what == .target
            ? Set(draft.request.metals + draft.request.metals.compactMap { knowledge.elements.element($0)?.name.lowercased() }) : []
        let names =
            what == .host
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
    /// The chemical catalog's id (nil for a fit-catalog precursor).
    var catalogID: String?
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
            let mass = try? parsed.molarMass(in: planner.knowledge.elements), parsed.count(of: metal) > 0
        else { return nil }
        name = chemical.name
        self.formula = formula
        aliases = (chemical.aliases ?? []) + [chemical.id]
        self.metal = metal
        molarMass = mass
        metalPerFormula = parsed.count(of: metal)
        role =
            chemical.chemicalClass == "ald-precursor" || standingInForALD
            ? .aldPrecursor : (chemical.chemicalClass == "metal-salt" ? .metalSalt : .metalPrecursor)
        self.standingInForALD = standingInForALD
        catalogClass = chemical.chemicalClass ?? ""
        catalogID = chemical.id
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
