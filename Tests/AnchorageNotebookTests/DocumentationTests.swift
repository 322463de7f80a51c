import Foundation
import Testing

@testable import AnchorageNotebook

/// docs/notebook.md's examples stay true: they validate, and the amendment chains to the record as shown.
@Suite struct DocumentationTests {
    static func xmlBlocks() throws -> [String] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/notebook.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```xml" {
                current = ""
            } else if current != nil, line == "```" {
                blocks.append(current ?? "")
                current = nil
            } else if current != nil {
                current? += line + "\n"
            }
        }
        return blocks
    }

    @Test func theExamplesValidateAndChain() throws {
        let blocks = try Self.xmlBlocks()
        try #require(blocks.count == 2)
        let record = try EntryDocument.decode(Array(blocks[0].utf8), file: "NB-0001.xml")
        let amendment = try EntryDocument.decode(Array(blocks[1].utf8), file: "NB-0002.xml")
        guard case .record(let planned) = record, case .amendment(let added) = amendment else {
            Issue.record("the first example is not a record or the second not an amendment")
            return
        }
        #expect(added.recordID == planned.id)
        #expect(added.chain.previous == sha256Hex(Array(blocks[0].utf8)))
        #expect(sha256Hex(Array(planned.plan.recipeText.utf8)) == planned.plan.recipeSHA256)
    }
}
