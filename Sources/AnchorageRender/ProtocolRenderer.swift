import Foundation
import Mustache

/// Turns a protocol into HTML, Markdown or text with the templates `protocol.html.mustache`, `protocol.md.mustache`
/// and `protocol.txt.mustache`: the shipped ones, or a lab's own from a directory.
public struct ProtocolRenderer: Sendable {
    public var library: MustacheLibrary

    public enum Failure: Error, CustomStringConvertible, Sendable {
        case missingDirectory(String)
        case missingTemplate(name: String, directory: String)
        case unreadable(String, String)
        case malformed(String, String)

        public var description: String {
            switch self {
            case .missingDirectory(let path): "template directory \(path) does not exist"
            case .missingTemplate(let name, let directory): "template \(name).mustache not found in \(directory)"
            case .unreadable(let path, let why): "template \(path) cannot be read: \(why)"
            case .malformed(let path, let why): "template \(path) is malformed: \(why)"
            }
        }
    }

    /// The templates shipped with Anchorage (a copy of the package's `templates/`).
    public static var bundledTemplateDirectory: URL? {
        Bundle.module.url(forResource: "Templates", withExtension: nil)
    }

    /// Loads every `*.mustache` file of `directory`, or the shipped templates when it is nil.
    public init(templateDirectory: URL? = nil) throws {
        Self.registerContentTypes
        guard let directory = templateDirectory ?? Self.bundledTemplateDirectory else {
            throw Failure.missingDirectory("(shipped templates)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.missingDirectory(directory.path)
        }
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for fileName in names.sorted() where fileName.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(fileName)
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw Failure.unreadable(url.path, "\(error)")
            }
            do {
                try library.register(text, named: String(fileName.dropLast(".mustache".count)))
            } catch {
                throw Failure.malformed(url.path, "\(error)")
            }
        }
        for format in ProtocolFormat.allCases where library.getTemplate(named: format.templateName) == nil {
            throw Failure.missingTemplate(name: format.templateName, directory: directory.path)
        }
        self.library = library
    }

    public func render(_ document: ProtocolDocument, as format: ProtocolFormat) -> String {
        library.render(document, withTemplate: format.templateName) ?? ""
    }

    /// `{{% CONTENT_TYPE: MARKDOWN}}` escapes what Markdown would read as markup (and so as HTML) with backslashes.
    static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()
}

/// Markdown text: every ASCII punctuation character Markdown gives a meaning to is backslash-escaped, so `<script>`
/// stays text in any viewer and a `|` cannot break a table.
struct MarkdownContentType: MustacheContentType {
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "{", "}", "!", "&"]

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            if Self.special.contains(character) { out.append("\\") }
            if character == "\n" { out.append(" ") } else { out.append(character) }
        }
        return out
    }
}
