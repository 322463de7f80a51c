import Foundation
import Yams

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
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError.unreadable(url.lastPathComponent, String(describing: error))
        }
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch {
            throw DataFileError.malformed(url.lastPathComponent, DataFileError.describe(error))
        }
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
