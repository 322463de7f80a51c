import AnchorageCore
import AnchorageRender
import AnchorageRules
import Foundation
import Testing

/// A protocol filled in from a run as recorded (`notebook show --as protocol`): the same templates, with each recorded
/// value in the blank that measures it and the line left where nothing was recorded.
@Suite struct FilledProtocolTests {
    static let recipe = "fe-sa-nc-fe-acac3-zif8.yaml"

    /// A run of the recipe as a notebook would record it: steps 1, 4, 6, 7 and 8 observed, the others not.
    static let run = BenchRecord(
        id: "NB-0007", operatorName: "A. Chemist", created: "2026-11-25T09:30:00Z",
        steps: [
            1: .init(
                status: "done", started: "2026-11-25T10:40:00+01:00", finished: "2026-11-25T10:52:00+01:00",
                quantities: [
                    .init(kind: .mass, text: "1.702 g", reagent: "zn"), .init(kind: .mass, text: "101.3 mg", reagent: "fe"),
                    .init(kind: .temperature, text: "22 °C"),
                ],
                notes: ["clear orange-red solution"]),
            4: .init(status: "in-progress", started: "2026-11-25T11:05:00+01:00"),
            6: .init(status: "done", notes: ["supernatant colourless after the third wash"]),
            7: .init(status: "done", quantities: [.init(kind: .mass, text: "1.214 g")]),
            8: .init(
                status: "done", started: "2026-11-27T08:00:00Z", finished: "2026-11-27T15:10:00Z",
                quantities: [
                    .init(kind: .mass, text: "412 mg"), .init(kind: .temperature, text: "898 °C"), .init(kind: .duration, text: "95 min"),
                ],
                notes: ["black powder"]),
        ])

    static func document(record: BenchRecord?) throws -> ProtocolDocument {
        let knowledge = try Knowledge.bundled()
        let text = try ProtocolFixture.recipeText(recipe)
        let result = Validator(knowledge: knowledge).validate(text: text, file: "recipes/\(recipe)")
        let parsed = try #require(result.recipe)
        let builder = ProtocolBuilder(
            knowledge: try ProtocolKnowledge.bundled(), catalog: knowledge.chemicals, elements: knowledge.elements,
            citations: knowledge.citations)
        let settings = ProtocolSettings(
            file: "recipes/\(recipe)", sha256: ProtocolSettings.sha256(of: text), date: ProtocolFixture.date,
            version: ProtocolFixture.version)
        return builder.build(
            recipe: parsed, diagnostics: result.diagnostics, settings: settings,
            course: result.course ?? knowledge.courseKnowledge(for: parsed), record: record)
    }

    @Test("a filled protocol matches its golden file", arguments: ProtocolFormat.allCases)
    func matchesGolden(format: ProtocolFormat) throws {
        let rendered = try ProtocolRenderer().render(try Self.document(record: Self.run), as: format)
        let golden = ProtocolFixture.goldenDirectory.appendingPathComponent("filled")
            .appendingPathComponent("fe-sa-nc-fe-acac3-zif8.NB-0007." + ProtocolFixture.goldenExtension(format))
        if GoldenTests.recording {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: golden, options: .atomic)
            Issue.record("recorded a new baseline \(golden.lastPathComponent): check it, then run again without ANCHORAGE_RECORD")
            return
        }
        let expected = try #require(try? String(contentsOf: golden, encoding: .utf8), "no golden file filled/\(golden.lastPathComponent)")
        let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(renderedLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
            rendered == expected,
            "\(golden.lastPathComponent) differs at \(first.map { "line \($0.offset + 1): expected \($0.element.1), rendered \($0.element.0)" } ?? "the end")"
        )
    }

    @Test func eachValueGoesIntoTheBlankThatMeasuresIt() throws {
        let document = try Self.document(record: Self.run)
        func blank(_ step: Int, _ label: String) -> ProtocolDocument.Blank? {
            document.steps.first { $0.number == step }?.blanks.first { $0.label == label }
        }
        #expect(blank(1, "zinc nitrate hexahydrate weighed")?.value == "1.702 g")
        #expect(blank(1, "iron(III) acetylacetonate weighed")?.value == "101.3 mg")
        #expect(blank(1, "solution: clear? colour")?.value == "clear orange-red solution")
        #expect(blank(7, "mass after drying")?.value == "1.214 g")
        #expect(blank(8, "mass of product")?.value == "412 mg")
        #expect(blank(8, "hold temperature reached")?.value == "898 °C")
        #expect(blank(8, "cooling took")?.value == "95 min")
        #expect(blank(8, "colour")?.value == "black powder")
        // The record keeps one mass of the solid per step: it is the product's, and the mass loaded stays blank.
        #expect(blank(8, "mass loaded") != nil && blank(8, "mass loaded")?.value == nil)
        // Nothing recorded at step 2: its blanks stay lines.
        #expect(blank(2, "2-methylimidazole weighed") != nil && blank(2, "2-methylimidazole weighed")?.value == nil)
        let steps = Dictionary(uniqueKeysWithValues: document.steps.map { ($0.number, $0) })
        #expect(steps[1]?.done == true && steps[4]?.done == false && steps[2]?.done == false)
        #expect(steps[1]?.started == "2026-11-25T10:40:00+01:00" && steps[1]?.finished == "2026-11-25T10:52:00+01:00")
        #expect(steps[4]?.started == "2026-11-25T11:05:00+01:00" && steps[4]?.finished == nil)
        // What no blank takes is listed, not lost: a temperature at a dissolution, a note where no blank is for
        // appearance, a status other than done.
        #expect(steps[1]?.alsoObserved == ["temperature 22 °C"])
        #expect(steps[6]?.alsoObserved == ["note: supernatant colourless after the third wash"])
        #expect(steps[4]?.alsoObserved == ["status: in-progress"])
        #expect(document.record?.id == "NB-0007" && document.record?.operatorName == "A. Chemist")
    }

    @Test("a record with nothing observed prints the blank protocol's procedure", arguments: ProtocolFormat.allCases)
    func anEmptyRecordLeavesEveryLine(format: ProtocolFormat) throws {
        let empty = BenchRecord(id: "NB-0001", operatorName: "A. Chemist", created: "2026-11-25T09:30:00Z", steps: [:])
        let blank = try ProtocolRenderer().render(try Self.document(record: nil), as: format)
        let filled = try ProtocolRenderer().render(try Self.document(record: empty), as: format)
        // Only the header differs (operator and record); every step is as on the sheet printed for the bench.
        let marker = format == .html ? "<h2>Procedure</h2>" : format == .md ? "## Procedure" : "PROCEDURE"
        let procedure = { (text: String) in text.range(of: marker).map { String(text[$0.lowerBound...]) } }
        #expect(procedure(blank) != nil && procedure(blank) == procedure(filled))
        #expect(filled.contains("NB-0001") && !blank.contains("NB-0001"))
    }
}
