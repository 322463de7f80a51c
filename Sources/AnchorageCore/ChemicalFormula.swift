import Foundation

/// A chemical formula read the way chemists write it: `Zn(NO3)2·6H2O`, `Fe(acac)3`, `[Pt(NH3)4](NO3)2`, `Co(NO3)2.6H2O`,
/// `NO3-`, `[Fe(CN)6]3-`. Ligand abbreviations come from `formula-abbreviations.yaml`.
public struct ChemicalFormula: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    /// Element symbol → number of atoms per formula unit.
    public let composition: [String: Double]
    public let charge: Int

    public init(parsing text: String) throws {
        var parser = FormulaParser(text: text, abbreviations: try FormulaAbbreviations.bundled())
        let (composition, charge) = try parser.parse()
        self.text = text
        self.composition = composition
        self.charge = charge
    }

    public var description: String { text }

    public func molarMass(in table: PeriodicTable) throws -> Double {
        var total = 0.0
        for (symbol, count) in composition {
            guard let element = table.element(symbol) else {
                throw FormulaError(message: "no atomic weight for element '\(symbol)'", offset: 0)
            }
            total += element.weight * count
        }
        return total
    }

    /// The metals it carries, in order of first appearance in the formula.
    public var metalSymbols: [String] {
        let metals = composition.keys.filter { Element(symbol: $0, number: 0, name: "", weight: 0).isMetal }
        return metals.sorted { (text.range(of: $0)?.lowerBound ?? text.endIndex) < (text.range(of: $1)?.lowerBound ?? text.endIndex) }
    }

    /// Atoms of one element per formula unit.
    public func count(of symbol: String) -> Double { composition[symbol] ?? 0 }
}

/// Why a formula could not be read; `offset` is the character inside the formula where it went wrong.
public struct FormulaError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var offset: Int

    public init(message: String, hint: String? = nil, offset: Int) {
        self.message = message
        self.hint = hint
        self.offset = offset
    }

    public var description: String { message + (hint.map { " (\($0))" } ?? "") }
}

public struct FormulaAbbreviation: Codable, Sendable {
    public var symbol: String
    public var formula: String
    public var meaning: String
}

public struct FormulaAbbreviations: Sendable {
    public let all: [FormulaAbbreviation]
    /// Expansions, longest symbol first so that `OAc` wins over `O` + `Ac` and `Hmim` over `H` + …
    let expansions: [(symbol: [Character], composition: [String: Double])]

    struct File: Decodable { var abbreviations: [FormulaAbbreviation] }

    public static func bundled() throws -> FormulaAbbreviations { try cache.get() }

    private static let cache: Result<FormulaAbbreviations, Error> = Result {
        let file = try BundledData.decode(File.self, from: "formula-abbreviations.yaml")
        var expansions: [(symbol: [Character], composition: [String: Double])] = []
        for abbreviation in file.abbreviations {
            var parser = FormulaParser(text: abbreviation.formula, abbreviations: nil)
            let (composition, _) = try parser.parse()
            expansions.append((Array(abbreviation.symbol), composition))
        }
        expansions.sort { $0.symbol.count > $1.symbol.count }
        return FormulaAbbreviations(all: file.abbreviations, expansions: expansions)
    }
}

struct FormulaParser {
    let characters: [Character]
    let abbreviations: FormulaAbbreviations?
    var position = 0
    let knownSymbols: Set<String>

    init(text: String, abbreviations: FormulaAbbreviations?) {
        characters = Array(text.trimmingCharacters(in: .whitespaces))
        self.abbreviations = abbreviations
        knownSymbols = Set((try? PeriodicTable.bundled().symbols) ?? [])
    }

    static let hydrateSeparators: Set<Character> = ["·", ".", "*", "•", "⋅", "∙"]
    static let opening: [Character: Character] = ["(": ")", "[": "]", "{": "}"]

    mutating func parse() throws -> ([String: Double], Int) {
        guard !characters.isEmpty else { throw FormulaError(message: "the formula is empty", offset: 0) }
        var total: [String: Double] = [:]
        var charge = 0
        var first = true
        repeat {
            if !first { position += 1 }  // past the hydrate separator
            first = false
            let segmentStart = position
            // A segment may start with a coefficient: 6H2O, 0.5H2O.
            var coefficient = 1.0
            if let number = try readNumber(allowDecimal: true), position < characters.count, !Self.hydrateSeparators.contains(characters[position]) {
                coefficient = number
            } else if position != segmentStart {
                position = segmentStart
            }
            if position < characters.count, characters[position] == "x" || characters[position] == "n" {
                throw FormulaError(
                    message: "the hydration '\(characters[position])' is not a number",
                    hint: "give the water of crystallisation from the label or the data sheet, e.g. ·3H2O", offset: position)
            }
            let (group, groupCharge) = try parseGroup(closing: nil)
            if group.isEmpty {
                throw FormulaError(message: "expected an element symbol", offset: position)
            }
            for (symbol, count) in group { total[symbol, default: 0] += count * coefficient }
            charge += groupCharge
        } while position < characters.count && Self.hydrateSeparators.contains(characters[position])
        if position < characters.count {
            throw FormulaError(message: "unexpected '\(characters[position])'", offset: position)
        }
        return (total, charge)
    }

