import AnchorageCore
import AnchorageNotebook
import AnchorageRender
import AnchorageRules
import Foundation

/// The protocol of a notebook record: the recipe as the record keeps it (its text, not the file on disk now), through
/// the same builder and templates as `anchorage protocol`, with what was recorded at the bench written into the
/// blanks. The notebook and the renderer know nothing of each other; this is where they meet.
enum RecordProtocol {
    enum Failure: Error, CustomStringConvertible {
        case setup(String)
        case recipe(record: String, why: String)

        var description: String {
            switch self {
            case .setup(let why): why
            case .recipe(let record, let why):
                "\(record): the recipe the record keeps no longer reads with this version (\(why)); `notebook show \(record)` shows the record"
            }
        }
    }

    /// `filled` false gives the protocol as planned (blank lines only).
    static func render(
        _ history: RecordHistory, as format: ProtocolFormat, filled: Bool = true, knowledge: Knowledge? = nil, templateDirectory: URL? = nil
    ) -> Result<String, Failure> {
        let record = history.record
        let knowledgeUsed: Knowledge
        let protocolKnowledge: ProtocolKnowledge
        let renderer: ProtocolRenderer
        do {
            knowledgeUsed = try knowledge ?? Knowledge.bundled()
            protocolKnowledge = try ProtocolKnowledge.bundled()
            renderer = try ProtocolRenderer(templateDirectory: templateDirectory)
        } catch {
            return .failure(.setup("\(error)"))
        }
        let file = record.plan.recipeFileName ?? "\(record.plan.recipeID).yaml"
        let result = Validator(knowledge: knowledgeUsed).validate(text: record.plan.recipeText, file: file)
        guard let recipe = result.recipe else {
            let why = result.diagnostics.first { $0.severity == .error }?.message ?? "not a recipe"
            return .failure(.recipe(record: record.id, why: why))
        }
        let builder = ProtocolBuilder(
            knowledge: protocolKnowledge, catalog: knowledgeUsed.chemicals, elements: knowledgeUsed.elements,
            citations: knowledgeUsed.citations)
        let settings = ProtocolSettings(
            file: file, sha256: record.plan.recipeSHA256, date: String(Timestamp.text(record.created).prefix(10)),
            version: AnchorageVersion.current)
        let document = builder.build(
            recipe: recipe, diagnostics: result.diagnostics, settings: settings,
            course: result.course ?? knowledgeUsed.courseKnowledge(for: recipe), record: filled ? benchRecord(history) : nil)
        return .success(renderer.render(document, as: format))
    }

    /// What the record holds of each step, as the protocol writes it: times as read on the bench clock, quantities
    /// with their unit as written.
    static func benchRecord(_ history: RecordHistory) -> BenchRecord {
        var steps: [Int: BenchRecord.Step] = [:]
        for step in history.record.plan.steps {
            guard let current = history.current(ofStep: step.number) else { continue }
            steps[step.number] = BenchRecord.Step(
                status: current.status.rawValue,
                started: current.started.map { BenchTime.text($0, offset: current.startedOffset) },
                finished: current.finished.map { BenchTime.text($0, offset: current.finishedOffset) },
                quantities: current.quantities.compactMap { quantity in
                    BenchRecord.Quantity.Kind(rawValue: quantity.kind.rawValue).map {
                        BenchRecord.Quantity(kind: $0, text: "\(quantity.value) \(quantity.unit)", reagent: quantity.reagent)
                    }
                },
                notes: current.notes)
        }
        let record = history.record
        return BenchRecord(id: record.id, operatorName: record.operatorName, created: Timestamp.text(record.created), steps: steps)
    }
}
