import AnchorageCore
import AnchorageRules
import Foundation

public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif
}

/// Turns diagnostics into what a terminal, a script or a code-scanning view reads.
public struct DiagnosticFormatter: Sendable {
    public var citations: CitationIndex
    /// Text of each file, for the source line under a finding.
    public var sources: [String: String]

    public init(citations: CitationIndex, sources: [String: String] = [:]) {
        self.citations = citations
        self.sources = sources
    }

    // MARK: text

    /// The findings, each with its source line, notes and papers; then the checks that could not run, once each, as
    /// "not checked" lines.
    public func text(_ diagnostics: [Diagnostic], showSource: Bool = true) -> String {
        var out = ""
        // Each file is cut into lines once, however many findings quote it.
        var split: [String: SourceText] = [:]
        for diagnostic in diagnostics where diagnostic.severity != .unknown {
            out += diagnostic.compilerStyle + "\n"
            if showSource, let excerpt = sourceExcerpt(at: diagnostic.location, split: &split) { out += excerpt }
            // Each citation once per finding, whether a note or the rule names it.
            var cited = Set<String>()
            for note in diagnostic.notes {
                if let location = note.location {
                    out += "\(location): note: \(note.message)\n"
                } else {
                    out += "   = note: \(note.message)\n"
                }
                if let id = note.citation, let citation = citations[id], cited.insert(id).inserted {
                    out += "   = see: \(citation.formatted)\n"
                }
            }
            if let rule = Self.rule(diagnostic.ruleID) {
                for reference in rule.references.prefix(2) {
                    if let citation = citations[reference], cited.insert(reference).inserted { out += "   = see: \(citation.formatted)\n" }
                }
            }
        }
        return out + notChecked(diagnostics)
    }

