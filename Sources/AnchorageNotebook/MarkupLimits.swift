/// Limits checked on an entry's bytes before libxml2 parses them. libxml2 (2.9) looks for a repeated attribute
/// by comparing each new attribute with every earlier one of the element, so one start tag with tens of thousands
/// of attributes costs seconds; no notebook element has more than a handful, so such a file is refused first.
enum MarkupLimits {
    /// The most attributes any element of the format carries is six (a diagnostic); the limit leaves room for
    /// optional attributes a later format version may add.
    static let maximumAttributesPerElement = 64

    /// The first start tag with more attributes than the limit, as a problem with its line; nil when there is none.
    /// One pass over the bytes: comments, processing instructions, CDATA sections and quoted values are skipped.
    static func check(_ bytes: [UInt8]) -> XMLProblem? {
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), equals = UInt8(ascii: "=")
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), newline = UInt8(ascii: "\n")
        var line = 1
        var index = 0
        let count = bytes.count

        /// Moves past `terminator` (counting lines); false when the bytes end first.
        func skip(past terminator: [UInt8]) -> Bool {
            while index < count {
                if bytes[index] == newline { line += 1 }
                if bytes[index] == terminator[0], index + terminator.count <= count,
                    bytes[index..<(index + terminator.count)].elementsEqual(terminator)
                {
                    index += terminator.count
                    return true
                }
                index += 1
            }
            return false
        }
        func starts(with prefix: String) -> Bool {
            let utf8 = Array(prefix.utf8)
            return index + utf8.count <= count && bytes[index..<(index + utf8.count)].elementsEqual(utf8)
        }

        while index < count {
            let byte = bytes[index]
            if byte == newline { line += 1 }
            guard byte == lt else {
                index += 1
                continue
            }
            if starts(with: "<!--") {
                index += 4
                if !skip(past: Array("-->".utf8)) { return nil }
            } else if starts(with: "<![CDATA[") {
                index += 9
                if !skip(past: Array("]]>".utf8)) { return nil }
            } else if starts(with: "<?") || starts(with: "<!") || starts(with: "</") {
                index += 2
                if !skip(past: [gt]) { return nil }
            } else {
                // A start tag: count the '=' outside quoted values up to its '>'.
                let tagLine = line
                var attributes = 0
                var inQuote: UInt8?
                index += 1
                while index < count {
                    let current = bytes[index]
                    if current == newline { line += 1 }
                    if let open = inQuote {
                        if current == open { inQuote = nil }
                    } else if current == quote || current == apostrophe {
                        inQuote = current
                    } else if current == equals {
                        attributes += 1
                        if attributes > maximumAttributesPerElement {
                            return XMLProblem(
                                line: tagLine, element: nil,
                                message: "an element has more than \(maximumAttributesPerElement) attributes: no notebook element has so many")
                        }
                    } else if current == gt {
                        break
                    }
                    index += 1
                }
                index += 1
            }
        }
        return nil
    }
}
