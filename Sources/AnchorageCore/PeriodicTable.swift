/// An element with its standard atomic weight (IUPAC/CIAAW, from `elements.yaml`).
public struct Element: Codable, Sendable, Hashable {
    public var symbol: String
    public var number: Int
    public var name: String
    public var weight: Double

    /// Non-metals and metalloids; every other element counts as a metal for the chemistry here.
    static let nonMetals: Set<String> = [
        "H", "He", "B", "C", "N", "O", "F", "Ne", "Si", "P", "S", "Cl", "Ar", "Ge", "As", "Se", "Br", "Kr", "Sb", "Te", "I",
        "Xe", "At", "Rn",
    ]

    public var isMetal: Bool { !Element.nonMetals.contains(symbol) }
}

public struct PeriodicTable: Sendable {
    public let elements: [Element]
    private let bySymbol: [String: Element]

    struct File: Decodable { var elements: [Element] }

    public init(_ elements: [Element]) {
        self.elements = elements
        bySymbol = Dictionary(elements.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func bundled() throws -> PeriodicTable {
        try cache.get()
    }

    private static let cache: Result<PeriodicTable, Error> = Result {
        PeriodicTable(try BundledData.decode(File.self, from: "elements.yaml").elements)
    }

    public func element(_ symbol: String) -> Element? { bySymbol[symbol] }

    /// Spellings other than the IUPAC name that IUPAC accepts (Nomenclature of Inorganic Chemistry, 2005, IR-3.1:
    /// "aluminum" and "cesium"), and the older British "sulphur".
    static let alternativeNames = ["aluminum": "Al", "cesium": "Cs", "sulphur": "S"]

    /// An element as a chemist writes it: its symbol in any case (`co`, `CO`), or its name in any case (`Cobalt`).
    public func element(written: String) -> Element? {
        let text = written.trimmingCharacters(in: .whitespacesAndNewlines)
        if let exact = bySymbol[text] { return exact }
        let lower = text.lowercased()
        if let symbol = Self.alternativeNames[lower] { return bySymbol[symbol] }
        if let named = elements.first(where: { $0.name.lowercased() == lower }) { return named }
        guard !lower.isEmpty, lower.count <= 3 else { return nil }
        return bySymbol[lower.prefix(1).uppercased() + lower.dropFirst()]
    }

    public var symbols: [String] { elements.map(\.symbol) }
}