    /// A missing datum stops every check that needs it: the rules that lack the same datum at the same place share one
    /// line (`not checked[REF-006, SIM-001]`), whose notes are given once.
    public func notChecked(_ diagnostics: [Diagnostic]) -> String {
        var groups: [(first: Diagnostic, rules: [String], notes: [DiagnosticNote])] = []
        var index: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.severity == .unknown {
            let key = "\(diagnostic.location)\u{0}\(diagnostic.message)"
            if let at = index[key] {
                if !groups[at].rules.contains(diagnostic.ruleID) { groups[at].rules.append(diagnostic.ruleID) }
                groups[at].notes += diagnostic.notes.filter { !groups[at].notes.contains($0) }
            } else {
                index[key] = groups.count
                groups.append((diagnostic, [diagnostic.ruleID], diagnostic.notes))
            }
        }
        return groups.map { group in
            "\(group.first.location): not checked[\(group.rules.joined(separator: ", "))]: \(group.first.message)\n"
                + group.notes.map { "   = note: \($0.message)\n" }.joined()
        }.joined()
    }

    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        var counts: [Severity: Int] = [:]
        for d in diagnostics { counts[d.severity, default: 0] += 1 }
        return summary(severityCounts: counts, files: files)
    }

    /// The closing line from the number of findings of each severity (a batch keeps the counts, not the findings).
    public static func summary(severityCounts: [Severity: Int], files: Int) -> String {
        let errors = severityCounts[.error, default: 0]
        let warnings = severityCounts[.warning, default: 0]
        let notes = severityCounts[.note, default: 0]
        let unknown = severityCounts[.unknown, default: 0]
        let noun = files == 1 ? "file" : "files"
        // Checks that could not run are neither a pass nor a fault: a file is never called clean while they stand.
        let notRun = unknown == 0 ? "" : "; \(unknown) check\(unknown == 1 ? "" : "s") could not run (not checked: data missing)"
        if errors == 0 && warnings == 0 && notes == 0 {
            return unknown == 0 ? "\(files) \(noun) checked: no problems found" : "\(files) \(noun) checked: no problems found" + notRun
        }
        var counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if notes > 0 { counts += ", \(notes) note\(notes == 1 ? "" : "s")" }
        return "\(files) \(noun) checked: " + counts + notRun
    }

    /// The line under a finding with a caret at its column; a long line is quoted as a window around the caret.
    func sourceExcerpt(at location: SourceLocation, split: inout [String: SourceText]) -> String? {
        guard let text = sources[location.file] else { return nil }
        let lines = split[location.file] ?? SourceText(text)
        split[location.file] = lines
        guard let whole = lines.line(location.line) else { return nil }
        let limit = (try? InputLimits.bundled().messages.excerpt_characters.count) ?? 256
        let (window, caret) = SourceText.excerpt(whole, column: location.column, limit: limit)
        // Control characters would garble the terminal; tabs keep the caret's column as one space each.
        let line = String(String.UnicodeScalarView(window.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        let gutter = String(location.line)
        let pad = String(repeating: " ", count: gutter.count)
        return " \(gutter) | \(line)\n \(pad) | \(String(repeating: " ", count: caret))^\n"
    }

    /// Each rule's description by its id (any case), built once: `RuleRegistry.description(for:)` builds every
    /// description and searches them, and a batch asks once per finding.
    private static let rulesByID: [String: RuleDescription] = Dictionary(
        RuleRegistry.descriptions.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    static func rule(_ id: String) -> RuleDescription? { rulesByID[id.lowercased()] ?? RuleRegistry.description(for: id) }

    // MARK: JSON

    struct JSONDiagnostic: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        var notes: [JSONNote]
        var references: [JSONReference]
    }

    struct JSONNote: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var citation: String?
    }

    struct JSONReference: Encodable {
        var id: String
        var text: String
        var doi: String?
    }

    struct JSONReport: Encodable {
        var tool: String
        var version: String
        var files: [String]
        var diagnostics: [JSONDiagnostic]
        var errors: Int
        var warnings: Int
        /// Checks that could not run for want of a datum (the diagnostics of severity "unknown").
        var unknown: Int
    }

    public func json(_ diagnostics: [Diagnostic], files: [String]) -> String {
        let report = JSONReport(
            tool: "anchorage", version: AnchorageVersion.current, files: files,
            diagnostics: diagnostics.map { d in
                JSONDiagnostic(
                    file: d.location.file, line: d.location.line, column: d.location.column, severity: d.severity.rawValue,
                    rule: d.ruleID, message: d.message,
                    notes: d.notes.map {
                        JSONNote(
                            message: $0.message, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                            citation: $0.citation)
                    },
                    references: references(for: d.ruleID))
            },
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            unknown: diagnostics.filter { $0.severity == .unknown }.count)
        return Self.encode(report)
    }

    func references(for ruleID: String) -> [JSONReference] {
        (Self.rule(ruleID)?.references ?? []).compactMap { id in
            citations[id].map { JSONReference(id: id, text: $0.formatted, doi: $0.doi) }
        }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: SARIF 2.1.0

    public func sarif(_ diagnostics: [Diagnostic]) -> String {
        let descriptions = RuleRegistry.descriptions
        let ruleIndex = Dictionary(descriptions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = descriptions.map { rule in
            SARIF.Rule(
                id: rule.id, name: rule.name, shortDescription: .init(text: rule.summary), fullDescription: .init(text: rule.rationale),
                defaultConfiguration: .init(level: SARIF.level(rule.severity)),
                helpUri: rule.references.compactMap { citations[$0]?.doi }.first.map { "https://doi.org/\($0)" },
                properties: .init(tags: [rule.family.title]))
        }
        let results = diagnostics.map { d in
            SARIF.Result(
                ruleId: d.ruleID, ruleIndex: ruleIndex[d.ruleID], kind: d.severity == .unknown ? "open" : nil,
                level: SARIF.level(d.severity),
                message: .init(text: d.message + d.notes.filter { $0.location == nil }.map { " (\($0.message))" }.joined()),
                locations: [SARIF.location(d.location)],
                relatedLocations: d.notes.compactMap { note in
                    note.location.map { SARIF.location($0, message: note.message) }
                })
        }
        let log = SARIF.Log(runs: [
            SARIF.Run(
                tool: .init(driver: .init(name: "anchorage", version: AnchorageVersion.current, rules: rules)),
                results: results, columnKind: "unicodeCodePoints")
        ])
        return Self.encode(log)
    }
}

/// The parts of SARIF 2.1.0 (OASIS standard) Anchorage writes.
enum SARIF {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind: String
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }

    struct Text: Encodable { var text: String }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
        var helpUri: String?
        var properties: Properties
    }

    struct Properties: Encodable { var tags: [String] }

    struct Configuration: Encodable { var level: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        /// Omitted for a finding ("fail", the default); "open" for a check that could not run.
        var kind: String?
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var message: Text?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        // A check that did not run is not a failure: SARIF 2.1.0 §3.27.9 gives it kind "open" and level "none".
        case .unknown: "none"
        }
    }

    static func location(_ location: SourceLocation, message: String? = nil) -> Location {
        Location(
            physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: location.file),
                region: Region(startLine: location.line, startColumn: location.column)),
            message: message.map(Text.init))
    }
}
