/// How serious a finding is. `--strict` turns warnings into errors at the command layer, never here.
///
/// `unknown` is a check that could not run: the finding names the datum that is missing and where to add it. It is
/// neither a pass nor a fault, so it ranks above a note (it must be seen) and below a warning (nothing is known to be
/// wrong).
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case error, warning, unknown, note

    private var rank: Int {
        switch self {
        case .error: 3
        case .warning: 2
        case .unknown: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A note attached to a diagnostic: a reason, a hint, a place, a paper.
public struct DiagnosticNote: Sendable, Codable, Hashable {
    public var message: String
    public var location: SourceLocation?
    /// A citation id, resolved in the citation data (`citations*.yaml`).
    public var citation: String?

    public init(_ message: String, at location: SourceLocation? = nil, citation: String? = nil) {
        self.message = Diagnostic.bounded(message)
        self.location = location
        self.citation = citation
    }
}

/// One finding about a recipe, at the place it concerns.
public struct Diagnostic: Sendable, Codable, Hashable {
    public var severity: Severity
    public var ruleID: String
    public var message: String
    public var location: SourceLocation
    public var notes: [DiagnosticNote]

    public init(_ severity: Severity, _ ruleID: String, _ message: String, at location: SourceLocation, notes: [DiagnosticNote] = []) {
        self.severity = severity
        self.ruleID = ruleID
        self.message = Self.bounded(message)
        self.location = location
        self.notes = notes
    }

    /// A message quotes what the user wrote; one that would quote a 20 KB line is cut in its middle, so that output stays
    /// a bounded multiple of the input whatever the file holds.
    static func bounded(_ message: String) -> String {
        let limit = (try? InputLimits.bundled().messages.message_characters.count) ?? 400
        return message.utf8.count > limit ? SourceText.bounded(message, limit: limit) : message
    }

    /// `path:line:col: error[ID]: message`, the form compilers and editors understand.
    public var compilerStyle: String {
        "\(location): \(severity.rawValue)[\(ruleID)]: \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// In file order, then by severity, so output is stable.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity > b.severity }
            return a.ruleID < b.ruleID
        }
    }
}
