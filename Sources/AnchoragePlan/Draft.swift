import AnchorageCore
import AnchorageFit
import AnchorageRules
import Foundation

/// A draft recipe for one route, host and set of precursors: written from the route's step template (planning data),
/// with amounts for the batch, so that the rules can judge it.
struct Draft {
    let planner: Planner
    let route: Route
    let request: PlanRequest
    let host: HostFacts
    /// The host forms in the recipe (ZIF-8 from zinc nitrate and 2-methylimidazole), rather than being weighed in.
    let formed: Bool
    let sources: [MetalSource]

    var data: PlanData { planner.data }
    var knowledge: Knowledge { planner.knowledge }
    var batch: Double { request.batchGrams }
    var framework: Framework? { try? knowledge.fit?.framework(named: host.id) }

    var templateKey: String {
        switch route {
        case .poreConfinement: formed ? "pore-confinement.in-situ" : "pore-confinement.impregnation"
        case .linkerAnchoring where formed: "linker-anchoring.formed"
        default: route.rawValue
        }
    }

    var formationKey: String? { formed ? data.formationHosts(for: route).first { host.answers(to: $0) } : nil }

    /// A host formed without a unit-cell formula on record is batched by the mass of its linker.
    var batchedByLinker: Bool { formationKey.map { data.text("formation.\($0).batch_basis") == "linker" } ?? false }

    /// The reagents of a host formed from a linker, scaled to the batch: id, chemical, grams, role.
    var formationReagents: [(id: String, chemical: Chemical, grams: Double, role: ReagentRole)] {
        guard batchedByLinker, let key = formationKey, case .map(let entries)? = data.root.entry("formation.\(key).reagents") else {
            return []
        }
        return entries.keys.sorted().compactMap { id in
            guard let entry = entries[id], let chemical = chemical(entry["chemical"]?.text),
                let perGram = entry["grams_per_g_linker"]?.number,
                let role = entry["role"]?.text.flatMap(ReagentRole.init(rawValue:))
            else { return nil }
            return (id, chemical, perGram * batch, role)
        }
    }

    /// What a batch is a mass of.
    var batchNoun: String {
        guard batchedByLinker, let linker = formationReagents.first(where: { $0.role == .linker }) else { return "host" }
        return linker.chemical.name
    }

    /// Fit verdicts of the precursors in the host (pore confinement).
    var verdicts: [FitVerdict] {
        guard route == .poreConfinement, let fit = knowledge.fit, let framework else { return [] }
        return sources.compactMap { $0.fitPrecursor.map { fit.assessFit($0, framework) } }
    }

    /// Moles of framework metal in a host formed in the recipe: the batch over the unit cell's mass per metal atom.
    var frameworkMetalMoles: Double? {
        guard formed, let framework, let atoms = framework.metalAtomsPerCell, let mass = framework.cellMolarMass, mass > 0 else {
            return nil
        }
        return batch * atoms / mass
    }

    /// Moles of each precursor: a share of the one-per-cage maximum for pore confinement, the Zn:M ratio for a mixed-metal
    /// ZIF, else the planning loading (wt % metal of the host).
    func precursorMoles(_ source: MetalSource) -> Double? {
        let share = Double(sources.count)
        if route == .mixedMetalPyrolysis, let zinc = frameworkMetalMoles, let ratio = data.number("loading.zn_to_metal_molar_ratio"),
            ratio > 0
        {
            return zinc / ratio / share / source.metalPerFormula
        }
        if route == .poreConfinement, let fit = knowledge.fit, let framework, let precursor = source.fitPrecursor,
            let fill = data.number("loading.cage_fill_fraction"),
            let maximum = fit.assessFit(precursor, framework).batchMaximum(
                hostGrams: formed ? nil : batch, frameworkMetalMillimoles: frameworkMetalMoles.map { $0 * 1000 })
        {
            return maximum.millimoles / 1000 * fill / share
        }
        guard let percent = data.number("loading.metal_wt_pct_of_host"), let weight = knowledge.elements.element(source.metal)?.weight,
            source.metalPerFormula > 0
        else { return nil }
        return batch * percent / 100 / weight / share / source.metalPerFormula
    }

    // MARK: Text

