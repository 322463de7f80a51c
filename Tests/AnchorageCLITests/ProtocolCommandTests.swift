import AnchorageCLI
import AnchorageCore
import Foundation
import Testing

@Suite struct ProtocolCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let recipe = packageRoot.appendingPathComponent("recipes/fe-sa-nc-fe-acac3-zif8.yaml").path

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-protocol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func brokenRecipe(in directory: URL) throws -> String {
        let text = try String(contentsOfFile: Self.recipe, encoding: .utf8)
            .replacingOccurrences(of: "mass: 0.10 g, role: metal-precursor", with: "mass: 0.10 kg/s, role: metal-precursor")
        let file = directory.appendingPathComponent("broken.yaml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test("a valid recipe gives a protocol on standard output, in every format", arguments: ["html", "md", "text"])
    func renders(format: String) throws {
        let output = ProtocolCommand.execute(file: Self.recipe, format: try #require(.init(rawValue: format)), date: "2026-01-01")
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("Step 8"))
        #expect(output.standardOutput.contains("2026-01-01"))
        #expect(output.standardOutput.contains(AnchorageVersion.current))
    }

    @Test("a recipe with errors is refused with its diagnostics, exit 1, nothing on standard output")
    func refusesErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = ProtocolCommand.execute(file: try brokenRecipe(in: directory), format: .html)
        #expect(output.exitCode == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("error[UNIT-001]"))
        #expect(output.standardError.contains("--force"))
    }

    @Test("--force renders a recipe with errors, the errors in a box at the top")
    func forceShowsErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = ProtocolCommand.execute(file: try brokenRecipe(in: directory), format: .html, force: true)
        #expect(output.exitCode == 0)
        let html = output.standardOutput
        let box = try #require(html.range(of: "class=\"box errors\""))
        let procedure = try #require(html.range(of: "<h2>Procedure</h2>"))
        #expect(box.lowerBound < procedure.lowerBound)
        #expect(html.contains("error[UNIT-001]"))
    }

    @Test("--output writes the file and never replaces one without --overwrite")
    func output() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("protocol.md").path
        let first = ProtocolCommand.execute(file: Self.recipe, format: .md, output: path)
        #expect(first.exitCode == 0)
        #expect(first.standardOutput.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("# Fe single atoms"))
        try Data("a lab's own notes".utf8).write(to: URL(fileURLWithPath: path))
        let second = ProtocolCommand.execute(file: Self.recipe, format: .md, output: path)
        #expect(second.exitCode == 2)
        #expect(second.standardError.contains("--overwrite"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a lab's own notes")
        let third = ProtocolCommand.execute(file: Self.recipe, format: .md, output: path, overwrite: true)
        #expect(third.exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
    }

    @Test("the recipe itself is never the output, even with --overwrite")
    func neverOverwritesTheRecipe() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let recipe = try brokenRecipe(in: directory)
        let before = try String(contentsOfFile: recipe, encoding: .utf8)
        let output = ProtocolCommand.execute(file: recipe, format: .md, output: recipe, overwrite: true, force: true)
        #expect(output.exitCode == 2)
        #expect(try String(contentsOfFile: recipe, encoding: .utf8) == before)
    }

    @Test("--scale and --batch: one at a time, positive, and --batch in an amount or a mass")
    func scaleOptions() {
        #expect(ProtocolCommand.execute(file: Self.recipe, format: .text, scale: 2, batch: "1 mmol").exitCode == 2)
        #expect(ProtocolCommand.execute(file: Self.recipe, format: .text, scale: 0).exitCode == 2)
        #expect(ProtocolCommand.execute(file: Self.recipe, format: .text, scale: -1).exitCode == 2)
        let volume = ProtocolCommand.execute(file: Self.recipe, format: .text, batch: "5 mL")
        #expect(volume.exitCode == 2)
        #expect(volume.standardError.contains("--batch"))
        let batch = ProtocolCommand.execute(file: Self.recipe, format: .text, batch: "0.2 g")
        #expect(batch.exitCode == 0)
        #expect(batch.standardOutput.contains("mass 200 mg"), "Fe(acac)3, the limiting reagent, is now 0.2 g")
        #expect(batch.standardOutput.contains("mass 3.38 g"), "zinc nitrate doubles with it")
    }

    @Test("--template-dir uses a lab's own templates, and names a missing one")
    func templateDirectory() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in [
            ("protocol.html.mustache", "<h1>{{title}}</h1>"), ("protocol.md.mustache", "# {{title}}"),
            ("protocol.txt.mustache", "{{% CONTENT_TYPE: TEXT}}\nLAB FORM {{recipeID}} {{#steps}}[{{number}}]{{/steps}}"),
        ] {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let output = ProtocolCommand.execute(file: Self.recipe, format: .text, templateDir: directory.path)
        #expect(output.exitCode == 0)
        #expect(output.standardOutput == "LAB FORM fe-sa-nc-fe-acac3-zif8 [1][2][3][4][5][6][7][8]")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("protocol.md.mustache"))
        let missing = ProtocolCommand.execute(file: Self.recipe, format: .text, templateDir: directory.path)
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("protocol.md.mustache"))
    }

    @Test("an unreadable recipe file is exit 2")
    func unreadable() {
        let output = ProtocolCommand.execute(file: "/nonexistent/recipe.yaml", format: .html)
        #expect(output.exitCode == 2)
    }
}
