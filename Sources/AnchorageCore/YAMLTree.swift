import Foundation
import Yams

/// A YAML document as a tree whose every node keeps its place in the file. Made from Yams' composed nodes; duplicate
/// keys are reported here (YAML forbids them, libyaml lets them through).
public indirect enum YAMLTree: Sendable {
    case scalar(String, SourceLocation, quoted: Bool)
    case mapping([(key: Located<String>, value: YAMLTree)], SourceLocation)
    case sequence([YAMLTree], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let location, _), .mapping(_, let location), .sequence(_, let location): location
        }
    }

    public var kindNoun: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping (key: value pairs)"
        case .sequence: "a list"
        }
    }

    public var scalarText: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// Where the scalar's text begins: after the opening quote when quoted.
    public var textLocation: SourceLocation {
        if case .scalar(_, let location, let quoted) = self, quoted { return location.advanced(byColumns: 1) }
        return location
    }
}

public struct YAMLLoadFailure: Error, Sendable {
    public var diagnostic: Diagnostic
}

public enum YAMLTreeBuilder {
    /// The most nodes a document may expand to once aliases are followed: a recipe has a few hundred; an alias bomb has billions.
    public static let nodeBudget = 200_000

    /// Parses `text`; syntax errors and alias bombs become located diagnostics, duplicate keys are collected in `problems`.
    public static func build(text: String, file: String, problems: inout [Diagnostic]) throws(YAMLLoadFailure) -> YAMLTree? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLLoadFailure(diagnostic: syntaxDiagnostic(error, file: file, text: text))
        } catch {
            throw YAMLLoadFailure(diagnostic: Diagnostic(
                .error, "FMT-001", "not readable as YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        guard let root else { return nil }
        var budget = nodeBudget
        return try convert(root, file: file, budget: &budget, problems: &problems)
    }

    /// libyaml's messages, with what a chemist most likely did to cause them.
    static let syntaxHints: [String: String] = [
        "did not find expected key": "check this line's indentation against the lines above it: keys of one mapping line up",
        "mapping values are not allowed": "a ':' inside a value: put the value in quotes",
        "found unexpected end of stream": "a quote or a bracket opened earlier is never closed",
        "did not find expected ',' or '}'": "a '{' is not closed on its line, or a value inside it needs quotes",
        "did not find expected ',' or ']'": "a '[' is not closed on its line, or a value inside it needs quotes",
        "found character that cannot start any token": "a tab or a stray character: YAML indents with spaces only",
        "did not find expected '-' indicator": "list items ('- ') must line up",
    ]

    static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ node: Node, file: String, budget: inout Int, problems: inout [Diagnostic]) throws(YAMLLoadFailure) -> YAMLTree {
        budget -= 1
        if budget < 0 {
            throw YAMLLoadFailure(diagnostic: Diagnostic(
                .error, "FMT-009",
                "the document expands to more than \(nodeBudget) values: refused (nested YAML aliases, an 'alias bomb'?)",
                at: location(node.mark, file: file)))
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return .scalar(scalar.string, location(scalar.mark, file: file), quoted: quoted)
        case .alias(let alias):
            return .scalar("", location(alias.mark, file: file), quoted: false)
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            for item in sequence {
                items.append(try convert(item, file: file, budget: &budget, problems: &problems))
            }
            return .sequence(items, location(sequence.mark, file: file))
        case .mapping(let mapping):
            var pairs: [(key: Located<String>, value: YAMLTree)] = []
            var seen: [String: SourceLocation] = [:]
            for (keyNode, valueNode) in mapping {
                let keyLocation = location(keyNode.mark, file: file)
                let keyText: String
                if case .scalar(let scalar) = keyNode {
                    keyText = scalar.string
                } else {
                    problems.append(Diagnostic(.error, "FMT-006", "a key must be a plain name, not \(keyNode.kindNoun)", at: keyLocation))
                    continue
                }
                if let first = seen[keyText] {
                    problems.append(Diagnostic(
                        .error, "FMT-007", "duplicate key '\(keyText)'", at: keyLocation,
                        notes: [DiagnosticNote("first written here", at: first)]))
                    continue
                }
                seen[keyText] = keyLocation
                let value = try convert(valueNode, file: file, budget: &budget, problems: &problems)
                pairs.append((Located(keyText, at: keyLocation), value))
            }
            return .mapping(pairs, location(mapping.mark, file: file))
        }
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            var message = problem
            if problem.contains("tab") || text.contains("\t") && problem.contains("found character") {
                message = "a tab character: YAML indents with spaces only"
            }
            var notes: [DiagnosticNote] = []
            if let context { notes.append(DiagnosticNote(context.text, at: location(context.mark, file: file))) }
            if let hint = syntaxHints.first(where: { problem.contains($0.key) })?.value { notes.append(DiagnosticNote(hint)) }
            return Diagnostic(.error, "FMT-001", "YAML syntax: \(message)", at: location(mark, file: file), notes: notes)
        case .composer(let context, let problem, let mark, _):
            var notes: [DiagnosticNote] = []
            if let context { notes.append(DiagnosticNote(context.text, at: location(context.mark, file: file))) }
            return Diagnostic(.error, "FMT-001", "YAML: \(problem)", at: location(mark, file: file), notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = location(context.mark, file: file)
            let second = secondOccurrence(of: key, after: context.mark, in: text).map {
                SourceLocation(file: file, line: $0.line, column: $0.column)
            } ?? first
            return Diagnostic(
                .error, "FMT-007", "duplicate key '\(key)'", at: second,
                notes: second == first ? [] : [DiagnosticNote("first written here", at: first)])
        case .reader(let problem, let offset, let value, _):
            // libyaml gives the byte offset of the character it refused and the character's value; point at it.
            let (line, column) = SourceText.position(ofByte: offset ?? 0, in: text)
            let character = String(format: "U+%04X", Int(value))
            return Diagnostic(
                .error, "FMT-001", "unreadable text: \(problem) (\(character)" + (offset.map { " at byte offset \($0))" } ?? ")"),
                at: SourceLocation(file: file, line: line, column: column),
                notes: [DiagnosticNote("remove the character, or write it as an escape inside a double-quoted value")])
        default:
            return Diagnostic(.error, "FMT-001", "not readable as YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// Where a duplicated key is written again: Yams reports only the first occurrence.
func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line <= lines.count else { return nil }
    // The same line first (a flow mapping), then later lines at the same indentation.
    let sameLine = Array(lines[mark.line - 1])
    let keyCharacters = Array(key)
    func isKey(_ line: [Character], at start: Int) -> Bool {
        guard start >= 0, start + keyCharacters.count <= line.count, Array(line[start..<(start + keyCharacters.count)]) == keyCharacters
        else { return false }
        var index = start + keyCharacters.count
        while index < line.count, line[index] == " " { index += 1 }
        return index < line.count && line[index] == ":"
    }
    var column = mark.column - 1 + keyCharacters.count
    while column < sameLine.count {
        if (column == 0 || " {,".contains(sameLine[column - 1])) && isKey(sameLine, at: column) {
            return (mark.line, column + 1)
        }
        column += 1
    }
    for lineIndex in mark.line..<lines.count {
        let line = Array(lines[lineIndex])
        let indent = line.prefix { $0 == " " }.count
        if indent < mark.column - 1 && !line.allSatisfy({ $0 == " " }) && !(line.first == "#") { break }
        if indent == mark.column - 1 && isKey(line, at: indent) { return (lineIndex + 1, indent + 1) }
    }
    return nil
}

extension Node {
    var kindNoun: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
