import AnchorageCore
import Foundation

/// A record as text for the terminal: a summary (`show`) or one line of a listing (`list`). The protocol with the
/// observed values filled in (`show --as protocol`) is rendered by the protocol templates, from the recipe the record keeps.
public enum RecordText {
    /// One line per record: id, date, operator, recipe, progress, title.
    public static func listLine(_ history: RecordHistory) -> String {
        let record = history.record
        let steps = record.plan.steps.map(\.number)
        let done = steps.filter { history.status(ofStep: $0) == .done }.count
        let date = String(Timestamp.text(record.created).prefix(10))
        var progress = "\(done)/\(steps.count) steps done"
        // Entries that add what was seen are observations; only corrections of a value given before are amendments.
        let actions = history.amendments.compactMap { $0.audit.first?.action }
        let observed = actions.filter { $0 == .observed }.count
        let amended = actions.filter { $0 == .amended }.count
        if observed > 0 { progress += ", \(observed) observation" + (observed == 1 ? "" : "s") }
        if amended > 0 { progress += ", \(amended) amendment" + (amended == 1 ? "" : "s") }
        if history.isSigned { progress += ", signed" }
        return "\(record.id)  \(date)  \(record.operatorName)  \(record.plan.recipeID)  (\(progress))  \(record.plan.title)"
    }

    public static func summary(_ history: RecordHistory) -> String {
        let record = history.record
        let plan = record.plan
        var lines: [String] = []
        lines.append("\(record.id)  \(plan.title)")
        var recipeLine = "  recipe \(plan.recipeID)"
        if let file = plan.recipeFileName { recipeLine += " (\(file))" }
        lines.append(recipeLine + ", SHA-256 \(plan.recipeSHA256.prefix(12))…")
        var planLine: [String] = []
        if let route = plan.route { planLine.append("route \(route)") }
        if let host = plan.host { planLine.append("host \(host)") }
        if !planLine.isEmpty { lines.append("  " + planLine.joined(separator: ", ")) }
        lines.append(
            "  created \(Timestamp.text(record.created)) by \(record.operatorName) with \(record.software.name) \(record.software.version)")
        let done = plan.steps.filter { history.status(ofStep: $0.number) == .done }.count
        lines.append("  \(done) of \(plan.steps.count) steps done" + (history.isSigned ? ", signed" : ""))

        lines.append("")
        lines.append("Reagents")
        for reagent in plan.reagents {
            var parts = ["  \(reagent.id)", reagent.name]
            if let formula = reagent.formula {
                parts.append(formula + (reagent.molarMass.map { " (\(QuantityFormat.number($0, significant: 6)) g/mol)" } ?? ""))
            }
            parts.append(contentsOf: amounts(reagent))
            if let role = reagent.role { parts.append("(\(role))") }
            lines.append(parts.joined(separator: "  "))
        }

        if !plan.diagnostics.isEmpty || !plan.fitVerdicts.isEmpty {
            lines.append("")
            lines.append("Checked at planning time")
            for diagnostic in plan.diagnostics {
                var place = diagnostic.file ?? ""
                if let line = diagnostic.line { place += ":\(line)" + (diagnostic.column.map { ":\($0)" } ?? "") }
                lines.append(
                    "  \(place.isEmpty ? "" : place + ": ")\(diagnostic.severity.rawValue)[\(diagnostic.ruleID)]: \(diagnostic.message)")
            }
            for verdict in plan.fitVerdicts {
                lines.append("  fit: \(verdict.precursor) in \(verdict.framework): \(verdict.mode) — \(verdict.summary)")
            }
        }

        lines.append("")
        lines.append("Steps")
        for step in plan.steps {
            lines.append("  \(step.number). \(describe(step))  [\(history.status(ofStep: step.number).rawValue)]")
            for (entryID, observation) in history.observations(ofStep: step.number) {
                lines.append("       \(entryID): " + describe(observation))
            }
        }

        lines.append("")
        lines.append("Audit trail")
        let signatures = Dictionary(history.signatures.map { ($0.entryID, $0.signature) }, uniquingKeysWith: { first, _ in first })
        let firstSigned = history.signatures.first.flatMap { EntryID.sequence(of: $0.entryID) }
        for (entryID, entry) in history.auditTrail {
            var line = "  \(Timestamp.text(entry.time))  \(entry.action.rawValue)  \(entry.author)  \(entryID)"
            if let signature = signatures[entryID] {
                line +=
                    "  [ed25519 \(signature.meaning.rawValue), key \(EntrySignature.keyID(signature.publicKey)), covers up to \(signature.head)]"
            }
            if let firstSigned, let sequence = EntryID.sequence(of: entryID), sequence > firstSigned, entry.action != .signed {
                line += "  [post-signature amendment]"
            }
            if let reason = entry.reason { line += "  \(reason)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func amounts(_ reagent: PlannedReagent) -> [String] {
        var parts: [String] = []
        if let grams = reagent.massGrams { parts.append(QuantityFormat.mass(grams: grams)) }
        if let millimoles = reagent.amountMillimoles { parts.append(QuantityFormat.amount(moles: millimoles / 1000)) }
        if let millilitres = reagent.volumeMillilitres { parts.append(QuantityFormat.volume(milliliters: millilitres)) }
        return parts
    }

    static func describe(_ step: PlannedStep) -> String {
        var text = step.kind
        if !step.reagentRefs.isEmpty { text += " " + step.reagentRefs.joined(separator: ", ") }
        let parameters = step.parameters.map { parameter in
            "\(parameter.name) \(parameter.value)" + (parameter.unit.map { " \($0)" } ?? "")
        }
        if !parameters.isEmpty { text += ": " + parameters.joined(separator: ", ") }
        if let description = step.description { text += " (\(description))" }
        return text
    }

    static func describe(_ observation: StepObservation) -> String {
        var parts: [String] = [observation.status.rawValue]
        if let started = observation.started { parts.append("started \(BenchTime.text(started, offset: observation.startedOffset))") }
        if let finished = observation.finished {
            parts.append("finished \(BenchTime.text(finished, offset: observation.finishedOffset))")
        }
        for quantity in observation.quantities {
            parts.append("\(quantity.kind.rawValue) \(quantity.value) \(quantity.unit)" + (quantity.reagent.map { " (\($0))" } ?? ""))
        }
        parts += observation.notes.map { "“\($0)”" }
        return parts.joined(separator: "; ")
    }
}
