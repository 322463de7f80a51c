import Foundation

/// One atom of a molecule read from an XYZ file, in ångström.
public struct Atom: Sendable, Hashable {
    public var element: String
    public var position: SIMD3<Double>

    public init(element: String, position: SIMD3<Double>) {
        self.element = element
        self.position = position
    }
}

/// Why an XYZ file could not be read: a message at a 1-based line and column.
public struct XYZError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// The XYZ format: an atom count, a comment line, then one `Element x y z` line per atom (further columns are ignored).
public struct XYZFile: Sendable {
    public var comment: String
    public var atoms: [Atom]

    public init(comment: String, atoms: [Atom]) {
        self.comment = comment
        self.atoms = atoms
    }

    /// Reads a file; `name` is how messages call it (the path as the user wrote it), the full path by default.
    public init(contentsOf url: URL, name: String? = nil) throws {
        let name = name ?? url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XYZError(file: name, line: 1, column: 1, message: "no such file")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw XYZError(file: name, line: 1, column: 1, message: "cannot read the file as UTF-8 text")
        }
        try self.init(parsing: text, file: name)
    }

    public init(parsing text: String, file: String = "<xyz>") throws {
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lines = rawLines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        func fail(_ line: Int, _ column: Int, _ message: String) -> XYZError {
            XYZError(file: file, line: line, column: column, message: message)
        }
        guard let first = lines.first, !first.isEmpty else { throw fail(1, 1, "expected the number of atoms on the first line") }
        guard let count = Int(first), count > 0 else {
            throw fail(1, 1, "expected a positive number of atoms on the first line, found '\(first)'")
        }
        guard count <= lines.count - 2 else {
            throw fail(lines.count, 1, "the first line announces \(count) atoms but the file has \(max(0, lines.count - 2)) atom lines")
        }
        var atoms: [Atom] = []
        atoms.reserveCapacity(count)
        for index in 0..<count {
            let lineNumber = index + 3
            let raw = rawLines[index + 2]
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard fields.count >= 4 else {
                throw fail(lineNumber, 1, "expected 'Element x y z', found '\(lines[index + 2])'")
            }
            let symbol = XYZFile.normalisedSymbol(String(fields[0]))
            guard symbol.first?.isLetter == true, symbol.count <= 3 else {
                throw fail(lineNumber, 1, "expected an element symbol, found '\(fields[0])'")
            }
            var coordinates: [Double] = []
            for field in fields[1...3] {
                guard let value = Double(field), value.isFinite else {
                    let column = raw.distance(from: raw.startIndex, to: field.startIndex) + 1
                    throw fail(lineNumber, column, "expected a coordinate in ångström, found '\(field)'")
                }
                coordinates.append(value)
            }
            atoms.append(Atom(element: symbol, position: SIMD3(coordinates[0], coordinates[1], coordinates[2])))
        }
        self.comment = lines[1]
        self.atoms = atoms
    }

    /// "FE", "fe" → "Fe".
    static func normalisedSymbol(_ raw: String) -> String {
        guard let first = raw.first else { return raw }
        return first.uppercased() + raw.dropFirst().lowercased()
    }

    /// The molecular formula in Hill order (C, H, then alphabetical), e.g. "C15H21FeO6".
    public var hillFormula: String {
        var counts: [String: Int] = [:]
        for atom in atoms { counts[atom.element, default: 0] += 1 }
        let hasCarbon = counts["C"] != nil
        let order = counts.keys.sorted { a, b in
            func rank(_ s: String) -> Int { hasCarbon ? (s == "C" ? 0 : s == "H" ? 1 : 2) : 2 }
            return (rank(a), a) < (rank(b), b)
        }
        return order.map { counts[$0] == 1 ? $0 : "\($0)\(counts[$0] ?? 0)" }.joined()
    }
}
