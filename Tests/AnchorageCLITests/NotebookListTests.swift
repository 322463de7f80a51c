import AnchorageCLI
import AnchorageNotebook
import Foundation
import Testing

/// The shared `--notebook` option and `notebook list`'s filters and formats.
@Suite struct NotebookListTests {
    static let recipes = RecordCommandTests.packageRoot.appendingPathComponent("recipes")

    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-cli-list-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theNotebookComesFromTheOptionTheEnvironmentOrTheProjectFileAboveTheRecipe() throws {
        let root = Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("project")
        let recipes = project.appendingPathComponent("recipes/ZIF")
        try FileManager.default.createDirectory(at: recipes, withIntermediateDirectories: true)
        let recipe = recipes.appendingPathComponent("fe.yaml")
        try FileManager.default.copyItem(at: Self.recipes.appendingPathComponent("fe-sa-nc-fe-acac3-zif8.yaml"), to: recipe)
        try "notebook: lab-notebook\n".write(to: project.appendingPathComponent(".anchorage.yaml"), atomically: true, encoding: .utf8)
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let none = NotebookOption(notebook: nil)
        // Found above the recipe, even when working from another folder; relative to the project file.
        #expect(none.resolve(searchingFrom: [recipe.path], environment: [:], currentDirectory: elsewhere)
            == project.appendingPathComponent("lab-notebook").path)
        // From the current folder when no file is read.
        #expect(none.resolve(environment: [:], currentDirectory: recipes) == project.appendingPathComponent("lab-notebook").path)
        #expect(none.resolve(environment: [:], currentDirectory: elsewhere) == nil)
        // The environment variable, then the option, take precedence.
        #expect(none.resolve(searchingFrom: [recipe.path], environment: ["ANCHORAGE_NOTEBOOK": "/srv/nb"], currentDirectory: elsewhere) == "/srv/nb")
        #expect(NotebookOption(notebook: "mine").resolve(searchingFrom: [recipe.path], environment: ["ANCHORAGE_NOTEBOOK": "/srv/nb"]) == "mine")

        // Every record and notebook command takes the same option.
        let notebook = project.appendingPathComponent("lab-notebook").path
        for arguments in [
            ["record", "new", recipe.path, "--operator", "A", "--notebook", notebook],
            ["record", "observe", "NB-0001", "--step", "1", "--notebook", notebook],
            ["record", "sign", "NB-0001", "--key", "k", "--meaning", "review", "--notebook", notebook],
            ["notebook", "verify", "--notebook", notebook], ["notebook", "list", "--notebook", notebook],
            ["notebook", "show", "NB-0001", "--notebook", notebook], ["notebook", "head", "--notebook", notebook],
        ] {
            #expect(throws: Never.self, "\(arguments)") { _ = try AnchorageCommand.parseAsRoot(arguments) }
        }
    }

    /// Runs of several recipes by two people; one signed, one with every step done.
    static func notebook() throws -> (folder: URL, key: URL) {
        let root = Self.folder()
        let notebook = root.appendingPathComponent("nb")
        for (recipe, person) in [
            ("fe-sa-nc-fe-acac3-zif8", "A. Chemist"), ("co-sas-nc-zn-co-zif-900", "B. Chemist"), ("fe-sa-nc-fe-acac3-zif8", "B. Chemist"),
            ("pt1-pcn224-porphyrin", "A. Chemist"),
        ] {
            let result = RecordCommand.New.execute(
                recipe: Self.recipes.appendingPathComponent(recipe + ".yaml").path, notebook: notebook.path, operatorName: person)
            try #require(result.exitCode == 0, "\(result.standardError)")
        }
        let key = root.appendingPathComponent("keys/s.key")
        #expect(try KeyCommand.New.parse(["--name", "S", "--output", key.path]).execute().exitCode == 0)
        #expect(try RecordCommand.Sign.parse(["NB-0003", "--notebook", notebook.path, "--key", key.path, "--meaning", "review"]).execute().exitCode == 0)
        let steps = try Notebook(directory: notebook).history(of: "NB-0002").record.plan.steps.count
        for step in 1...steps {
            let observed = try RecordCommand.Observe.parse(["NB-0002", "--notebook", notebook.path, "--operator", "C. Chemist", "--step", String(step)]).execute()
            try #require(observed.exitCode == 0, "\(observed.standardError)")
        }
        return (notebook, key)
    }

    static func ids(_ output: CommandOutput) -> [String] {
        output.standardOutput.split(separator: "\n").map { String($0.prefix(7)) }
    }

    @Test func listFiltersByRecipeRouteHostMetalOperatorDateStateAndSignature() throws {
        let (notebook, _) = try Self.notebook()
        defer { try? FileManager.default.removeItem(at: notebook.deletingLastPathComponent()) }
        func list(_ filter: RecordFilter) -> [String] { Self.ids(NotebookCommand.List.execute(directory: notebook.path, filter: filter)) }
        #expect(list(RecordFilter()) == ["NB-0001", "NB-0002", "NB-0003", "NB-0004"])
        #expect(list(RecordFilter(recipe: "fe-sa-nc-fe-acac3-zif8")) == ["NB-0001", "NB-0003"])
        #expect(list(RecordFilter(route: "linker-anchoring")) == ["NB-0004"])
        #expect(list(RecordFilter(host: "zif-8")) == ["NB-0001", "NB-0002", "NB-0003"])
        #expect(list(RecordFilter(metal: "Co")) == ["NB-0002"])
        #expect(list(RecordFilter(metal: "Fe", operatorName: "B. Chemist")) == ["NB-0003"])
        #expect(list(RecordFilter(operatorName: "C. Chemist")) == ["NB-0002"], "who observed counts too")
        #expect(list(RecordFilter(state: .done)) == ["NB-0002"])
        #expect(list(RecordFilter(state: .planned)) == ["NB-0001", "NB-0003", "NB-0004"])
        #expect(list(RecordFilter(signed: true)) == ["NB-0003"])
        #expect(list(RecordFilter(signed: false)) == ["NB-0001", "NB-0002", "NB-0004"])
        let today = String(Timestamp.text(Date()).prefix(10))
        #expect(list(RecordFilter(since: today, until: today)).count == 4)
        #expect(NotebookCommand.List.execute(directory: notebook.path, filter: RecordFilter(until: "2000-01-01")).standardOutput.hasSuffix("no records match\n"))
        #expect(NotebookCommand.List.execute(directory: notebook.path, filter: RecordFilter(since: "01/02/2026")).exitCode == 1)
    }

    @Test func listGivesCSVAndJSON() throws {
        let (notebook, _) = try Self.notebook()
        defer { try? FileManager.default.removeItem(at: notebook.deletingLastPathComponent()) }
        let json = NotebookCommand.List.execute(directory: notebook.path, filter: RecordFilter(metal: "Fe"), format: .json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["NB-0001", "NB-0003"])
        #expect(rows.last?["signed"] as? Bool == true)
        #expect(rows.first?["metals"] as? [String] == ["Fe"])
        #expect(rows.first?["operator"] as? String == "A. Chemist")
        let csv = NotebookCommand.List.execute(directory: notebook.path, format: .csv).standardOutput
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == "id,created,operator,recipe,route,host,metals,title,state,steps_done,steps,signed")
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("NB-0002,") && lines[2].contains(",done,") && lines[2].hasSuffix(",no"), "\(lines[2])")
        #expect(lines[3].hasSuffix(",yes"))
    }
}
