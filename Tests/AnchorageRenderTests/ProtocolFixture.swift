import AnchorageCore
import AnchorageRender
import AnchorageRules
import Foundation

/// The package on disk, and the whole pipeline (validate → build → render) as the protocol command runs it,
/// with a fixed date and version so that output is stable.
enum ProtocolFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let date = "2026-01-01"
    static let version = "0.0.0-golden"

    /// Every worked recipe in `recipes/`, by file name.
    static var recipeNames: [String] {
        let directory = packageRoot.appendingPathComponent("recipes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func document(text: String, file: String, scale: Double = 1, paper: Paper = .a4) throws -> ProtocolDocument {
        let knowledge = try Knowledge.bundled()
        let result = Validator(knowledge: knowledge).validate(text: text, file: file)
        guard let recipe = result.recipe else {
            throw Failure(description: "\(file) does not load: \(result.diagnostics.map(\.compilerStyle).joined(separator: "\n"))")
        }
        let builder = ProtocolBuilder(
            knowledge: try ProtocolKnowledge.bundled(), catalog: knowledge.chemicals, elements: knowledge.elements,
            citations: knowledge.citations)
        let settings = ProtocolSettings(
            scale: scale, paper: paper, file: file, sha256: ProtocolSettings.sha256(of: text), date: date, version: version)
        return builder.build(recipe: recipe, diagnostics: result.diagnostics, settings: settings, course: result.course ?? knowledge.courseKnowledge(for: recipe))
    }

    static func recipeText(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("recipes").appendingPathComponent(name), encoding: .utf8)
    }

    static func render(recipe name: String, as format: ProtocolFormat, paper: Paper = .a4) throws -> String {
        let document = try document(text: try recipeText(name), file: "recipes/\(name)", paper: paper)
        return try ProtocolRenderer().render(document, as: format)
    }

    static func goldenExtension(_ format: ProtocolFormat) -> String {
        switch format {
        case .html: "html"
        case .md: "md"
        case .text: "txt"
        }
    }
}
