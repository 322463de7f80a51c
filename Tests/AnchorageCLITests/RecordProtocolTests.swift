import Foundation
import Testing

/// `notebook show --as protocol` run with the built `anchorage`: the recipe's protocol, from the recipe the record keeps,
/// with what was recorded at the bench in its blanks and the line left where nothing was.
@Suite struct RecordProtocolTests {
    func run(_ arguments: [String], in folder: URL) throws -> EndToEndTests.Run {
        guard let binary = EndToEndTests.binary else { throw EndToEndTests.BinaryMissing() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["ANCHORAGE_NOTEBOOK"] = nil
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(3))) func observedValuesFillTheirBlanksInEveryFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-record-protocol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let recipe = folder.appendingPathComponent("fe-zif8.yaml")
        let original = try String(contentsOf: packageRoot.appendingPathComponent("recipes/fe-sa-nc-fe-acac3-zif8.yaml"), encoding: .utf8)
        try original.write(to: recipe, atomically: true, encoding: .utf8)

        let steps: [[String]] = [
            ["record", "new", "fe-zif8.yaml", "--notebook", "lab", "--operator", "A. Chemist"],
            [
                "record", "observe", "NB-0001", "--notebook", "lab", "--operator", "A. Chemist", "--step", "1", "--reagent", "zn",
                "--mass", "1.702g", "--started", "2024-11-25T10:40+01:00", "--note", "clear orange-red solution",
            ],
            [
                "record", "observe", "NB-0001", "--notebook", "lab", "--operator", "A. Chemist", "--step", "1", "--reagent", "fe",
                "--mass", "101.3 mg", "--finished", "2024-11-25T10:52+01:00", "--status", "done",
            ],
            [
                "record", "observe", "NB-0001", "--notebook", "lab", "--operator", "A. Chemist", "--step", "8", "--mass", "412 mg",
                "--temperature", "898 °C", "--status", "in-progress",
            ],
        ]
        for arguments in steps {
            let result = try run(arguments, in: folder)
            try #require(result.status == 0, "\(arguments): \(result.error)")
        }
        // The recipe on disk changes after the run was recorded: the protocol is the recipe as recorded.
        try original.replacingOccurrences(of: "mass: 1.69 g", with: "mass: 2.50 g").write(to: recipe, atomically: true, encoding: .utf8)

        let text = try run(["notebook", "show", "NB-0001", "--notebook", "lab", "--as", "protocol"], in: folder)
        #expect(text.status == 0, "\(text.error)")
        // The real protocol: its instructions, quantities and safety panel, not the record's raw step parameters.
        #expect(text.output.contains("Weigh zinc nitrate hexahydrate and iron(III) acetylacetonate and dissolve in 30 mL methanol."))
        #expect(text.output.contains("zinc nitrate hexahydrate: 1.69 g (5.681 mmol)") && !text.output.contains("2.5 g"))
        #expect(text.output.contains("SAFETY") && !text.output.contains("dissolve zn, fe, meoh"))
        #expect(text.output.contains("Operator:   A. Chemist\nRecord:     NB-0001, planned "))
        #expect(text.output.contains("[x] Step 1: dissolve"))
        #expect(text.output.contains("    zinc nitrate hexahydrate weighed: 1.702 g\n"))
        #expect(text.output.contains("    iron(III) acetylacetonate weighed: 101.3 mg\n"))
        #expect(text.output.contains("    solution: clear? colour: clear orange-red solution\n"))
        #expect(text.output.contains("    started: 2024-11-25T10:40:00+01:00  finished: 2024-11-25T10:52:00+01:00\n"))
        #expect(text.output.contains("    mass of product: 412 mg\n    colour: ____________ \n"))
        #expect(text.output.contains("    hold temperature reached: 898 °C\n"))
        #expect(text.output.contains("    recorded: status: in-progress\n"))
        // Nothing recorded: the line stays.
        #expect(text.output.contains("[ ] Step 2: dissolve"))
        #expect(text.output.contains("    2-methylimidazole weighed: ____________ g\n"))
        #expect(text.output.contains("    mass loaded: ____________ mg\n"))

        let markdown = try run(["notebook", "show", "NB-0001", "--notebook", "lab", "--as", "protocol", "--format", "md"], in: folder)
        #expect(markdown.status == 0, "\(markdown.error)")
        #expect(markdown.output.contains("### [x] Step 1: dissolve"))
        #expect(markdown.output.contains("- zinc nitrate hexahydrate weighed: 1.702 g\n"))
        #expect(markdown.output.contains("- started: 2024-11-25T10:40:00+01:00 finished: 2024-11-25T10:52:00+01:00\n"))
        #expect(markdown.output.contains("- 2-methylimidazole weighed: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ g\n"))

        let html = try run(["notebook", "show", "NB-0001", "--notebook", "lab", "--as", "protocol", "--format", "html"], in: folder)
        #expect(html.status == 0, "\(html.error)")
        #expect(html.output.contains("<span>zinc nitrate hexahydrate weighed</span><span class=\"line\">1.702 g</span></div>"))
        #expect(html.output.contains("<span>started</span><span class=\"line\">2024-11-25T10:40:00+01:00</span>"))
        #expect(html.output.contains("<span>2-methylimidazole weighed</span><span class=\"line\"></span><span>g</span></div>"))
        #expect(html.output.contains("<tr><td>Operator</td><td>A. Chemist</td></tr>"))

        // The protocol options belong to --as protocol.
        let misuse = try run(["notebook", "show", "NB-0001", "--notebook", "lab", "--format", "md"], in: folder)
        #expect(misuse.status == 2 && misuse.error.contains("--as protocol"))
    }
}
