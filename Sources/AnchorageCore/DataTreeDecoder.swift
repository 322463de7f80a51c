import Foundation

/// Decodes a `Decodable` value from a data tree, reading scalars as Yams' decoder does: any scalar is a string; only a
/// plain scalar is a null (`~`, `null`, empty), a boolean (`true`/`yes`/`on`, `false`/`no`/`off`, any case) or a number
/// (underscores ignored; `0x`, `0o`, `0b` and leading-zero octal integers; `.inf` and `.nan`; otherwise what Swift's
/// `Double` reads). A test decodes every
/// shipped data file both ways and compares.
public struct DataTreeDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from tree: DataTree) throws -> T {
        try TreeDecoding(tree, codingPath: []).decodeValue(type)
    }
}

private struct TreeDecoding: Decoder {
    let tree: DataTree
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ tree: DataTree, codingPath: [any CodingKey]) {
        self.tree = tree
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let entries) = tree else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(KeyedTree<Key>(entries: entries, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = tree else { throw mismatch([Any].self) }
        return UnkeyedTree(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        let found: String
        switch tree {
        case .scalar(let text, _): found = "'\(text.prefix(40))'"
        case .sequence: found = "a list"
        case .mapping: found = "a mapping"
        }
        return DecodingError.typeMismatch(
            type, DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(Self.name(type)), found \(found)"))
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Double.Type, is Float.Type: "a number"
        case is any FixedWidthInteger.Type: "a whole number"
        case is [String: Any].Type: "a mapping"
        case is [Any].Type: "a list"
        default: "\(type)"
        }
    }

    /// The scalar's text when it is written plain; nil for a quoted scalar; a type mismatch for a list or mapping.
    func plainText(for type: Any.Type) throws -> String? {
        guard case .scalar(let text, let plain) = tree else { throw mismatch(type) }
        return plain ? text : nil
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        // The scalar types are read here, not through their own `init(from:)`, so that they follow the rules above.
        switch type {
        case is String.Type: return try decode(String.self) as! T
        case is Double.Type: return try decode(Double.self) as! T
        case is Int.Type: return try decode(Int.self) as! T
        case is Bool.Type: return try decode(Bool.self) as! T
        default: return try T(from: self)
        }
    }
}

extension TreeDecoding: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        guard case .scalar(let text, true) = tree else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .scalar(let text, _) = tree else { throw mismatch(type) }
        return text
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try plainText(for: type)?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let text = try plainText(for: type), let value = Self.floatingPoint(text) else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float {
        guard let text = try plainText(for: type), let value = Self.floatingPoint(text) else { throw mismatch(type) }
        return Float(value)
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let text = try plainText(for: type), let value = Self.integer(text, as: type) else { throw mismatch(type) }
        return value
    }

    static func floatingPoint(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            let digits = text.contains("_") ? text.replacingOccurrences(of: "_", with: "") : text
            return Double(digits)
        }
    }

    static func integer<T: FixedWidthInteger>(_ text: String, as type: T.Type) -> T? {
        let signed = text.contains("_") ? text.replacingOccurrences(of: "_", with: "") : text
        if signed == "0" { return 0 }
        let negative = signed.hasPrefix("-")
        guard T.isSigned || !negative else { return nil }
        let hasSign = negative || signed.hasPrefix("+")
        let unsigned = signed.dropFirst(hasSign ? 1 : 0)
        let sign = negative ? "-" : ""
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where unsigned.hasPrefix(prefix) {
            return T(sign + unsigned.dropFirst(prefix.count), radix: radix)
        }
        return T(signed)
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [DataTree.Entry]
    let codingPath: [any CodingKey]
    /// Positions by key, for a mapping long enough that a linear search would cost more than building it.
    private let index: [String: Int]?

    init(entries: [DataTree.Entry], codingPath: [any CodingKey]) {
        self.entries = entries
        self.codingPath = codingPath
        if entries.count > 12 {
            var index: [String: Int] = [:]
            index.reserveCapacity(entries.count)
            // The first of a duplicated key wins, as in Yams.
            for (position, entry) in entries.enumerated() where index[entry.key] == nil { index[entry.key] = position }
            self.index = index
        } else {
            self.index = nil
        }
    }

    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    private func value(_ key: Key) -> DataTree? {
        if let index { return index[key.stringValue].map { entries[$0].value } }
        return entries.first { $0.key == key.stringValue }?.value
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    private func decoder(_ key: Key) throws -> TreeDecoding {
        guard let tree = value(key) else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "no value for '\(key.stringValue)'"))
        }
        return TreeDecoding(tree, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(key).decodeNil() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decodeValue(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let tree = value(key) else { return nil }
        let decoding = TreeDecoding(tree, codingPath: codingPath + [key])
        if decoding.decodeNil() { return nil }
        return try decoding.decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder { TreeDecoding(.mapping(entries), codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

private struct UnkeyedTree: UnkeyedDecodingContainer {
    let items: [DataTree]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [DataTree], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private struct Position: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    /// Decodes the current item; the position moves on only when that succeeds, as in Foundation's and Yams' decoders.
    private mutating func next<T, Value>(_ type: T.Type, _ body: (TreeDecoding) throws -> Value) throws -> Value {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, DecodingError.Context(codingPath: codingPath + [Position(currentIndex)], debugDescription: "the list has ended"))
        }
        let value = try body(TreeDecoding(items[currentIndex], codingPath: codingPath + [Position(currentIndex)]))
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if TreeDecoding(items[currentIndex], codingPath: codingPath).decodeNil() {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decodeValue(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(type) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([Any].self) { try $0.unkeyedContainer() } }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) { $0 } }
}
