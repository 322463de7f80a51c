import Foundation
import Testing

@testable import AnchorageCLI

/// `anchorage pores DIR|FILES…`: one row per structure, in sorted order, past bad files, resumable, cut into shards.
struct PoreScreenTests {
    /// A folder of small structures (simple cubic cells of carbon, a fast grid) and one broken file.
    static func folder(broken: Bool = true) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for (name, a) in [("a.cif", 8.0), ("b.cif", 9.0), ("sub/c.cif", 10.0), ("d.CIF", 11.0), ("e.cif", 12.0)] {
            let text = PoresCommandTests.cubic.replacingOccurrences(
                of: "_cell_length_a 10\n_cell_length_b 10\n_cell_length_c 10",
                with: "_cell_length_a \(a)\n_cell_length_b \(a)\n_cell_length_c \(a)")
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "not a structure".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        if broken {
            try "data_x\n_cell_length_a 10\n".write(to: dir.appendingPathComponent("c-broken.cif"), atomically: true, encoding: .utf8)
        }
        return dir
    }

    func run(_ arguments: [String]) throws -> CommandOutput {
        try PoresCommand.parse(arguments + ["--grid-spacing", "0.5"]).execute()
    }

    @Test func oneRowPerStructureInSortedOrderPastABadFile() throws {
        let dir = try Self.folder()
        let output = try run([dir.path, "--jobs", "2"])
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == PoreScreen.csvHeader)
        let files = lines.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(files == ["a.cif", "b.cif", "c-broken.cif", "d.CIF", "e.cif", "sub/c.cif"].map { dir.path + "/" + $0 })
        let broken = try #require(lines.first { $0.contains("c-broken.cif") })
        #expect(broken.contains(",error,") && broken.contains("error[CIF-CELL]"), "\(broken)")
        // a = 10 Å simple cubic: PLD = 2(5√2 − 1.7) = 10.742 Å, as `pores FILE` reports it.
        let c = try #require(lines.first { $0.contains("sub/c.cif") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(c.count == PoreScreen.columns.count)
        #expect(c[1] == "ok" && abs((Double(c[3]) ?? 0) - 2 * (5 * 2.0.squareRoot() - 1.7)) < 1e-3, "\(c)")
        #expect(output.exitCode == 1)
        #expect(output.standardError.contains("6 structures computed; 1 of them failed"), "\(output.standardError)")
    }

    @Test func jobsDoNotChangeTheRows() throws {
        let dir = try Self.folder()
        let one = try run([dir.path, "--jobs", "1", "--format", "jsonl"])
        let two = try run([dir.path, "--jobs", "2", "--format", "jsonl"])
        #expect(one.standardOutput == two.standardOutput)
        let rows = one.standardOutput.split(separator: "\n")
        #expect(rows.count == 6)
        for row in rows {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(PoreScreen.columns))
        }
    }

    /// Every structure exactly once over the shards, and the shards' rows concatenated in order are the whole run's.
    @Test(arguments: [2, 7])
    func shardsConcatenateToTheWholeRun(_ count: Int) throws {
        let dir = try Self.folder()
        let whole = try run([dir.path, "--jobs", "2"]).standardOutput
        var joined = ""
        for index in 0..<count {
            let part = try run([dir.path, "--shard", "\(index)/\(count)"] + (index == 0 ? [] : ["--no-header"]))
            #expect(part.exitCode != 2, "\(part.standardError)")
            joined += part.standardOutput
        }
        #expect(joined == whole)
        let jsonWhole = try run([dir.path, "--format", "jsonl"]).standardOutput
        let jsonJoined = try (0..<count).map { try run([dir.path, "--format", "jsonl", "--shard", "\($0)/\(count)"]).standardOutput }
            .joined()
        #expect(jsonJoined == jsonWhole)
    }

    @Test(arguments: ["2/2", "-1/2", "1/0", "a/b", "1"])
    func badShardIsAUsageError(_ shard: String) throws {
        let output = try run([try Self.folder().path, "--shard=\(shard)"])
        #expect(output.exitCode == 2 && output.standardError.contains("--shard is K/N"))
    }

    @Test func resumeAddsOnlyWhatIsMissingAndKeepsWhatWasWritten() throws {
        let dir = try Self.folder()
        let out = dir.appendingPathComponent("out.csv").path
        // A first run over part of the structures, as if stopped early.
        _ = try run([dir.appendingPathComponent("b.cif").path, dir.appendingPathComponent("e.cif").path, "--output", out])
        let before = try String(contentsOfFile: out, encoding: .utf8)
        #expect(before.split(separator: "\n").count == 3)
        // --output never overwrites.
        let refused = try run([dir.path, "--output", out])
        #expect(refused.exitCode == 2 && refused.standardError.contains("exists"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == before)
        // --resume adds the four others, once each, after what was there.
        let resumed = try run([dir.path, "--resume", out])
        #expect(resumed.standardError.contains("2 skipped as already in"), "\(resumed.standardError)")
        let after = try String(contentsOfFile: out, encoding: .utf8)
        #expect(after.hasPrefix(before))
        let files = after.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(files.count == 6 && Set(files).count == 6)
        #expect(after.split(separator: "\n").filter { $0 == PoreScreen.csvHeader[...] }.count == 1)
        // Resuming a finished run adds nothing.
        let again = try run([dir.path, "--resume", out])
        #expect(try String(contentsOfFile: out, encoding: .utf8) == after)
        #expect(again.standardError.contains("0 structures computed, 6 skipped"), "\(again.standardError)")
    }

    @Test func resumeRefusesACutOffRow() throws {
        let dir = try Self.folder()
        let out = dir.appendingPathComponent("out.jsonl").path
        let cut = "{\"file\":\"x.cif\",\"status\":\"ok\"}\n{\"file\":\"y.c"
        try cut.write(toFile: out, atomically: true, encoding: .utf8)
        let output = try run([dir.path, "--resume", out])
        #expect(output.exitCode == 2 && output.standardError.contains("cut off"), "\(output.standardError)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == cut)
    }

    @Test func oneStructureFormatsDescribeOneStructure() throws {
        let output = try run([try Self.folder().path, "--format", "text"])
        #expect(output.exitCode == 2 && output.standardError.contains("--format csv"))
    }

    @Test func csvCellsWithCommasAndQuotesAreQuoted() throws {
        let row = PoreScreen.Row(file: "a,\"b\".cif", error: "1:1: error[X]: two\nlines")
        #expect(row.csvLine.hasPrefix("\"a,\"\"b\"\".cif\",error,"))
        #expect(row.csvLine.hasSuffix("two lines\n"))
        #expect(PoreScreen.firstCSVCell(row.csvLine.dropLast()) == "a,\"b\".cif")
    }
}
