import Foundation

/// A lab's project file, `.anchorage.yaml`: its own catalogs, used without rebuilding. Found in the current folder or the
/// nearest folder above it that has one (as editors find their settings).
///
/// ```yaml
/// catalogs: [lab-chemicals.yaml]   # paths relative to this file
/// ```
public struct ProjectConfiguration: Sendable {
    public static let fileName = ".anchorage.yaml"
    public var file: URL
    public var catalogFiles: [URL]

    struct File: Decodable { var catalogs: [String]? }

    public static func find(from folder: URL) throws -> ProjectConfiguration? {
        var current = folder.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return try load(candidate) }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public static func load(_ url: URL) throws -> ProjectConfiguration {
        let file = try BundledData.decode(File.self, at: url)
        let base = url.deletingLastPathComponent()
        return ProjectConfiguration(
            file: url,
            catalogFiles: (file.catalogs ?? []).map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : base.appendingPathComponent($0) })
    }
}
