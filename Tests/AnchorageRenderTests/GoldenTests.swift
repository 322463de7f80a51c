import AnchorageRender
import Foundation
import Testing

/// Every recipe in `recipes/` rendered in every format, against the committed golden file.
/// Record new baselines with `ANCHORAGE_RECORD=1 swift test --filter GoldenTests` (ANCHORAGE_RECORD_GOLDENS=1 also
/// works); a recording run
/// fails on purpose, so that a baseline is never accepted without being looked at.
@Suite struct GoldenTests {
    static let recording = ["ANCHORAGE_RECORD", "ANCHORAGE_RECORD_GOLDENS"].contains { ProcessInfo.processInfo.environment[$0] == "1" }

    static var cases: [(String, ProtocolFormat)] {
        ProtocolFixture.recipeNames.flatMap { name in ProtocolFormat.allCases.map { (name, $0) } }
    }

    @Test("every worked recipe has recipes to test") func thereAreRecipes() {
        #expect(!ProtocolFixture.recipeNames.isEmpty, "no recipes found in recipes/")
    }

    @Test("protocol matches its golden file", arguments: cases)
    func matchesGolden(recipe name: String, format: ProtocolFormat) throws {
        let rendered = try ProtocolFixture.render(recipe: name, as: format)
        let golden = ProtocolFixture.goldenDirectory
            .appendingPathComponent(String(name.dropLast(".yaml".count)) + "." + ProtocolFixture.goldenExtension(format))
        if Self.recording {
            try FileManager.default.createDirectory(at: ProtocolFixture.goldenDirectory, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: golden, options: .atomic)
            Issue.record("recorded a new baseline \(golden.lastPathComponent): check it, then run again without ANCHORAGE_RECORD")
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("""
                no golden file \(golden.lastPathComponent) for recipes/\(name): record the baseline with \
                ANCHORAGE_RECORD=1 swift test --filter GoldenTests, check it and commit it
                """)
            return
        }
        if rendered != expected {
            let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(renderedLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n  expected: \($0.element.1)\n  rendered: \($0.element.0)" }
                ?? "lengths differ (\(expectedLines.count) lines expected, \(renderedLines.count) rendered)"
            Issue.record("\(golden.lastPathComponent) differs from the rendered protocol at \(where_)")
        }
    }

    @Test("the shipped templates are the ones in templates/", arguments: ProtocolFormat.allCases)
    func bundledTemplatesMatchSource(format: ProtocolFormat) throws {
        let name = format.templateName + ".mustache"
        let source = try String(contentsOf: ProtocolFixture.packageRoot.appendingPathComponent("templates").appendingPathComponent(name), encoding: .utf8)
        let shipped = try String(
            contentsOf: ProtocolFixture.packageRoot.appendingPathComponent("Sources/AnchorageRender/Templates").appendingPathComponent(name),
            encoding: .utf8)
        #expect(source == shipped, "templates/\(name) and Sources/AnchorageRender/Templates/\(name) differ: copy templates/ over the shipped ones")
    }
}
