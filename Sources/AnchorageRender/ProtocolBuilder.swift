import AnchorageCore
import Foundation

/// Builds the protocol of a recipe: the numbers computed, the steps worded, the hazards gathered, from the recipe,
/// the findings of the rules and the shipped knowledge.
public struct ProtocolBuilder: Sendable {
    public var knowledge: ProtocolKnowledge
    public var catalog: ChemicalCatalog
    public var elements: PeriodicTable
    public var citations: CitationIndex

    public init(knowledge: ProtocolKnowledge, catalog: ChemicalCatalog, elements: PeriodicTable, citations: CitationIndex) {
        self.knowledge = knowledge
        self.catalog = catalog
        self.elements = elements
        self.citations = citations
    }

    /// Rule families whose findings belong in the safety panel.
    static let safetyRuleFamilies = ["LAB", "AIM"]
    /// Rules of those families that are about the chemistry, not a hazard: they stay among the findings only.
    /// LAB-008 (metal loading above the single-atom loadings on record) warns of clusters, not of harm.
    static let notSafetyRules: Set<String> = ["LAB-008"]

    /// The protocol of a recipe. `course` is what the course of the synthesis needs from the data (the host, the
    /// chemicals that form HF), the same the rules are given, so that the protocol's facts are the rules' facts.
    /// `record`, a run of this recipe as recorded, writes its observed values into the blanks.
    public func build(
        recipe: Recipe, diagnostics: [Diagnostic], settings: ProtocolSettings, course: CourseKnowledge, record: BenchRecord? = nil
    ) -> ProtocolDocument {
        let scaledRecipe = RecipeScaling.scaled(recipe, by: settings.scale)
        let resolved = RecipeResolver.resolve(scaledRecipe, catalog: catalog, elements: elements, course: course)
        let wording = StepWording(resolved: resolved, knowledge: knowledge)
        let steps = scaledRecipe.steps.map { wording.block(for: $0, observed: record?.steps[$0.number]) }
        let limiting = RecipeScaling.limitingReagent(of: resolved)

        let errors = diagnostics.filter { $0.severity == .error }.map(finding)
        let warnings = diagnostics.filter { $0.severity != .error }.map(finding)
        let timing = timeline(steps: scaledRecipe.steps, wording: wording)

        var target = scaledRecipe.target.metals.map(\.value).joined(separator: "–") + " " + scaledRecipe.target.site.value.rawValue
        if let support = scaledRecipe.target.support?.value { target += " on \(support)" }

        var document = ProtocolDocument(
            title: scaledRecipe.title.value,
            recipeID: scaledRecipe.id.value,
            target: target,
            route: scaledRecipe.route.value.title,
            host: scaledRecipe.host?.value,
            source: sourceLine(scaledRecipe.source),
            sourceNote: scaledRecipe.source?.note?.value,
            file: settings.file,
            sha256: settings.sha256,
            date: settings.date,
            version: settings.version,
            paper: settings.paper.title,
            pageSize: settings.paper.pageSize,
            scale: settings.scale == 1
                ? nil : "×\(QuantityFormat.number(settings.scale)) of the recipe as written (amounts and liquid volumes only)",
            errors: errors,
            hasErrors: !errors.isEmpty,
            scalingWarnings: settings.scale == 1 ? [] : linerWarnings(resolved.course),
            reagents: resolved.reagents.map { row(for: $0, limiting: limiting) },
            ratio: ratio(resolved, limiting: limiting),
            metalRatio: metalRatio(resolved),
            equipment: StepPhrasebook(resolved: resolved).equipment(),
            safety: safety(scaledRecipe, resolved: resolved, diagnostics: diagnostics),
            steps: steps,
            totalTime: StepWording.span(timing.total),
            untimedSteps: timing.untimed.isEmpty
                ? nil
                : "not counted: hands-on time of step\(timing.untimed.count == 1 ? "" : "s") \(timing.untimed.map(String.init).joined(separator: ", ")), and furnace cooling",
            timeline: timing.rows,
            overnight: steps.filter(\.overnight).map { "step \($0.number) (\($0.kind))" },
            product: product(scaledRecipe),
            checks: [],
            warnings: warnings,
            hasWarnings: !warnings.isEmpty,
            notes: scaledRecipe.notes?.value)
        document.record = record.map { ProtocolDocument.RecordHeader(id: $0.id, operatorName: $0.operatorName, created: $0.created) }
        document.hasScalingWarnings = !document.scalingWarnings.isEmpty
        (document.checks, document.loading) = characterisation(scaledRecipe, resolved: resolved)
        document.hasLoading = !document.loading.isEmpty
        let hazards = chemicalHazards(resolved)
        document.hazardGroups = hazards.groups
        document.otherHazards = hazards.other
        document.hazardCaveat = hazards.caveat
        document.signalWord = hazards.signalWord
        document.pictograms = hazards.pictograms
        document.safetySources = hazards.sources
        document.precautionaryLegend = hazards.legend
        document.controls = Self.controlRows(hazards.groups)
        document.hasHazardGroups = !hazards.groups.isEmpty
        document.hasOtherHazards = !hazards.other.isEmpty
        document.glance = glance(document, resolved: resolved, limiting: limiting)
        document.runningHeaderCSS = Self.cssString(document.title)
        document.runningHeaderRightCSS = Self.cssString("\(document.recipeID) · \(document.date)")
        document.overnightSummary = document.overnight.isEmpty ? nil : document.overnight.joined(separator: "; ")
        return document
    }

