import AnchorageCore
import Foundation

/// A problem in a CIF, at a 1-based line and column of the file.
public struct CIFError: Error, Sendable, Equatable, CustomStringConvertible {
    public var ruleID: String
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ ruleID: String, _ message: String, line: Int, column: Int = 1) {
        self.ruleID = ruleID
        // A message quotes the file; a 20 KB value is quoted in part.
        self.message = message.utf8.count > 400 ? SourceText.bounded(message, limit: 400) : message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): error[\(ruleID)]: \(message)" }

    /// `file:line:col: error[ID]: message`, the form compilers use.
    public func formatted(file: String) -> String { "\(file):\(line):\(column): error[\(ruleID)]: \(message)" }
}

/// One value of a CIF with where it stands in the file.
public struct CIFValue: Sendable, Equatable {
    public var text: String
    /// True for `?` and `.` (unknown, not applicable) written without quotes.
    public var isNull: Bool
    public var line: Int
    public var column: Int
}

/// A `loop_`: its column names (lower-cased) and its rows.
public struct CIFLoop: Sendable {
    public var tags: [String]
    public var rows: [[CIFValue]]
    public var line: Int
    /// Comment lines found between the first and the last value of the loop (skipped).
    public var commentLinesInside: Int
    /// Lines whose unquoted words were joined into one symmetry operation (`x y z`, `-x, y, z` written without quotes).
    public var joinedOperationLines: [Int] = []
    /// Lines of a tab-separated table whose empty cells (two tabs in a row) were read as `?`.
    public var emptyCellLines: [Int] = []

    public func column(_ tag: String) -> Int? { tags.firstIndex(of: tag.lowercased()) }
}

/// A `data_` block: single items and loops, names lower-cased.
public struct CIFBlock: Sendable {
    public var name: String
    public var line: Int
    public var items: [String: CIFValue] = [:]
    public var itemLines: [String: Int] = [:]
    public var loops: [CIFLoop] = []

    public func value(_ tag: String) -> CIFValue? { items[tag.lowercased()] }
    public func loop(containing tag: String) -> CIFLoop? { loops.first { $0.column(tag) != nil } }
}

/// The CIF 1.1 syntax: data blocks, items, loops, quoted strings, text fields, comments.
public enum CIFSyntax {
    enum TokenKind: Equatable { case dataBlock, loop, tag, value, saveFrame, global, stop, emptyCell }

    /// Data names whose value is one symmetry operation; some writers leave it unquoted with spaces (`x y z`).
    static let operationTags: Set<String> = [
        "_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz", "_space_group_symop.operation_xyz", "_symmetry_equiv.pos_as_xyz",
    ]

    struct Token {
        var kind: TokenKind
        var text: String
        var quoted: Bool
        var line: Int
        var column: Int
    }

    /// Splits the file into tokens; comment line numbers are returned beside them.
    static func tokenize(_ source: String) throws(CIFError) -> (tokens: [Token], commentLines: [Int]) {
        var tokens: [Token] = []
        var commentLines: [Int] = []
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var lineIndex = 0
        while lineIndex < lines.count {
            let lineNumber = lineIndex + 1
            let chars = Array(lines[lineIndex])
            // A text field starts with ';' in column 1 and runs to the next line starting with ';'.
            if chars.first == ";" {
                var text = String(chars.dropFirst())
                var end = lineIndex + 1
                var closed = false
                while end < lines.count {
                    if lines[end].first == ";" {
                        closed = true
                        break
                    }
                    text += "\n" + String(lines[end])
                    end += 1
                }
                if !closed {
                    throw CIFError("CIF-SYNTAX", "text field opened with ';' is never closed: the file may be truncated", line: lineNumber)
                }
                tokens.append(Token(kind: .value, text: text, quoted: true, line: lineNumber, column: 1))
                lineIndex = end + 1
                continue
            }
            var i = 0
            var sawValueOnLine = false
            while i < chars.count {
                let c = chars[i]
                if c == "\t", sawValueOnLine {
                    // A run of tabs between two values: in a tab-separated table each tab after the first is an empty
                    // cell. Kept as a marker; the loop reader uses it only when the rows do not fit otherwise.
                    var j = i + 1
                    while j < chars.count, chars[j] == "\t" { j += 1 }
                    if j < chars.count, chars[j] != " ", chars[j] != "\r", chars[j] != "#" {
                        for k in (i + 1)..<j {
                            tokens.append(Token(kind: .emptyCell, text: "?", quoted: false, line: lineNumber, column: k + 1))
                        }
                    }
                    i = j
                    continue
                }
                if c == " " || c == "\t" || c == "\r" {
                    i += 1
                    continue
                }
                sawValueOnLine = true
                if c == "#" {
                    commentLines.append(lineNumber)
                    break
                }
                let column = i + 1
                if c == "'" || c == "\"" {
                    // A quote closes only when followed by whitespace or the end of the line.
                    var j = i + 1
                    var closed = false
                    while j < chars.count {
                        if chars[j] == c && (j + 1 == chars.count || chars[j + 1] == " " || chars[j + 1] == "\t" || chars[j + 1] == "\r") {
                            closed = true
                            break
                        }
                        j += 1
                    }
                    if !closed {
                        throw CIFError("CIF-SYNTAX", "quoted value is not closed on its line", line: lineNumber, column: column)
                    }
                    tokens.append(Token(kind: .value, text: String(chars[(i + 1)..<j]), quoted: true, line: lineNumber, column: column))
                    i = j + 1
                    continue
                }
                var j = i
                while j < chars.count && chars[j] != " " && chars[j] != "\t" && chars[j] != "\r" { j += 1 }
                let word = String(chars[i..<j])
                let lower = word.lowercased()
                let kind: TokenKind
                if lower.hasPrefix("data_") {
                    kind = .dataBlock
                } else if lower == "loop_" {
                    kind = .loop
                } else if lower.hasPrefix("save_") {
                    kind = .saveFrame
                } else if lower == "global_" {
                    kind = .global
                } else if lower == "stop_" {
                    kind = .stop
                } else if word.hasPrefix("_") {
                    kind = .tag
                } else {
                    kind = .value
                }
                tokens.append(Token(kind: kind, text: word, quoted: false, line: lineNumber, column: column))
                i = j
            }
            lineIndex += 1
        }
        return (tokens, commentLines)
    }

