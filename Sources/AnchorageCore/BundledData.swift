import Foundation

/// The knowledge shipped with Anchorage: YAML files in `Sources/AnchorageCore/Data/`, each entry with its source.
public enum BundledData {
    public static func url(_ fileName: String) -> URL? {
        Bundle.module.url(forResource: fileName, withExtension: nil, subdirectory: "Data")
    }

    /// Every bundled file whose name starts with `prefix` and ends in `.yaml`, sorted by name.
    public static func urls(prefix: String) -> [URL] {
        guard let directory = Bundle.module.url(forResource: "Data", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    public static func decode<T: Decodable>(_ type: T.Type, from fileName: String) throws -> T {
        guard let url = url(fileName) else { throw DataFileError.missing(fileName) }
        return try decode(type, at: url)
    }

    public static func decode<T: Decodable>(_ type: T.Type, at url: URL) throws -> T {
        let name = url.lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw DataFileError.unreadable(name, String(describing: error))
        }
        let tree: DataTree
        do {
            tree = try CompiledData.tree(of: bytes, named: name, cacheDirectory: isShipped(url) ? CompiledData.directory() : nil)
        } catch {
            throw DataFileError.malformed(name, DataFileError.describe(error))
        }
        do {
            return try DataTreeDecoder().decode(type, from: tree)
        } catch {
            throw DataFileError.malformed(name, DataFileError.describe(error))
        }
    }

    /// Whether a file is one of the shipped data files (rather than a lab's own file named on the command line).
    static func isShipped(_ url: URL) -> Bool {
        guard let directory = Bundle.module.url(forResource: "Data", withExtension: nil) else { return false }
        return url.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path
    }
}

/// The compiled form of the shipped data files, kept between runs so that a process reads its knowledge without parsing
/// YAML. An entry is named by the file and a hash of its content, so an edited file is parsed again, never read stale.
/// The cache lives in `$ANCHORAGE_CACHE_DIR`, else `$XDG_CACHE_HOME/anchorage`, else `~/.cache/anchorage`;
/// `ANCHORAGE_CACHE=off` turns it off. A cache that cannot be read or written is passed over: the YAML is the source.
public enum CompiledData {
    /// The tree of a data file's bytes: read from the cache in `cacheDirectory` when an entry for these bytes is there and
    /// whole, else parsed and stored there. No directory: parsed.
    public static func tree(of bytes: [UInt8], named name: String, cacheDirectory: URL?) throws -> DataTree {
        guard let directory = cacheDirectory else { return try parse(bytes) }
        let entry = entryURL(of: bytes, named: name, in: directory)
        if let compiled = try? Data(contentsOf: entry), let tree = try? DataTree(compiled: Array(compiled)) {
            return tree
        }
        let tree = try parse(bytes)
        store(tree.compiled(), at: entry, in: directory)
        return tree
    }

    public static func entryURL(of bytes: [UInt8], named name: String, in directory: URL) -> URL {
        directory.appendingPathComponent("\(name)-\(hexHash(bytes))-v\(DataTree.formatVersion).tree")
    }

    static func parse(_ bytes: [UInt8]) throws -> DataTree {
        try DataTree.parse(yaml: String(decoding: bytes, as: UTF8.self))
    }

    public static func directory() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if environment["ANCHORAGE_CACHE"]?.lowercased() == "off" { return nil }
        if let path = environment["ANCHORAGE_CACHE_DIR"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let path = environment["XDG_CACHE_HOME"], path.hasPrefix("/") {
            return URL(fileURLWithPath: path).appendingPathComponent("anchorage")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/anchorage")
        }
        return nil
    }

    /// Writes beside the entry, then renames: a reader sees the whole entry or none, even with runs side by side.
    private static func store(_ compiled: [UInt8], at entry: URL, in directory: URL) {
        let manager = FileManager.default
        try? manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(entry.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard (try? Data(compiled).write(to: temporary)) != nil else { return }
        if rename(temporary.path, entry.path) != 0 { try? manager.removeItem(at: temporary) }
    }

    /// FNV-1a, 64 bits: enough to tell one version of a data file from another.
    static func hexHash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

public enum DataFileError: Error, CustomStringConvertible, Sendable {
    case missing(String)
    case unreadable(String, String)
    case malformed(String, String)

    public var description: String {
        switch self {
        case .missing(let name): "data file \(name) is missing from the installation"
        case .unreadable(let name, let why): "data file \(name) cannot be read: \(why)"
        case .malformed(let name, let why): "data file \(name) is malformed: \(why)"
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context.codingPath))"
        default:
            return String(describing: error)
        }
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
