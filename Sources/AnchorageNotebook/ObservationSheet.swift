import AnchorageCore
import Foundation

/// Observations written at the bench in a small YAML file, for `anchorage record observe ID --from FILE`:
///
/// ```yaml
/// record: NB-0003            # optional; must match the command line's record id
/// operator: A. Chemist       # optional when --operator is given
/// reason: balance recalibrated   # needed when a step observed before is amended
/// steps:
///   - step: 1
///     status: done           # planned, in-progress, done, skipped, failed (done if not given)
///     started: 2026-11-25T09:40:00Z
///     reagent: zn            # the reagent the mass/volume/amount below belong to
///     mass: 1.702 g
///     temperature: 24 °C
///     note: white suspension
///     quantities:            # more quantities, each with its own reagent
///       - {mass: 0.101 g, reagent: fe}
/// ```
public struct ObservationSheet: Sendable, Hashable {
    public var recordID: String?
    public var operatorName: String?
    public var reason: String?
    public var observations: [StepObservation]

    static let topKeys = ["record", "operator", "reason", "steps"]
    static let stepKeys = ["step", "status", "started", "finished", "reagent", "note", "notes", "quantities"]
        + QuantityKind.allCases.map(\.rawValue)

    /// Reads the sheet; every problem is reported at its path, line and column.
    public static func read(path: String) throws(NotebookError) -> ObservationSheet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .fileSystem(operation: "read", path: path, reason: "no such file, or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .observationFile(file: path, line: 1, column: 1, message: "not UTF-8 text")
        }
        return try parse(text: text, file: path)
    }

    public static func parse(text: String, file: String) throws(NotebookError) -> ObservationSheet {
        var problems: [Diagnostic] = []
        let tree: YAMLTree?
        do {
            tree = try YAMLTreeBuilder.build(text: text, file: file, problems: &problems)
        } catch {
            throw failure(error.diagnostic.location, error.diagnostic.message)
        }
        if let problem = problems.first { throw failure(problem.location, problem.message) }
        guard let tree else { throw failure(SourceLocation(file: file, line: 1, column: 1), "the file is empty") }
        let top = try mapping(tree, what: "an observations file")
        var sheet = ObservationSheet(observations: [])
        for (key, value) in top {
            switch key.value {
            case "record": sheet.recordID = try scalar(value)
            case "operator": sheet.operatorName = try scalar(value)
            case "reason": sheet.reason = try scalar(value)
            case "steps":
                guard case .sequence(let items, _) = value else {
                    throw failure(value.location, "'steps' must be a list, found \(value.kindNoun)")
                }
                for item in items { sheet.observations.append(try observation(item)) }
            default:
                throw unknownKey(key, among: topKeys)
            }
        }
        if sheet.observations.isEmpty {
            throw failure(tree.location, "no observations: give 'steps:' with at least one '- step: N'")
        }
        return sheet
    }

    private static func observation(_ tree: YAMLTree) throws(NotebookError) -> StepObservation {
        let fields = try mapping(tree, what: "a step's observation")
        var observation = StepObservation(step: 0)
        var reagent: String?
        if let entry = fields.first(where: { $0.key.value == "reagent" }) { reagent = try scalar(entry.value) }
        for (key, value) in fields {
            switch key.value {
            case "step":
                guard let number = Int(try scalar(value)), number > 0 else {
                    throw failure(value.location, "'step' must be a step number (1, 2, …)")
                }
                observation.step = number
            case "status":
                let text = try scalar(value)
                guard let status = StepStatus(rawValue: text) else {
                    let options = StepStatus.allCases.map(\.rawValue)
                    let hint = Suggestion.closest(to: text, among: options).map { "; did you mean '\($0)'?" } ?? ""
                    throw failure(value.location, "unknown status '\(text)': one of \(options.joined(separator: ", "))\(hint)")
                }
                observation.status = status
            case "started", "finished":
                let text = try scalar(value)
                guard let time = BenchTime.parse(text) else {
                    throw failure(
                        value.location,
                        "'\(text)' is not a time: give now, 10:40 (today, local), 2026-11-25 10:40 (local), 2026-11-25T10:40+01:00 or 2026-11-25T09:40:00Z")
                }
                if key.value == "started" {
                    observation.started = time.date
                    observation.startedOffset = time.offset
                } else {
                    observation.finished = time.date
                    observation.finishedOffset = time.offset
                }
            case "reagent":
                break
            case "note":
                observation.notes.append(try scalar(value))
            case "notes":
                guard case .sequence(let items, _) = value else { throw failure(value.location, "'notes' must be a list") }
                for item in items { observation.notes.append(try scalar(item)) }
            case "quantities":
                guard case .sequence(let items, _) = value else { throw failure(value.location, "'quantities' must be a list") }
                for item in items { observation.quantities += try quantities(item) }
            default:
                guard let kind = QuantityKind(rawValue: key.value) else { throw unknownKey(key, among: stepKeys) }
                observation.quantities.append(try quantity(value, kind: kind, reagent: reagent))
            }
        }
        if observation.step == 0 { throw failure(tree.location, "missing 'step': which step was observed?") }
        return observation
    }

    private static func quantities(_ tree: YAMLTree) throws(NotebookError) -> [ObservedQuantity] {
        let fields = try mapping(tree, what: "a quantity")
        var reagent: String?
        if let entry = fields.first(where: { $0.key.value == "reagent" }) { reagent = try scalar(entry.value) }
        var result: [ObservedQuantity] = []
        for (key, value) in fields where key.value != "reagent" {
            guard let kind = QuantityKind(rawValue: key.value) else {
                throw unknownKey(key, among: QuantityKind.allCases.map(\.rawValue) + ["reagent"])
            }
            result.append(try quantity(value, kind: kind, reagent: reagent))
        }
        return result
    }

    private static func quantity(_ tree: YAMLTree, kind: QuantityKind, reagent: String?) throws(NotebookError) -> ObservedQuantity {
        let text = try scalar(tree)
        do throws(NotebookError) {
            let usesReagent = kind == .mass || kind == .volume || kind == .amount
            return try ObservedQuantity(parsing: text, kind: kind, reagent: usesReagent ? reagent : nil)
        } catch {
            if case .invalidValue(_, let message) = error { throw failure(tree.textLocation, message) }
            throw error
        }
    }

    private static func mapping(_ tree: YAMLTree, what: String) throws(NotebookError)
        -> [(key: Located<String>, value: YAMLTree)]
    {
        guard case .mapping(let pairs, _) = tree else {
            throw failure(tree.location, "\(what) must be a mapping (key: value pairs), found \(tree.kindNoun)")
        }
        return pairs
    }

    private static func scalar(_ tree: YAMLTree) throws(NotebookError) -> String {
        guard let text = tree.scalarText else { throw failure(tree.location, "a single value is expected, found \(tree.kindNoun)") }
        return text
    }

    private static func unknownKey(_ key: Located<String>, among keys: [String]) -> NotebookError {
        let hint = Suggestion.closest(to: key.value, among: keys).map { "; did you mean '\($0)'?" } ?? ""
        return failure(key.location, "unknown key '\(key.value)'\(hint) (keys: \(keys.joined(separator: ", ")))")
    }

    private static func failure(_ location: SourceLocation, _ message: String) -> NotebookError {
        .observationFile(file: location.file, line: location.line, column: location.column, message: message)
    }
}