    /// A sequence of elements, abbreviations and bracketed groups, each with an optional count, then an optional charge.
    mutating func parseGroup(closing: Character?, depth: Int = 0) throws -> ([String: Double], Int) {
        // Brackets nest two or three deep; a deeper nest is refused before it recurses past the stack.
        let deepest = (try? InputLimits.bundled().recipe.formula_group_depth.count) ?? 16
        if depth > deepest {
            throw FormulaError(message: "brackets nest more than \(deepest) deep", offset: position)
        }
        var composition: [String: Double] = [:]
        var charge = 0
        while position < characters.count {
            let character = characters[position]
            if let closing, character == closing { return (composition, charge) }
            if Self.hydrateSeparators.contains(character) && closing == nil { break }
            if let close = Self.opening[character] {
                let start = position
                position += 1
                let (inner, _) = try parseGroup(closing: close, depth: depth + 1)
                guard position < characters.count, characters[position] == close else {
                    throw FormulaError(message: "'\(character)' is never closed", hint: "add '\(close)'", offset: start)
                }
                position += 1
                let count = try readNumber(allowDecimal: true) ?? 1
                for (symbol, n) in inner { composition[symbol, default: 0] += n * count }
                continue
            }
            if [")", "]", "}"].contains(character) {
                throw FormulaError(message: "'\(character)' closes nothing", offset: position)
            }
            if let abbreviation = matchAbbreviation() {
                position += abbreviation.symbol.count
                let count = try readNumber(allowDecimal: true) ?? 1
                for (symbol, n) in abbreviation.composition { composition[symbol, default: 0] += n * count }
                continue
            }
            if character.isUppercase, character.isASCII {
                let start = position
                var symbol = String(character)
                position += 1
                // A capital and a small letter are one symbol: 'Fa' is an unknown element, not F followed by 'a'.
                if position < characters.count, characters[position].isLowercase, characters[position].isASCII {
                    symbol.append(characters[position])
                    position += 1
                }
                guard knownSymbols.contains(symbol) else {
                    let suggestion = Suggestion.closest(to: symbol, among: Array(knownSymbols))
                    throw FormulaError(
                        message: "unknown element '\(symbol)'",
                        hint: suggestion.map { "did you mean '\($0)'?" }, offset: start)
                }
                let count = try readNumber(allowDecimal: true) ?? 1
                composition[symbol, default: 0] += count
                continue
            }
            if let parsedCharge = readCharge() {
                charge = parsedCharge
                continue
            }
            if character == " " { position += 1; continue }
            throw FormulaError(
                message: "unexpected '\(character)' in a formula",
                hint: character.isLowercase ? "element symbols start with a capital letter" : nil, offset: position)
        }
        if let closing {
            throw FormulaError(message: "missing '\(closing)'", offset: position)
        }
        return (composition, charge)
    }

    func matchAbbreviation() -> (symbol: [Character], composition: [String: Double])? {
        guard let abbreviations else { return nil }
        for expansion in abbreviations.expansions where position + expansion.symbol.count <= characters.count {
            if Array(characters[position..<(position + expansion.symbol.count)]) == expansion.symbol {
                // "Ph" must not swallow the "P" of a following element, nor "en" a lowercase run of a longer word.
                let next = position + expansion.symbol.count
                if next < characters.count, characters[next].isLowercase, characters[next].isLetter { continue }
                return expansion
            }
        }
        return nil
    }

    /// A count. A '.' is a decimal point only after a lone 0 (Zn0.5Co0.5, 0.5H2O): otherwise it separates a hydrate
    /// (Zn(NO3)2.6H2O). Digits followed by a sign at the end are a charge ([Fe(CN)6]3-), left for `readCharge`.
    mutating func readNumber(allowDecimal: Bool) throws -> Double? {
        let start = position
        while position < characters.count, characters[position].isASCII, characters[position].isNumber {
            position += 1
        }
        if allowDecimal, position < characters.count, characters[position] == ".", position == start + 1, characters[start] == "0",
           position + 1 < characters.count, characters[position + 1].isASCII, characters[position + 1].isNumber
        {
            position += 1
            while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
        }
        guard position > start else { return nil }
        if position < characters.count, "+-−⁺⁻".contains(characters[position]), position + 1 == characters.count {
            position = start
            return nil
        }
        let written = String(characters[start..<position])
        // A count past what a formula unit holds is a slip, and its molar mass would overflow what follows.
        let largest = (try? InputLimits.bundled().recipe.formula_count.value) ?? 1e6
        guard let count = Double(written), count <= largest else {
            throw FormulaError(
                message: "the count '\(written.prefix(24))\(written.count > 24 ? "…" : "")' is more than a formula unit holds",
                hint: "counts in a formula are at most \(QuantityFormat.number(largest))", offset: start)
        }
        return count
    }

    /// A trailing charge: `+`, `2+`, `3-`, `^2+`, `⁺`.
    mutating func readCharge() -> Int? {
        let start = position
        if characters[position] == "^" { position += 1 }
        var magnitude = 1
        let digitsStart = position
        while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
        if position > digitsStart {
            // A charge of more than a few units is not an ion's: an over-long one is left unread, and the formula refused.
            guard position - digitsStart <= 2, let written = Int(String(characters[digitsStart..<position])) else { position = start; return nil }
            magnitude = written
        }
        guard position < characters.count else { position = start; return nil }
        switch characters[position] {
        case "+", "⁺":
            position += 1
            return magnitude
        case "-", "−", "⁻":
            position += 1
            return -magnitude
        default:
            position = start
            return nil
        }
    }
}
