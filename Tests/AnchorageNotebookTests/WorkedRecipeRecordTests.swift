import AnchorageCore
import AnchorageRules
import Foundation
import Testing

@testable import AnchorageNotebook

/// Every worked recipe in recipes/ becomes a record that validates, in-process and with the system's xmllint.
@Suite struct WorkedRecipeRecordTests {
    static let knowledge: Knowledge? = try? Knowledge.bundled()

    /// The worked recipes: recipes/*.yaml (deliberately broken ones live in subfolders).
    static var workedRecipes: [String] {
        let folder = Fixtures.packageRoot.appendingPathComponent("recipes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func thereAreWorkedRecipes() {
        #expect(!Self.workedRecipes.isEmpty)
    }

    @Test(arguments: workedRecipes)
    func recordOfWorkedRecipeValidates(name: String) throws {
        let knowledge = try #require(Self.knowledge)
        let path = Fixtures.packageRoot.appendingPathComponent("recipes/\(name)").path
        let result = try Validator(knowledge: knowledge).validate(path: path)
        let recipe = try #require(result.recipe)
        let resolved = try #require(result.resolved)
        let plan = PlannedRecord(recipe: recipe, resolved: resolved, diagnostics: result.diagnostics)
        #expect(plan.recipeText == PlannedRecord.normalizedLineEnds(try String(contentsOfFile: path, encoding: .utf8)))
        #expect(plan.steps.count == recipe.steps.count)
        #expect(plan.reagents.map(\.id) == recipe.reagents.map(\.id.value))
        #expect(plan.recipeFileName == name, "no folders of this machine in a record")

        let notebook = Notebook(directory: Fixtures.temporaryFolder())
        defer { try? FileManager.default.removeItem(at: notebook.directory) }
        let record = try notebook.appendRecord(plan, operatorName: "A. Chemist", software: Fixtures.software)
        let file = notebook.directory.appendingPathComponent(record.id + ".xml")
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(try EntryDocument.validate(bytes).isEmpty)
        let xmllint = try Xmllint.validate(file)
        #expect(xmllint.status == 0, "\(xmllint.output)")
        #expect(try notebook.verify().isIntact)

        guard case .record(let back) = try EntryDocument.decode(bytes, file: file.lastPathComponent) else {
            Issue.record("not a record")
            return
        }
        #expect(back.plan.steps == plan.steps)
        #expect(back.plan.diagnostics == plan.diagnostics)
        #expect(back.plan.recipeSHA256 == plan.recipeSHA256)
    }
}
