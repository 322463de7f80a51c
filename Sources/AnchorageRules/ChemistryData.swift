import AnchorageCore
import Foundation

/// A value of a data file, as written: the chemistry data mixes numbers, words, lists and nested entries.
public indirect enum DataValue: Decodable, Sendable, Hashable {
    case null
    case number(Double)
    case bool(Bool)
    case text(String)
    case list([DataValue])
    case map([String: DataValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let list = try? container.decode([DataValue].self) {
            self = .list(list)
        } else {
            self = .map(try container.decode([String: DataValue].self))
        }
    }

    public subscript(key: String) -> DataValue? {
        if case .map(let entries) = self { return entries[key] }
        return nil
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var text: String? {
        switch self {
        case .text(let value): value
        case .number(let value): QuantityFormat.number(value)
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// A list of words (a single word counts as a list of one).
    public var strings: [String] {
        switch self {
        case .list(let items): items.compactMap(\.text)
        case .text(let value): [value]
        default: []
        }
    }

    public var isNull: Bool { self == .null }

    /// The keys of a mapping, sorted (empty for anything else).
    public var keys: [String] {
        if case .map(let entries) = self { return entries.keys.sorted() }
        return []
    }
}

/// A number, word or list from the chemistry data with the citations it stands on.
public struct SourcedValue: Sendable {
    /// Dotted path of the entry (`lab.ptfe_liner_max_service_C`).
    public var path: String
    public var value: DataValue
    /// Citation ids (resolved in the citation data).
    public var citations: [String]
    /// What the source says about where in the paper, or `none found`.
    public var sourceNotes: [String]

    public var number: Double? { value.number }
    public var strings: [String] { value.strings }
    public var text: String? { value.text }
    public var isSourced: Bool { !citations.isEmpty }

    /// "review-pom-admc; yin-2016-co-sas", for a diagnostic note.
    public var citationList: String { citations.isEmpty ? "no source found" : citations.joined(separator: "; ") }
}

/// The route and lab numbers of `chemistry.yaml`, each with its source. A value written `null` (no source found) is
/// answered as nil: the rule that needs it says so in its rationale and does not compare against it.
public struct ChemistryData: Sendable {
    public var root: DataValue

    public init(root: DataValue) { self.root = root }

    public static let empty = ChemistryData(root: .map([:]))

    /// The shipped `chemistry.yaml`, read once per process.
    public static func bundled() throws -> ChemistryData { try cache.get() }

    private static let cache: Result<ChemistryData, Error> = Result {
        ChemistryData(root: try BundledData.decode(DataValue.self, from: "chemistry.yaml"))
    }

    /// The raw entry at a dotted path, or nil.
    public func entry(_ path: String) -> DataValue? {
        var node: DataValue? = root
        for key in path.split(separator: ".") { node = node?[String(key)] }
        return node
    }

    /// The value at a dotted path with the source of the nearest entry that names one; nil when absent or null.
    /// An entry written as `{value: …, source: …}` answers its `value`; a bare value (e.g. `min:` inside a range)
    /// takes the source of the entry around it.
    public func threshold(_ path: String) -> SourcedValue? {
        let keys = path.split(separator: ".").map(String.init)
        var chain: [DataValue] = [root]
        for key in keys {
            guard let next = chain.last?[key] else { return nil }
            chain.append(next)
        }
        guard var value = chain.last else { return nil }
        if case .map = value, let inner = value["value"] { value = inner }
        if value.isNull { return nil }
        for node in chain.reversed() {
            if let source = node["source"] ?? node["sources"] {
                let (citations, notes) = Self.sources(source)
                return SourcedValue(path: path, value: value, citations: citations, sourceNotes: notes)
            }
        }
        return SourcedValue(path: path, value: value, citations: [], sourceNotes: [])
    }

    /// A list of words at a path (empty when absent or null).
    public func list(_ path: String) -> [String] { threshold(path)?.strings ?? [] }

    /// Citation ids and notes of a `source:`/`sources:` value: a mapping, a list of them, or a plain string.
    static func sources(_ value: DataValue) -> (citations: [String], notes: [String]) {
        switch value {
        case .text(let note): return ([], [note])
        case .list(let items):
            let parts = items.map(sources)
            return (parts.flatMap(\.citations), parts.flatMap(\.notes))
        case .map:
            var citations = value["citation"]?.text.map { [$0] } ?? []
            citations += value["citations"]?.strings ?? []
            return (citations, value["note"]?.text.map { [$0] } ?? [])
        default: return ([], [])
        }
    }

    /// Every citation id the data names, for the guard test that each one resolves.
    public var allCitations: [String] {
        var found: [String] = []
        func walk(_ node: DataValue) {
            switch node {
            case .map(let entries):
                for (key, child) in entries {
                    if key == "citation" || key == "citations" { found += child.strings } else { walk(child) }
                }
            case .list(let items): items.forEach(walk)
            default: break
            }
        }
        walk(root)
        return found
    }
}
