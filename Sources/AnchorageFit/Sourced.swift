/// A value from the catalog together with where it comes from: a citation id (or `none found`), the database entry when
/// there is one (a CoRE MOF file name, an XYZ file) and a note on how it was obtained.
public struct Sourced<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var value: Value?
    public var source: String
    public var entry: String?
    public var note: String?
    /// How the value was obtained when the source is the structure rather than a table of the value itself:
    /// `anchorage pores` for a pore diameter or cage count computed here from the cited structure.
    public var method: String?

    public init(_ value: Value?, source: String, entry: String? = nil, note: String? = nil, method: String? = nil) {
        self.value = value
        self.source = source
        self.entry = entry
        self.note = note
        self.method = method
    }

    /// The method a pore value was obtained by, for a sentence: CoRE MOF's Zeo++ values, or those computed here.
    public var poreMethod: String {
        method == Self.computedByAnchorage ? "computed by Anchorage with Zeo++-compatible radii" : "Zeo++"
    }

    /// The `method` of a value computed by `anchorage pores` from a structure.
    public static var computedByAnchorage: String { "anchorage pores" }

    /// A value nobody has a source for: kept empty, and said so.
    public static func unknown(_ note: String? = nil) -> Sourced { Sourced(nil, source: "none found", note: note) }

    /// "chung2019-coremof, FAWCEN_SL" — the source and the entry, for a sentence or a table cell.
    public var reference: String { [source, entry].compactMap { $0 }.joined(separator: ", ") }
}
