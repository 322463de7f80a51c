import AnchorageCLI
import Foundation
import Testing

/// The record and notebook commands, called as library functions.
@Suite struct RecordCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let recipe = packageRoot.appendingPathComponent("recipes/fe-sa-nc-fe-acac3-zif8.yaml").path

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-cli-nb-\(UUID().uuidString)")
    }

    @Test func recordObserveSignVerifyListShow() throws {
        let notebook = Self.folder()
        defer { try? FileManager.default.removeItem(at: notebook) }
        let written = RecordCommand.New.execute(recipe: Self.recipe, notebook: notebook.path, operatorName: "A. Chemist")
        #expect(written.exitCode == 0, "\(written.standardError)")
        #expect(written.standardOutput.hasPrefix("NB-0001 written"))
        // The fit verdict the rules used at planning time is kept with the record.
        let planned = try String(contentsOf: notebook.appendingPathComponent("NB-0001.xml"), encoding: .utf8)
        #expect(planned.contains(#"<verdict precursor="iron(III) acetylacetonate" framework="ZIF-8" mode="in-situ">"#))

        var observe = try RecordCommand.Observe.parse([
            "NB-0001", "--notebook", notebook.path, "--operator", "A. Chemist", "--step", "1", "--reagent", "zn", "--mass", "1.702g",
            "--note", "white suspension",
        ])
        #expect(observe.execute().exitCode == 0)

        // The same step again without a reason is refused; with one it becomes an amendment.
        let again = observe.execute()
        #expect(again.exitCode == 1)
        #expect(again.standardError.contains("give a reason"))
        observe.reason = "balance recalibrated"
        #expect(observe.execute().standardOutput.contains("amended"))

        let sheet = notebook.deletingLastPathComponent().appendingPathComponent("observations-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: sheet) }
        try """
        operator: B. Chemist
        steps:
          - step: 4
            status: in-progress
            temperature: 25 °C
          - step: 2
            reagent: hmim
            mass: 3.71 g
        """.write(to: sheet, atomically: true, encoding: .utf8)
        let fromFile = try RecordCommand.Observe.parse(["NB-0001", "--notebook", notebook.path, "--from", sheet.path])
        #expect(fromFile.execute().exitCode == 0)
        let keyFile = notebook.deletingLastPathComponent().appendingPathComponent("key-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: keyFile)
            try? FileManager.default.removeItem(at: keyFile.appendingPathExtension("pub"))
        }
        let key = try KeyCommand.New.parse(["--name", "C. Supervisor", "--output", keyFile.path]).execute()
        #expect(key.exitCode == 0, "\(key.standardError)")
        let publicLine = try String(contentsOf: keyFile.appendingPathExtension("pub"), encoding: .utf8)
        try publicLine.write(to: notebook.appendingPathComponent("trusted-keys.txt"), atomically: true, encoding: .utf8)
        let sign = try RecordCommand.Sign.parse(["NB-0001", "--notebook", notebook.path, "--key", keyFile.path, "--meaning", "approval"])
        let signed = sign.execute()
        #expect(signed.exitCode == 0, "\(signed.standardError)")

        let verify = NotebookCommand.Verify.execute(directory: notebook.path)
        #expect(verify.exitCode == 0, "\(verify.standardOutput)")
        #expect(verify.standardOutput.contains("5 entries checked: the notebook is intact"))

        let list = NotebookCommand.List.execute(directory: notebook.path)
        #expect(list.standardOutput.contains("NB-0001"))
        #expect(list.standardOutput.contains("2/8 steps done, 2 observations, 1 amendment, signed"), "\(list.standardOutput)")

        let show = NotebookCommand.Show.execute(id: "NB-0001", notebook: notebook.path)
        #expect(show.standardOutput.contains("NB-0002: done; mass 1.702 g (zn); “white suspension”"))
        #expect(show.standardOutput.contains("signed  C. Supervisor  NB-0005"))
        let bench = NotebookCommand.Show.execute(id: "NB-0001", notebook: notebook.path, format: .protocol)
        // The recipe's protocol with the values in force written in: the amended mass once, the note once.
        #expect(bench.standardOutput.contains("[x] Step 1: dissolve\n    Weigh zinc nitrate hexahydrate"), "\(bench.standardOutput)")
        #expect(bench.standardOutput.contains("    zinc nitrate hexahydrate weighed: 1.702 g\n"))
        #expect(bench.standardOutput.contains("    solution: clear? colour: white suspension\n"))
        #expect(bench.standardOutput.contains("    2-methylimidazole weighed: 3.71 g\n"))
        #expect(bench.standardOutput.contains("[ ] Step 4: stir"))
        #expect(bench.standardOutput.contains("    recorded: status: in-progress\n    recorded: temperature 25 °C\n"))
        let xml = NotebookCommand.Show.execute(id: "NB-0001", notebook: notebook.path, format: .xml)
        #expect(xml.standardOutput.components(separatedBy: "<?xml").count == 6)
    }

    @Test func aRecipeWithErrorsIsNotRecorded() throws {
        let notebook = Self.folder()
        defer { try? FileManager.default.removeItem(at: notebook) }
        let broken = notebook.deletingLastPathComponent().appendingPathComponent("broken-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: broken) }
        let text = try String(contentsOfFile: Self.recipe, encoding: .utf8).replacingOccurrences(
            of: "dissolve: [zn, fe]", with: "dissolve: [zn, cobalt]")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let result = RecordCommand.New.execute(recipe: broken.path, notebook: notebook.path, operatorName: "A")
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("not recorded"))
        #expect(!FileManager.default.fileExists(atPath: notebook.appendingPathComponent("NB-0001.xml").path))
    }

    @Test func unreadableInputExitsWithTwo() throws {
        let notebook = Self.folder()
        #expect(RecordCommand.New.execute(recipe: "no-such-recipe.yaml", notebook: notebook.path, operatorName: "A").exitCode == 2)
        #expect(NotebookCommand.Verify.execute(directory: notebook.path).exitCode == 2)
        #expect(NotebookCommand.List.execute(directory: notebook.path).exitCode == 2)
        let observe = try RecordCommand.Observe.parse(["NB-0001", "--notebook", notebook.path, "--operator", "A", "--step", "1"])
        #expect(observe.execute().exitCode == 2)
    }
}