    func finding(_ diagnostic: Diagnostic) -> ProtocolDocument.Finding {
        ProtocolDocument.Finding(
            // A check that could not run is printed as what it is, as `validate` prints it.
            severity: diagnostic.severity == .unknown ? "not checked" : diagnostic.severity.rawValue, ruleID: diagnostic.ruleID,
            message: diagnostic.message,
            location: diagnostic.location.description, notes: diagnostic.notes.map(\.message))
    }

    func sourceLine(_ source: RecipeSource?) -> String? {
        guard let source else { return nil }
        let parts = [source.cite?.value, source.doi.map { $0.value.hasPrefix("10.") ? "doi:\($0.value)" : $0.value }, source.url?.value]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    // MARK: reagents

    /// Reagents a molar ratio is stated for: what ends up in the solid, not solvents, gases, etching acids or bases.
    static func inRatio(_ reagent: ResolvedReagent) -> Bool {
        guard (reagent.moles ?? 0) > 0, !reagent.isSolventLike else { return false }
        return ![.acid, .base, .coReactant].contains(reagent.role)
    }

    func row(for reagent: ResolvedReagent, limiting: ResolvedReagent?) -> ProtocolDocument.ReagentRow {
        let showsMass = !reagent.isSolventLike
        var ratio = "—"
        if let moles = reagent.moles, let reference = limiting?.moles, reference > 0, Self.inRatio(reagent) {
            ratio = QuantityFormat.number(moles / reference)
        }
        // Whether the classification was checked is said once for all reagents (the protocol's hazard caveat).
        let hazardNote: String? = reagent.chemical?.hazards?.isEmpty == true ? "not classified as hazardous" : nil
        return ProtocolDocument.ReagentRow(
            id: reagent.id,
            name: reagent.displayName,
            formula: reagent.reagent.formula?.value ?? reagent.chemical?.formula ?? "—",
            formulaParts: Self.formulaParts(reagent.reagent.formula?.value ?? reagent.chemical?.formula ?? "—"),
            cas: reagent.reagent.cas?.value ?? reagent.chemical?.cas ?? "—",
            role: reagent.role.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") } ?? "—",
            mass: showsMass ? reagent.grams.map(QuantityFormat.mass(grams:)) ?? "—" : "—",
            moles: showsMass ? reagent.moles.map(QuantityFormat.amount(moles:)) ?? "—" : "—",
            volume: reagent.milliliters.map { milliliters in
                // A stock solution's volume is only half the statement: its strength is printed with it.
                let strength = reagent.reagent.volume != nil ? reagent.reagent.concentration.map { " of \($0.value)" } ?? "" : ""
                return QuantityFormat.volume(milliliters: milliliters) + strength
            } ?? "—",
            ratio: ratio,
            hazards: reagent.hazards.map { ProtocolDocument.HazardLine(code: $0, statement: knowledge.hazardStatements[$0]) },
            hazardCodes: reagent.hazards.isEmpty ? "—" : reagent.hazards.joined(separator: " "),
            hazardNote: hazardNote)
    }

    func ratio(_ resolved: ResolvedRecipe, limiting: ResolvedReagent?) -> ProtocolDocument.Ratio? {
        guard let limiting, let reference = limiting.moles, reference > 0 else { return nil }
        let counted = resolved.reagents.filter(Self.inRatio)
        guard counted.count > 1 else { return nil }
        return ProtocolDocument.Ratio(
            names: counted.map(\.id).joined(separator: " : "),
            values: counted.map { QuantityFormat.number(($0.moles ?? 0) / reference) }.joined(separator: " : "),
            against: "\(limiting.id) (\(limiting.displayName)), the metal source with the fewest moles")
    }

    func metalRatio(_ resolved: ResolvedRecipe) -> ProtocolDocument.Ratio? {
        let totals = resolved.metalAmounts
        var order: [String] = []
        for reagent in resolved.reagents {
            for metal in reagent.formula?.metalSymbols ?? [] where !order.contains(metal) && totals[metal] != nil { order.append(metal) }
        }
        guard order.count > 1, let smallest = order.compactMap({ totals[$0] }).min(), smallest > 0,
            let reference = order.first(where: { totals[$0] == smallest })
        else { return nil }
        return ProtocolDocument.Ratio(
            names: order.joined(separator: " : "),
            values: order.map { QuantityFormat.number((totals[$0] ?? 0) / smallest) }.joined(separator: " : "),
            against: "\(reference) (moles of metal atoms)")
    }

    // MARK: equipment and safety

    func safety(_ recipe: Recipe, resolved: ResolvedRecipe, diagnostics: [Diagnostic]) -> [ProtocolDocument.SafetyItem] {
        let safetyFindings = diagnostics.filter { d in
            !Self.notSafetyRules.contains(d.ruleID) && Self.safetyRuleFamilies.contains { d.ruleID.hasPrefix($0 + "-") }
        }
        var claimed = Set<Int>()
        // A finding belongs to a step when it is written between the step's first line and the next step's.
        func findings(inStep number: Int) -> [String] {
            guard let index = recipe.steps.firstIndex(where: { $0.number == number }) else { return [] }
            let start = recipe.steps[index].location.line
            let end = index + 1 < recipe.steps.count ? recipe.steps[index + 1].location.line : Int.max
            var ids: [String] = []
            for (i, d) in safetyFindings.enumerated() where d.location.line >= start && d.location.line < end {
                claimed.insert(i)
                if !ids.contains(d.ruleID) { ids.append(d.ruleID) }
            }
            return ids
        }
        func raisedBy(_ steps: [Int]) -> String {
            let ids = steps.flatMap(findings(inStep:))
            let stepText = steps.isEmpty ? [] : ["step" + (steps.count == 1 ? " " : "s ") + steps.map(String.init).joined(separator: ", ")]
            return (stepText + ids).joined(separator: "; ")
        }
        var items: [ProtocolDocument.SafetyItem] = []

        let course = resolved.course
        let autoclaveSteps = course.sealedFills.map(\.step)
        if !autoclaveSteps.isEmpty {
            var detail =
                "A sealed autoclave heated above the solvent's boiling point is under pressure. Open it only when cold, behind a shield."
            if let fill = knowledge.autoclaveMaxFillFraction {
                detail += " Fill the liner to at most \(QuantityFormat.number(fill * 100)) % of its volume."
            }
            items.append(.init(title: "Autoclave pressure", detail: detail, raisedBy: raisedBy(autoclaveSteps)))
        }
        let furnaceSteps = course.furnace.map(\.step)
        if !furnaceSteps.isEmpty {
            items.append(
                .init(
                    title: "Furnace exhaust",
                    detail:
                        "Gases from the decomposing framework and precursors leave the tube: vent the outlet to extraction or a fume hood, and purge the tube before heating.",
                    raisedBy: raisedBy(furnaceSteps)))
        }
        let hydrogenSteps = course.furnace.filter { $0.gas?.value.hasPrefix("H2") ?? false }.map(\.step)
        if !hydrogenSteps.isEmpty {
            items.append(
                .init(
                    title: "Hydrogen",
                    detail:
                        "Flammable gas. Leak-check the lines, purge air out with inert gas before heating and purge the hydrogen out before opening the tube.",
                    raisedBy: raisedBy(hydrogenSteps)))
        }
        let ammoniaSteps = course.furnace.filter { $0.gas?.value == "NH3" }.map(\.step)
        if !ammoniaSteps.isEmpty {
            items.append(
                .init(
                    title: "Ammonia", detail: "Toxic, corrosive gas: run the furnace in extraction and scrub or vent the outlet.",
                    raisedBy: raisedBy(ammoniaSteps)))
        }
        let carbonMonoxideSteps = course.furnace.filter { $0.gas?.value == "CO" }.map(\.step)
        if !carbonMonoxideSteps.isEmpty {
            items.append(
                .init(
                    title: "Carbon monoxide", detail: "Toxic, odourless gas: a CO detector at the furnace, and the outlet to extraction.",
                    raisedBy: raisedBy(carbonMonoxideSteps)))
        }
        // HF wherever the course has it: an HF etch, or an HF-forming salt (NH4F, NH4HF2) in any step.
        let etchSteps = recipe.steps.filter { $0.behaviour.contents == .etch }
        let hfSteps = course.hfSteps
        if !hfSteps.isEmpty {
            items.append(
                .init(
                    title: "Hydrofluoric acid",
                    detail:
                        "Penetrates skin and causes deep burns and systemic poisoning. Work in a fume hood with HF-rated gloves and face shield, no glassware, and calcium gluconate gel at hand before starting.",
                    raisedBy: raisedBy(hfSteps)))
        }
        let otherAcid = etchSteps.map(\.number).filter { !hfSteps.contains($0) }
        if !otherAcid.isEmpty {
            items.append(
                .init(
                    title: "Acid leaching", detail: "Corrosive acid: gloves, goggles, fume hood; add the solid to the acid slowly.",
                    raisedBy: raisedBy(otherAcid)))
        }
        for reagent in resolved.reagents where reagent.chemical?.pyrophoric == true || reagent.hazards.contains("H250") {
            let steps = recipe.steps.filter { $0.reagentReferences.contains { $0.value == reagent.id } }.map(\.number)
            items.append(
                .init(
                    title: "Pyrophoric: \(reagent.displayName)",
                    detail:
                        "Catches fire in air. Keep it under inert gas, in the closed precursor cylinder of the reactor; never open it in air.",
                    raisedBy: raisedBy(steps)))
        }
        let aldSteps = recipe.steps.filter { $0.behaviour.contents == .gasPhaseDeposition }
        for step in aldSteps {
            if let id = step.reagent(.coReactant)?.value, let reagent = resolved.reagent(id),
                (reagent.formula?.text ?? reagent.chemical?.formula)?.replacingOccurrences(of: " ", with: "") == "H2S"
            {
                items.append(
                    .init(
                        title: "Hydrogen sulfide",
                        detail: "Very toxic gas: a gas detector at the reactor, and the exhaust to a scrubber.",
                        raisedBy: raisedBy([step.number])))
            }
        }
        for (i, d) in safetyFindings.enumerated() where !claimed.contains(i) {
            items.append(.init(title: d.ruleID, detail: d.message, raisedBy: "\(d.ruleID) at \(d.location)"))
        }
        return items
    }

    // MARK: time

    struct Timing {
        var rows: [ProtocolDocument.TimelineRow]
        var total: Double
        var untimed: [Int]
    }

    func timeline(steps: [Step], wording: StepWording) -> Timing {
        var elapsed = 0.0
        var rows: [ProtocolDocument.TimelineRow] = []
        var untimed: [Int] = []
        for step in steps {
            let duration = wording.duration(of: step)
            if duration == nil { untimed.append(step.number) }
            let start = elapsed
            elapsed += duration ?? 0
            // A hands-on step has no time of its own: it starts where the clock stands and ends when the work is done.
            rows.append(
                .init(
                    step: step.number, what: wording.shortTitle(step), duration: duration.map(StepWording.span) ?? "hands-on, not timed",
                    start: start == 0 ? "start" : "after " + StepWording.span(start),
                    end: duration == nil ? "when done" : "after " + StepWording.span(elapsed), overnight: wording.canRunOvernight(step)))
        }
        return Timing(rows: rows, total: elapsed, untimed: untimed)
    }

    // MARK: scaling

    /// After scaling, the liquid each sealed vessel holds against the liner's fill limit (the course's fill, the
    /// same one LAB-002 checks).
    func linerWarnings(_ course: SynthesisCourse) -> [String] {
        guard let limit = knowledge.autoclaveMaxFillFraction else { return [] }
        var warnings: [String] = []
        for sealed in course.sealedFills {
            guard let vessel = sealed.vesselMilliliters, vessel > 0, let fill = sealed.liquidMilliliters else { continue }
            if fill > vessel * limit {
                warnings.append(
                    "step \(sealed.step): at this scale the liner holds \(QuantityFormat.volume(milliliters: fill)) of liquid, "
                        + "\(QuantityFormat.number(fill / vessel * 100, significant: 3)) % of the \(QuantityFormat.volume(milliliters: vessel)) liner "
                        + "(at most \(QuantityFormat.number(limit * 100)) %): use a liner of at least \(QuantityFormat.volume(milliliters: fill / limit)) or split the batch"
                )
            }
        }
        return warnings
    }

    // MARK: product

    func product(_ recipe: Recipe) -> String {
        let metals = recipe.target.metals.map(\.value).joined(separator: " and ")
        let site = recipe.target.site.value == .singleAtom ? "single atoms" : "dual-atom sites"
        var text = "\(metals) \(site)"
        if let support = recipe.target.support?.value { text += " on \(support)" }
        if let host = recipe.host?.value { text += ", from \(host)" }
        return text + " (\(recipe.route.value.title))"
    }
}
