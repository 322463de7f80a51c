import Foundation

/// Why a notebook operation did not happen. Nothing is written when one of these is thrown.
public enum NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bundled XSD is missing from the installation (validation is never skipped).
    case schemaMissing
    /// The XSD did not compile.
    case schemaUnusable([XMLProblem])
    /// A document built for writing failed the XSD: it is not written.
    case invalidDocument(entry: String, problems: [XMLProblem])
    /// A file in the notebook could not be read as a notebook entry.
    case unreadableEntry(file: String, problems: [XMLProblem])
    /// A value given for a record cannot go into one (the field names where it came from).
    case invalidValue(field: String, message: String)
    case notebookMissing(path: String)
    case recordNotFound(id: String, known: [String])
    case notARecord(id: String, recordID: String)
    case unknownStep(record: String, step: Int, known: [Int])
    case unknownReagent(record: String, step: Int, reagent: String, known: [String], suggestion: String?)
    /// A step that already has an observation is only changed with a reason (the change becomes an amendment).
    case amendmentNeedsReason(record: String, step: Int, earlierEntry: String)
    /// The notebook's last entries do not match its index: nothing is appended to a damaged chain.
    case damagedChain(String)
    case fileSystem(operation: String, path: String, reason: String)
    /// A signed record is locked: a change needs a reason and a signature of its own.
    case recordLocked(record: String, signedIn: String)
    /// An amount given for a reagent the step does not use.
    case reagentNotInStep(record: String, step: Int, kind: String, reagent: String, used: [String])
    /// A time that cannot be: a finish before the start, a time in the future.
    case impossibleTime(field: String, message: String)
    /// A write failed part-way and was taken back: the notebook is as it was before the command.
    case notWritten(entry: String, cause: String)
    /// An observations file that cannot be used, with its location.
    case observationFile(file: String, line: Int, column: Int, message: String)

    public var description: String {
        switch self {
        case .schemaMissing:
            return "the notebook schema (notebook.xsd) is missing from this installation; records are never written unvalidated"
        case .schemaUnusable(let problems):
            return "the notebook schema does not compile: " + problems.map(\.description).joined(separator: "; ")
        case .invalidDocument(let entry, let problems):
            return "\(entry) was not written: it does not validate against notebook.xsd:\n"
                + problems.map { "  " + $0.description }.joined(separator: "\n")
        case .unreadableEntry(let file, let problems):
            return "\(file) is not a readable notebook entry:\n"
                + problems.map { "  " + $0.description }.joined(separator: "\n")
        case .invalidValue(let field, let message):
            return "\(field): \(message)"
        case .notebookMissing(let path):
            return "no notebook at \(path) (the folder does not exist)"
        case .recordNotFound(let id, let known):
            let list = known.isEmpty ? "the notebook has no records" : "records: " + known.joined(separator: ", ")
            return "no record \(id) in this notebook (\(list))"
        case .notARecord(let id, let recordID):
            return "\(id) is an amendment of \(recordID), not a record: use \(recordID)"
        case .unknownStep(let record, let step, let known):
            let list = known.isEmpty ? "it has no steps" : "its steps are " + known.map(String.init).joined(separator: ", ")
            return "record \(record) has no step \(step) (\(list))"
        case .unknownReagent(let record, let step, let reagent, let known, let suggestion):
            var text = "step \(step) of record \(record): no reagent '\(reagent)'"
            if let suggestion { text += "; did you mean '\(suggestion)'?" }
            return text + " (reagents: " + known.joined(separator: ", ") + ")"
        case .amendmentNeedsReason(let record, let step, let earlierEntry):
            return "step \(step) of record \(record) was already observed (\(earlierEntry)); "
                + "give a reason (--reason) to amend it"
        case .damagedChain(let message):
            return "nothing written: \(message); run `anchorage notebook verify` on the notebook"
        case .fileSystem(let operation, let path, let reason):
            return "could not \(operation) \(path): \(reason)"
        case .recordLocked(let record, let signedIn):
            return "record \(record) was signed in \(signedIn) and is locked: a later change is a post-signature "
                + "amendment, with a reason (--reason) and a signature of its own (--key)"
        case .reagentNotInStep(let record, let step, let kind, let reagent, let used):
            let list = used.isEmpty ? "it uses no reagent" : "its reagents are " + used.joined(separator: ", ")
            return "step \(step) (\(kind)) of record \(record) does not use '\(reagent)' (\(list))"
        case .impossibleTime(let field, let message):
            return "--\(field): \(message)"
        case .notWritten(let entry, let cause):
            return "\(entry) was not written: \(cause); the notebook is as it was, and the command can be run again"
        case .observationFile(let file, let line, let column, let message):
            return "\(file):\(line):\(column): error: \(message)"
        }
    }
}
