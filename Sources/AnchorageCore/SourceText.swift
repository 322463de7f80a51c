/// A file's text cut into lines once, the way YAML counts them: a line ends at LF, CRLF or a lone CR. Diagnostics quote
/// their line from here, so a file with a thousand findings is split once, not once per finding.
public struct SourceText: Sendable {
    public let lines: [Substring]

    public init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        // Swift reads "\r\n" as one Character; it and a lone "\r" or "\n" each end a line.
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append(text[start..<index])
                start = next
            }
            index = next
        }
        lines.append(text[start..<text.endIndex])
        self.lines = lines
    }

    /// The 1-based line, or nil when the file has no such line.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Line and column (1-based, counted in Unicode scalars as libyaml counts them) of a UTF-8 byte offset.
    public static func position(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var consumed = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if consumed + width > offset { break }
            consumed += width
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return (line, column)
    }

    /// At most `limit` characters of `line` around `column` (1-based, in Unicode scalars), with "…" where it was cut, and
    /// the caret's column inside what is returned. A 20 KB line is quoted as a window, never in full.
    public static func excerpt(_ line: Substring, column: Int, limit: Int) -> (text: String, caret: Int) {
        let scalars = Array(line.unicodeScalars)
        let caret = Swift.max(0, Swift.min(column - 1, scalars.count))
        guard scalars.count > limit, limit > 0 else { return (String(String.UnicodeScalarView(scalars)), caret) }
        let start = Swift.max(0, Swift.min(caret - limit / 2, scalars.count - limit))
        let end = Swift.min(scalars.count, start + limit)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        var shift = caret - start
        if start > 0 {
            text = "…" + text
            shift += 1
        }
        if end < scalars.count { text += "…" }
        return (text, shift)
    }

    /// `text` shortened in its middle to at most about `limit` characters, with "…" where it was cut.
    public static func bounded(_ text: String, limit: Int) -> String {
        guard text.count > limit, limit > 8 else { return text }
        let tail = limit / 4
        return String(text.prefix(limit - tail - 1)) + "…" + String(text.suffix(tail))
    }
}