    /// Parses every data block of a CIF.
    public static func parse(_ source: String) throws(CIFError) -> [CIFBlock] {
        let (allTokens, commentLines) = try tokenize(source)
        // Empty-cell markers matter only inside a loop's values; they are kept beside the tokens they follow.
        var tokens: [Token] = []
        tokens.reserveCapacity(allTokens.count)
        var emptyCellsBefore: [Int: [Token]] = [:]
        for token in allTokens {
            if token.kind == .emptyCell {
                emptyCellsBefore[tokens.count, default: []].append(token)
            } else {
                tokens.append(token)
            }
        }
        var blocks: [CIFBlock] = []
        var index = 0

        func value(_ token: Token) -> CIFValue { Self.value(token) }

        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .dataBlock:
                blocks.append(CIFBlock(name: String(token.text.dropFirst(5)), line: token.line))
                index += 1
            case .saveFrame, .global, .stop:
                index += 1
            case .tag:
                guard !blocks.isEmpty else {
                    throw CIFError(
                        "CIF-SYNTAX", "data item '\(token.text)' comes before any 'data_' block header", line: token.line,
                        column: token.column)
                }
                guard index + 1 < tokens.count, tokens[index + 1].kind == .value else {
                    throw CIFError(
                        "CIF-SYNTAX", "data item '\(token.text)' has no value: the file may be truncated", line: token.line,
                        column: token.column)
                }
                let tag = token.text.lowercased()
                var item = value(tokens[index + 1])
                index += 2
                // Lenient: an unquoted value with spaces (`P 1`, as some writers emit) is read as one value.
                while !tokens[index - 1].quoted, index < tokens.count, tokens[index].kind == .value, !tokens[index].quoted,
                    tokens[index].line == item.line
                {
                    item.text += " " + tokens[index].text
                    item.isNull = false
                    index += 1
                }
                blocks[blocks.count - 1].items[tag] = item
                blocks[blocks.count - 1].itemLines[tag] = token.line
            case .loop:
                guard !blocks.isEmpty else {
                    throw CIFError("CIF-SYNTAX", "'loop_' comes before any 'data_' block header", line: token.line, column: token.column)
                }
                var tags: [String] = []
                var cursor = index + 1
                while cursor < tokens.count, tokens[cursor].kind == .tag {
                    tags.append(tokens[cursor].text.lowercased())
                    cursor += 1
                }
                if tags.isEmpty {
                    throw CIFError("CIF-SYNTAX", "'loop_' has no column names", line: token.line, column: token.column)
                }
                var values: [CIFValue] = []
                var withEmptyCells: [CIFValue] = []
                let firstValue = cursor
                while cursor < tokens.count, tokens[cursor].kind == .value {
                    if cursor > firstValue, let empties = emptyCellsBefore[cursor] {
                        withEmptyCells += empties.map { CIFValue(text: "?", isNull: true, line: $0.line, column: $0.column) }
                    }
                    values.append(value(tokens[cursor]))
                    withEmptyCells.append(values[values.count - 1])
                    cursor += 1
                }
                var joinedOperationLines: [Int] = []
                var emptyCellLines: [Int] = []
                if let column = tags.firstIndex(where: operationTags.contains),
                    let joined = joinOperationWords(Array(tokens[firstValue..<cursor]), columns: tags.count, operationColumn: column)
                {
                    values = joined.values
                    joinedOperationLines = joined.lines
                } else if withEmptyCells.count != values.count, !fitsOneRowPerLine(values, columns: tags.count),
                    fitsOneRowPerLine(withEmptyCells, columns: tags.count)
                {
                    emptyCellLines = Array(
                        Set(((firstValue + 1)..<max(firstValue + 1, cursor)).compactMap { emptyCellsBefore[$0]?.first?.line })
                    ).sorted()
                    values = withEmptyCells
                }
                if values.count % tags.count != 0 {
                    let last = values.last
                    throw CIFError(
                        "CIF-LOOP",
                        "loop of \(tags.count) columns (\(tags.first ?? "")…) has \(values.count) value\(values.count == 1 ? "" : "s"), not a whole number of rows: the file may be truncated or a value may contain an unquoted space",
                        line: last?.line ?? token.line, column: last?.column ?? token.column)
                }
                var rows: [[CIFValue]] = []
                rows.reserveCapacity(values.count / tags.count)
                var start = 0
                while start < values.count {
                    rows.append(Array(values[start..<(start + tags.count)]))
                    start += tags.count
                }
                var inside = 0
                if let first = values.first?.line, let last = values.last?.line {
                    inside = commentLines.reduce(0) { $0 + ($1 > first && $1 < last ? 1 : 0) }
                }
                blocks[blocks.count - 1].loops.append(
                    CIFLoop(
                        tags: tags, rows: rows, line: token.line, commentLinesInside: inside, joinedOperationLines: joinedOperationLines,
                        emptyCellLines: emptyCellLines))
                index = cursor
            case .value:
                throw CIFError("CIF-SYNTAX", "value '\(token.text)' without a data name", line: token.line, column: token.column)
            case .emptyCell:
                index += 1
            }
        }
        return blocks
    }

    static func value(_ token: Token) -> CIFValue {
        CIFValue(
            text: token.text, isNull: !token.quoted && (token.text == "?" || token.text == "."), line: token.line, column: token.column)
    }

    /// True when the values stand one row to a line, each line holding exactly `columns` of them.
    static func fitsOneRowPerLine(_ values: [CIFValue], columns: Int) -> Bool {
        guard !values.isEmpty, values.count % columns == 0 else { return false }
        var start = 0
        while start < values.count {
            let line = values[start].line
            for offset in 0..<columns where values[start + offset].line != line { return false }
            if start + columns < values.count, values[start + columns].line == line { return false }
            start += columns
        }
        return true
    }

    /// A symmetry loop written one operation to a line without quotes, its parts split by spaces (`x y z`,
    /// `-x, y, z`): the words of the operation's column joined back with single spaces. Nil when the loop does not
    /// have that shape (every line must hold the loop's other columns plus at least one unquoted word, and some line
    /// more than one), so a well-formed loop is read as CIF says.
    static func joinOperationWords(_ tokens: [Token], columns: Int, operationColumn: Int) -> (values: [CIFValue], lines: [Int])? {
        guard !tokens.isEmpty else { return nil }
        var lines: [[Token]] = []
        for token in tokens {
            if let last = lines.last?.last, last.line == token.line {
                lines[lines.count - 1].append(token)
            } else {
                lines.append([token])
            }
        }
        guard lines.allSatisfy({ $0.count >= columns }), lines.contains(where: { $0.count > columns }) else { return nil }
        var values: [CIFValue] = []
        var joinedLines: [Int] = []
        let after = columns - 1 - operationColumn
        for line in lines {
            let words = line[operationColumn..<(line.count - after)]
            guard words.allSatisfy({ !$0.quoted && $0.kind == .value }) else { return nil }
            for token in line[..<operationColumn] { values.append(value(token)) }
            let first = words[words.startIndex]
            values.append(CIFValue(text: words.map(\.text).joined(separator: " "), isNull: false, line: first.line, column: first.column))
            if words.count > 1 { joinedLines.append(first.line) }
            for token in line[(line.count - after)...] { values.append(value(token)) }
        }
        return (values, joinedLines)
    }

    /// A CIF number: `0.1234(5)` reads as 0.1234; nil for `?`, `.` and non-numbers.
    public static func number(_ value: CIFValue) -> Double? {
        if value.isNull { return nil }
        var text = Substring(value.text)
        if let open = text.firstIndex(of: "(") {
            guard text.last == ")" else { return nil }
            text = text[..<open]
        }
        guard let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
