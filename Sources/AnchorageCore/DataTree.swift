import Foundation
import Yams

/// A data file as a plain tree: scalars keep their text and whether they were written plain (unquoted), which is all
/// the decoding needs. It is what the shipped knowledge is decoded from, and what the compiled form of a data file holds.
public enum DataTree: Sendable, Hashable {
    case scalar(String, plain: Bool)
    case sequence([DataTree])
    /// Keys in the order written.
    case mapping([Entry])

    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: DataTree
    }

    /// Parses YAML text. Aliases and merge keys are not part of the data files' form and are refused.
    public static func parse(yaml text: String) throws -> DataTree {
        guard let root = try Yams.compose(yaml: text, .basic) else { return .scalar("", plain: true) }
        return try DataTree(root)
    }

    init(_ node: Node) throws {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            self = .sequence(try sequence.map(DataTree.init))
        case .mapping(let mapping):
            var entries: [Entry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    throw DataTreeError.unsupported("a mapping key that is not a plain value", line: key.mark?.line)
                }
                if name.string == "<<" && name.style == .plain {
                    throw DataTreeError.unsupported("a merge key ('<<')", line: key.mark?.line)
                }
                entries.append(Entry(key: name.string, value: try DataTree(value)))
            }
            self = .mapping(entries)
        case .alias(let alias):
            throw DataTreeError.unsupported("an alias ('*\(alias.anchor.rawValue)')", line: alias.mark?.line)
        }
    }
}

public enum DataTreeError: Error, CustomStringConvertible, Sendable {
    case unsupported(String, line: Int?)
    case corrupt(String)

    public var description: String {
        switch self {
        case .unsupported(let what, let line): "\(what)\(line.map { " at line \($0)" } ?? "") is not supported in a data file"
        case .corrupt(let why): "compiled data is corrupt: \(why)"
        }
    }
}

// MARK: - The compiled form

/// The compiled form of a data tree: a byte string read back without parsing any YAML. Each node is a kind byte then its
/// content: a scalar's UTF-8 length (LEB128) and bytes; a sequence's count then its nodes; a mapping's count then key
/// (length and bytes) and value pairs. The whole is prefixed by a magic number and a format version.
extension DataTree {
    static let magic: [UInt8] = Array("ANKD".utf8)
    static let formatVersion: UInt8 = 1

    private enum Kind: UInt8 {
        case plainScalar = 0
        case quotedScalar, sequence, mapping
    }

    public func compiled() -> [UInt8] {
        var out = Self.magic + [Self.formatVersion]
        append(to: &out)
        return out
    }

    private func append(to out: inout [UInt8]) {
        switch self {
        case .scalar(let text, let plain):
            out.append(plain ? Kind.plainScalar.rawValue : Kind.quotedScalar.rawValue)
            Self.appendString(text, to: &out)
        case .sequence(let items):
            out.append(Kind.sequence.rawValue)
            Self.appendCount(items.count, to: &out)
            for item in items { item.append(to: &out) }
        case .mapping(let entries):
            out.append(Kind.mapping.rawValue)
            Self.appendCount(entries.count, to: &out)
            for entry in entries {
                Self.appendString(entry.key, to: &out)
                entry.value.append(to: &out)
            }
        }
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        let bytes = Array(text.utf8)
        appendCount(bytes.count, to: &out)
        out.append(contentsOf: bytes)
    }

    private static func appendCount(_ count: Int, to out: inout [UInt8]) {
        var value = UInt(count)
        repeat {
            let low = UInt8(value & 0x7F)
            value >>= 7
            out.append(value == 0 ? low : low | 0x80)
        } while value != 0
    }

    /// Reads the compiled form back; any damage (truncation, a wrong version, trailing bytes) is an error, never a crash.
    public init(compiled bytes: [UInt8]) throws {
        guard bytes.count > Self.magic.count, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw DataTreeError.corrupt("not compiled data")
        }
        guard bytes[Self.magic.count] == Self.formatVersion else {
            throw DataTreeError.corrupt("format version \(bytes[Self.magic.count])")
        }
        var reader = Reader(bytes: bytes, offset: Self.magic.count + 1)
        self = try reader.node(depth: 0)
        guard reader.offset == bytes.count else { throw DataTreeError.corrupt("trailing bytes") }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset: Int
        /// Deeper than any data file nests; bounds the recursion on damaged input.
        static let maximumDepth = 256

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw DataTreeError.corrupt("truncated") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func count() throws -> Int {
            var value = 0
            var shift = 0
            while true {
                let next = try byte()
                guard shift < 56 else { throw DataTreeError.corrupt("length too large") }
                value |= Int(next & 0x7F) << shift
                if next & 0x80 == 0 { break }
                shift += 7
            }
            guard value <= bytes.count - offset else { throw DataTreeError.corrupt("length past the end") }
            return value
        }

        mutating func string() throws -> String {
            let length = try count()
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }

        mutating func node(depth: Int) throws -> DataTree {
            guard depth < Self.maximumDepth else { throw DataTreeError.corrupt("nested too deep") }
            guard let kind = Kind(rawValue: try byte()) else { throw DataTreeError.corrupt("unknown node kind") }
            switch kind {
            case .plainScalar: return .scalar(try string(), plain: true)
            case .quotedScalar: return .scalar(try string(), plain: false)
            case .sequence:
                let n = try count()
                var items: [DataTree] = []
                items.reserveCapacity(n)
                for _ in 0..<n { items.append(try node(depth: depth + 1)) }
                return .sequence(items)
            case .mapping:
                let n = try count()
                var entries: [Entry] = []
                entries.reserveCapacity(n)
                for _ in 0..<n {
                    let key = try string()
                    entries.append(Entry(key: key, value: try node(depth: depth + 1)))
                }
                return .mapping(entries)
            }
        }
    }
}