    var text: String {
        var lines = [
            "# yaml-language-server: $schema=\(planner.schemaReference)",
            "anchorage: 1",
            "id: " + identifier,
            "title: " + Self.quoted(title),
            "source:",
            "  cite: " + Self.quoted("Drafted from " + (data.text("routes.\(templateKey).source") ?? "the planning data")),
            "  note: "
                + Self.quoted(
                    "Written by anchorage plan for \(QuantityFormat.mass(grams: batch)) of \(batchNoun); amounts and conditions are a starting point to adjust."
                ),
            "target: {metals: [\(request.metals.joined(separator: ", "))], site: \(request.site.rawValue), support: \(Self.quoted(product))}",
            "route: \(route.rawValue)",
            "host: " + Self.quoted(host.name),
            "reagents:",
        ]
        lines += reagents.map { "  " + $0 }
        lines.append("steps:")
        lines += steps.split(separator: "\n", omittingEmptySubsequences: true).map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    var identifier: String {
        let parts = ["draft", route.rawValue] + request.metals.map { $0.lowercased() } + [HostFacts.normalised(host.name)]
        return parts.joined(separator: "-")
    }

    var title: String {
        let kind = request.site == .dualAtom ? "pairs" : "single atoms"
        return "Draft: \(request.metals.joined(separator: "/")) \(kind) by \(route.title), host \(host.name)"
    }

    /// What the finished catalyst sits on: N-doped carbon after a pyrolysis (as in the worked recipes), else the host.
    var product: String { templateSteps.contains("pyrolyze") ? "N-doped carbon" : host.name }

    var templateSteps: String { data.steps(templateKey) ?? "" }

    var solventID: String? {
        if formed, let key = formationKey { return data.text("formation.\(key).solvent") }
        return data.text("routes.\(templateKey).solvent") ?? data.text("routes.\(route.rawValue).solvent")
    }

    func chemical(_ id: String?) -> Chemical? { id.flatMap { knowledge.chemicals.chemical(named: $0) } }

    var reagents: [String] {
        var lines: [String] = []
        func line(_ id: String, name: String, formula: String?, mass: Double?, role: ReagentRole) {
            var fields = ["name: " + Self.quoted(name)]
            if let formula { fields.append("formula: " + Self.quoted(formula)) }
            if let mass { fields.append("mass: " + QuantityFormat.mass(grams: mass)) }
            fields.append("role: " + role.rawValue)
            lines.append("\(id): {" + fields.joined(separator: ", ") + "}")
        }
        if batchedByLinker {
            for reagent in formationReagents {
                line(reagent.id, name: reagent.chemical.name, formula: reagent.chemical.formula, mass: reagent.grams, role: reagent.role)
            }
        } else if formed, let key = formationKey {
            if let salt = chemical(data.text("formation.\(key).metal_salt")), let formula = salt.formula,
                let mass = planner.molarMass(formula),
                let moles = frameworkMetalMoles
            {
                line("zn", name: salt.name, formula: formula, mass: moles * mass, role: .metalSalt)
            }
            if let linker = chemical(data.text("formation.\(key).linker")), let formula = linker.formula,
                let mass = planner.molarMass(formula),
                let moles = frameworkMetalMoles, let perMetal = data.number("formation.\(key).linker_per_metal")
            {
                line("linker", name: linker.name, formula: formula, mass: moles * perMetal * mass, role: .linker)
            }
        } else if let (formula, _) = planner.weighingFormula(host) {
            line("host", name: host.name, formula: formula, mass: batch, role: .support)
        }
        for (index, source) in sources.enumerated() {
            let mass = source.role == .aldPrecursor ? nil : precursorMoles(source).map { $0 * source.molarMass }
            line("m\(index + 1)", name: source.name, formula: source.formula, mass: mass, role: source.role)
        }
        if needsPairLigand, let ligand = chemical(knowledge.chemistry.list("linker_anchoring.multidentate_pair_ligands").first),
            let formula = ligand.formula, let mass = planner.molarMass(formula), let perMetal = data.number("loading.pair_ligand_per_metal")
        {
            let metal = sources.compactMap { source in precursorMoles(source).map { $0 * source.metalPerFormula } }.reduce(0, +)
            line("ligand", name: ligand.name, formula: formula, mass: metal * perMetal * mass, role: .additive)
        }
        if route == .aim, let written = data.text("routes.aim.co_reactant").map(substitute), let co = chemical(written) {
            line("co", name: co.name, formula: nil, mass: nil, role: .coReactant)
        }
        if let solvent = chemical(solventID) { line("solvent", name: solvent.name, formula: nil, mass: nil, role: .solvent) }
        if let rinse = chemical(data.text("routes.\(templateKey).rinse")) {
            line("rinse", name: rinse.name, formula: nil, mass: nil, role: .solvent)
        }
        return lines
    }

    var needsPairLigand: Bool { route == .linkerAnchoring && request.site == .dualAtom }

    var steps: String {
        var lines: [String] = []
        for line in templateSteps.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<<each:"), trimmed.hasSuffix(">>") {
                let key = trimmed.dropFirst("<<each:".count).dropLast(2)
                if let block = data.text("routes.\(route.rawValue).\(key)") {
                    lines += sources.indices.map { block.replacingOccurrences(of: "<<metal>>", with: "m\($0 + 1)") }
                }
                continue
            }
            if trimmed == "<<ligand>>" {
                if needsPairLigand, let ligand = data.text("routes.\(route.rawValue).ligand_step") { lines.append(ligand) }
                continue
            }
            lines.append(line)
        }
        return substitute(lines.joined(separator: "\n"))
    }

    /// Fills the placeholders of a template: `<<metals>>`, `<<mL:N>>`, `<<chemistry:PATH>>`.
    func substitute(_ template: String) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.range(of: "<<"), let close = rest[open.upperBound...].range(of: ">>") {
            output += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            output += value(of: name) ?? "<<\(name)>>"
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    func value(of placeholder: String) -> String? {
        if placeholder == "metals" { return sources.indices.map { "m\($0 + 1)" }.joined(separator: ", ") }
        if placeholder.hasPrefix("mL:"), let perGram = Double(placeholder.dropFirst(3)) {
            return QuantityFormat.volume(milliliters: (perGram * batch * 100).rounded() / 100)
        }
        if placeholder.hasPrefix("chemistry:") {
            return knowledge.chemistry.root.value(at: String(placeholder.dropFirst("chemistry:".count)))?.text
        }
        return nil
    }

    /// Placeholders the data could not fill (a chemistry value that is missing or null).
    var unfilled: [String] {
        var names: [String] = []
        var rest = Substring(steps)
        while let open = rest.range(of: "<<"), let close = rest[open.upperBound...].range(of: ">>") {
            names.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: Reasons beyond the rules

    /// What the fit, the catalogs and the planning data add to the rules' findings.
    var reasons: [PlanReason] {
        var reasons: [PlanReason] = []
        for verdict in verdicts {
            let sizes =
                "cage \(Self.size(verdict.framework.cageDiameter)), window \(Self.size(verdict.framework.windowDiameter)); precursor \(Self.size(verdict.effectiveCageSize)) across, \(Self.size(verdict.effectiveWindowSize)) cross-section"
            let references = [verdict.framework.record.cageDiameter.source, verdict.precursor.record.enclosingSphereVDW.source].filter {
                $0 != "none found"
            }
            switch verdict.mode {
            case .tooLarge, .notConfined:
                reasons.append(
                    PlanReason(
                        .error, source: "fit", "\(verdict.precursor.name) in \(verdict.framework.name): \(verdict.mode.rawValue)",
                        notes: [sizes], references: references))
            case .undetermined:
                reasons.append(
                    PlanReason(
                        .unknown, source: "fit",
                        "\(verdict.precursor.name) in \(verdict.framework.name): fit undetermined, a size is not in the catalog",
                        notes: [sizes], references: references,
                        settle:
                            "the missing size: the precursor's computed geometry (precursors.yaml) or the cage and window of \(verdict.framework.name) (frameworks.yaml)"
                    ))
            case .inSitu, .impregnation:
                let perCage = verdict.perCageMax.map { "\($0) per cage" } ?? "per-cage count unknown"
                reasons.append(
                    PlanReason(
                        .note, source: "fit",
                        "\(verdict.precursor.name) in \(verdict.framework.name): \(verdict.mode.rawValue), \(perCage)", notes: [sizes],
                        references: references))
                if verdict.mode == .inSitu, !formed {
                    reasons.append(
                        PlanReason(
                            .note, source: "plan",
                            "the planning data has no synthesis of \(host.name) to form it around the precursor (formation hosts: \(data.formationHosts(for: route).joined(separator: ", ")))"
                        ))
                }
            }
        }
        for source in sources where source.standingInForALD { reasons.append(aldReason(source)) }
        if let wanted = request.support, !SupportName.same(wanted, product), !(product == host.name && host.answers(to: wanted)) {
            reasons.append(PlanReason(.error, source: "plan", "this route gives \(product), not the requested support \(wanted)"))
        }
        for name in unfilled {
            reasons.append(PlanReason(.error, source: "plan", "the draft needs \(name), which the data does not give"))
        }
        return reasons
    }

    /// What is on record about a solution precursor drafted for ALD: a published ALD with an AIM co-reactant settles its
    /// volatility (a note); anything less leaves it unknown, naming the volatile precursors of the metal on record.
    func aldReason(_ source: MetalSource) -> PlanReason {
        let records = data.evidence.aldPrecursors[source.metal] ?? []
        let coReactants = knowledge.chemistry.list("aim.co_reactants")
        let settle = Self.aldGap(metal: source.metal, planner: planner, except: source.catalogID)
        let message = "no ALD precursor of \(source.metal) in the chemical catalog: drafted with \(source.name)"
        guard let record = records.first(where: { $0.catalogID != nil && $0.catalogID == source.catalogID }), record.volatilityOnRecord
        else {
            return PlanReason(.unknown, source: "catalog", message + ", whose volatility for ALD is not on record", settle: settle)
        }
        let use = [record.vapourPressure, record.aldUse].compactMap { $0 }.filter { !$0.hasPrefix("none found") }.enumerated()
            .map { $0.offset == 0 && $0.element == record.vapourPressure ? "vapour pressure \($0.element)" : "ALD: \($0.element)" }.joined(
                separator: "; ")
        guard let co = record.coReactant else {
            return PlanReason(
                .unknown, source: "catalog", message + " (\(use)); the co-reactant of its published ALD is not on record",
                notes: record.citation.map { [$0] } ?? [],
                settle: settle)
        }
        if !coReactants.contains(where: { co.contains($0) }) {
            return PlanReason(
                .unknown, source: "catalog",
                message
                    + ", volatile (\(use)) but published for ALD only with \(co), not with an AIM co-reactant (\(coReactants.joined(separator: ", "))): whether it reacts with the node –OH/–OH2 is not on record",
                notes: record.citation.map { [$0] } ?? [], settle: settle)
        }
        return PlanReason(.note, source: "catalog", message + ", volatile: \(use)", notes: record.citation.map { [$0] } ?? [])
    }

    /// The datum that would settle an ALD precursor of a metal, with the volatile precursors of the metal on record.
    static func aldGap(metal: String, planner: Planner, except catalogID: String? = nil) -> String {
        let records = planner.data.evidence.aldPrecursors[metal] ?? []
        let onRecord = records.filter { $0.volatilityOnRecord && ($0.catalogID == nil || $0.catalogID != catalogID) }.map { record in
            var text = record.compound
            if let use = record.aldUse { text += ": \(use)" }
            if let citation = record.citation { text += " [\(record.doi.map { "doi:\($0)" } ?? firstAuthor(citation))]" }
            return text
        }
        return
            "an ALD precursor of \(metal) in chemicals.yaml or a lab catalog (class ald-precursor), with its vapour pressure or a published ALD use (precedents.yaml ald_precursors)"
            + (onRecord.isEmpty ? "; none on record for \(metal)" : "; on record: " + onRecord.joined(separator: "; "))
    }

    static func firstAuthor(_ citation: String) -> String {
        if citation.hasPrefix("review-pom-admc") { return "review-pom-admc" }
        let first = citation.split(separator: ";").first.map(String.init) ?? citation
        return (first.split(separator: ",").first.map(String.init) ?? first) + " et al."
    }

    static func size(_ value: Double?) -> String { value.map { QuantityFormat.number($0, significant: 3) + " Å" } ?? "unknown" }

    // MARK: Conditions and loading

    /// The key conditions of the drafted recipe, read back from the recipe the validator decoded.
    func conditions(of result: ValidationResult) -> [String] {
        let recipe = result.recipe
        let course = result.resolved?.course
        var conditions: [String] = []
        if route == .mixedMetalPyrolysis, let ratio = data.number("loading.zn_to_metal_molar_ratio") {
            let metals = request.metals.joined(separator: "+")
            let sourced = knowledge.chemistry.threshold("mixed_metal_zif.zn_to_metal_min_molar_ratio")
            let basis =
                sourced.map { "minimum on record \(QuantityFormat.number($0.number ?? 0)):1 [\($0.citationList)]" }
                ?? "no sourced minimum (chemistry data: zn_to_metal_min_molar_ratio none found); as in the worked recipe"
            conditions.append("Zn:\(metals) molar ratio \(QuantityFormat.number(ratio)):1, \(basis)")
            if let low = knowledge.chemistry.threshold("mixed_metal_zif.pyrolysis_window_C.min"), let minimum = low.number,
                let maximum = knowledge.chemistry.threshold("mixed_metal_zif.pyrolysis_window_C.max")?.number
            {
                conditions.append(
                    "pyrolysis window \(QuantityFormat.number(minimum))–\(QuantityFormat.number(maximum)) °C [\(low.citationList)]")
            }
        }
        if batchedByLinker, let key = formationKey {
            conditions.append(
                "batch: \(QuantityFormat.mass(grams: batch)) of \(batchNoun), \(host.name) formed in the recipe"
                    + (data.text("formation.\(key).note").map { " (\($0))" } ?? ""))
        }
        if route == .poreConfinement {
            // How the precursor meets the host, as the course of the drafted recipe has it.
            let targets = Set(recipe?.target.metals.map(\.value) ?? [])
            let met = course?.encounters.first { encounter in
                result.resolved?.reagent(encounter.reagent).map { !Set($0.metals).isDisjoint(with: targets) } ?? false
            }
            let inSitu = met.map { $0.mode == .inSitu } ?? formed
            let soaked = met.map { $0.phrase == "soaked in" } ?? true
            conditions.append(
                inSitu
                    ? "precursor present while \(host.name) forms (trapped in situ)"
                    : soaked
                        ? "precursor soaked into the made \(host.name)"
                        : "precursor \(met?.phrase ?? "brought to the made framework") (\(host.name))")
        }
        let exchangeSteps = Set(course?.exchanges.map(\.step) ?? [])
        for step in recipe?.steps ?? [] {
            let temperature = step.quantity(.temperature).map { "\($0.value)" }
            let behaviour = step.behaviour
            let held = behaviour.time.flatMap { step.quantity($0) }
            switch behaviour.contents {
            case .furnace where behaviour.carbonises:
                conditions.append(
                    "pyrolysis at \(temperature ?? "?") under \(step.furnaceGas?.value ?? "?")" + (held.map { ", hold \($0.value)" } ?? ""))
            case .furnace:
                conditions.append(
                    "reduction under \(step.furnaceGas?.value ?? "?")" + (step.quantity(.h2).map { " (\($0.value) H2)" } ?? "")
                        + " at \(temperature ?? "?")")
            case .gasPhaseDeposition:
                conditions.append(
                    "ALD at \(temperature ?? "?"), \(step.integer(.cycles).map { "\($0.value) cycle(s)" } ?? "cycles unset"), under inert gas"
                )
            case _ where exchangeSteps.contains(step.number):
                conditions.append(
                    "exchange at \(temperature ?? "?")" + (held.map { " for \($0.value)" } ?? "")
                        + (step.repetitions > 1 ? ", \(step.repetitions) times" : ""))
            case .treat where route == .sim:
                conditions.append("deposition at \(temperature ?? "?") and ambient pressure")
            default: break
            }
        }
        return conditions
    }

    /// Chelating sites per gram of the host as weighed in (`plan.yaml` `chelating_sites`), computed from the formula.
    var chelatingSitesPerGram: (millimolePerGram: Double, basis: String)? {
        guard case .map(let entries)? = data.root.entry("chelating_sites"),
            let (_, entry) = entries.first(where: { host.answers(to: $0.key) }), let perFormula = entry["per_formula"]?.number,
            let formula = entry["formula"]?.text, let mass = planner.molarMass(formula), mass > 0
        else { return nil }
        let count = QuantityFormat.number(perFormula)
        return (
            perFormula * 1000 / mass,
            "\(count) per \(formula), \(QuantityFormat.number(mass, significant: 6)) g/mol: \(entry["source"]?.text ?? "no source")"
        )
    }

    var maximumIsolatedLoading: String? {
        switch route {
        case .poreConfinement:
            return verdicts.first.map { verdict in
                guard let loading = verdict.maxIsolatedLoading else {
                    return
                        "not known (no sourced cage count or unit-cell formula for \(verdict.framework.name), or the precursor is not one per cage)"
                }
                var text =
                    "\(QuantityFormat.number(loading.millimolePerGramHost, significant: 3)) mmol \(verdict.precursor.name) per g of host, one per cage"
                if let percent = loading.metalWeightPercentOfComposite {
                    text += " (\(QuantityFormat.number(percent, significant: 3)) wt % metal in the loaded solid)"
                }
                if let maximum = verdict.batchMaximum(
                    hostGrams: formed ? nil : batch, frameworkMetalMillimoles: frameworkMetalMoles.map { $0 * 1000 })
                {
                    text += "; this batch: at most \(QuantityFormat.number(maximum.millimoles, significant: 3)) mmol"
                }
                return text
            }
        case .mixedMetalPyrolysis:
            guard case .list(let reported)? = knowledge.chemistry.entry("mixed_metal_zif.reported_metal_loading_wt_pct") else { return nil }
            let lines = reported.compactMap { entry -> String? in
                guard let metal = entry["metal"]?.text, request.metals.contains(metal), let value = entry["value"]?.number else {
                    return nil
                }
                return
                    "\(entry["qualifier"]?.text.map { $0 + " " } ?? "")\(QuantityFormat.number(value)) wt % \(metal) reported [\(entry["citation"]?.text ?? "no source")]"
            }
            return lines.isEmpty
                ? "no single-atom loading of \(request.metals.joined(separator: "/")) on record" : lines.joined(separator: "; ")
        case .sim, .aim:
            guard case .map(let entries)? = knowledge.chemistry.entry("sim.anchoring_sites_per_node"),
                let (key, entry) = entries.first(where: { host.answers(to: $0.key) }),
                let sites = knowledge.chemistry.threshold("sim.anchoring_sites_per_node.\(key)"), let perNode = sites.number
            else {
                return "no count of node –OH/–OH2 on record for \(host.name)"
            }
            var text = "at most \(QuantityFormat.number(perNode)) metal atoms per node (terminal –OH/–OH2) [\(sites.citationList)]"
            if let nodeMetal = entry["node_metal"]?.text, let atoms = entry["node_metal_atoms"]?.number, atoms > 0,
                let (formula, _) = planner.weighingFormula(host), let parsed = try? ChemicalFormula(parsing: formula),
                let mass = try? parsed.molarMass(in: knowledge.elements), mass > 0
            {
                let millimolePerGram = perNode * parsed.count(of: nodeMetal) / atoms / mass * 1000
                text += ": \(QuantityFormat.number(millimolePerGram, significant: 3)) mmol per g of host"
            }
            return text
        case .linkerAnchoring:
            let ratio = knowledge.chemistry.threshold("linker_anchoring.max_metal_to_site_ratio")
            var text =
                "at most \(QuantityFormat.number(ratio?.number ?? 1)) metal atom per chelating site [\(ratio?.citationList ?? "no source found")]"
            guard case .map(let table)? = knowledge.chemistry.threshold("linker_anchoring.site_bearing_linkers")?.value,
                let perMolecule = knowledge.chemistry.entry("linker_anchoring.site_bearing_linkers.sites_per_molecule")?.number,
                let linker = formationReagents.first(where: { table[$0.chemical.id] != nil }),
                let formula = linker.chemical.formula, let mass = planner.molarMass(formula), mass > 0
            else {
                guard let sites = chelatingSitesPerGram else {
                    return text + "; sites per gram of \(host.name) not on record (plan.yaml chelating_sites)"
                }
                let metal = batch * sites.millimolePerGram / 1000 * (ratio?.number ?? 1)
                return text
                    + ": \(QuantityFormat.number(sites.millimolePerGram, significant: 3)) mmol sites per g of \(host.name) (\(sites.basis)); this batch, at most \(QuantityFormat.amount(moles: metal)) of metal"
            }
            let sites = linker.grams / mass * perMolecule * (ratio?.number ?? 1)
            text +=
                ": this batch, \(QuantityFormat.amount(moles: sites)) of metal on \(QuantityFormat.mass(grams: linker.grams)) of \(linker.chemical.name)"
            return text
        case .nodeExchange:
            return "no exchange capacity on record for \(host.name)"
        }
    }
}
