import Foundation
import Testing

@testable import AnchorageCLI

/// `fit --screen`: a pore table ranked one row per host, and a folder of CIFs.
struct FitScreenTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let table = """
        filename,LCD,PLD,All_Metals,DOI_public
        SMALL_clean,8.0,3.0,Zn,
        SNUG_clean,12.0,3.0,Zn,10.1000/snug
        filename,LCD,PLD,All_Metals,DOI_public
        OPEN_clean,20.0,15.0,"Zn,Co",
        FAWCEN_SL,11.32428,3.25365,Zn,
        BROKEN_clean,n/a,3.0,Zn,

        """

    @Test func aPoreTableIsRankedOneRowPerHost() throws {
        let url = try folder().appendingPathComponent("table.csv")
        try Self.table.write(to: url, atomically: true, encoding: .utf8)
        let output = try FitCommand.parse(["--screen", "Fe(acac)3", "--frameworks", url.path, "--format", "csv"]).execute()
        #expect(output.exitCode == 0, "\(output.standardError)")
        let rows = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(rows.count == 5, "\(rows)")
        #expect(rows[0].hasPrefix("rank,entry,mode"))
        // In situ first (the snuggest cage first), then impregnation, then too large.
        #expect(rows[1].hasPrefix("1,FAWCEN_SL,in-situ,yes,no,1,"))
        #expect(rows[1].contains(",2,0.7324,ZIF-8,"), "the catalog's cage count gives the capacity: \(rows[1])")
        #expect(rows[2].hasPrefix("2,SNUG_clean,in-situ,"))
        #expect(rows[3].hasPrefix("3,OPEN_clean,impregnation,"))
        #expect(rows[3].contains("\"Zn,Co\""))
        #expect(rows[4].hasPrefix("4,SMALL_clean,too-large,no,"))
        #expect(output.standardError.contains("table.csv:4: skipped"))
        #expect(output.standardError.contains("table.csv:7: skipped"))
        #expect(output.standardError.contains("4 verdicts in"))
        #expect(output.standardError.contains("verdicts per second"))

        let json = try FitCommand.parse(["--screen", "Fe(acac)3", "--frameworks", url.path, "--format", "json"]).execute()
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(decoded.count == 4)
        #expect(decoded.first?["mode"] as? String == "in-situ")
        #expect(decoded.first?["cages_per_cell"] as? Double == 2)

        let text = try FitCommand.parse(["--screen", "Fe(acac)3", "--frameworks", url.path, "--top", "2"]).execute()
        #expect(text.standardOutput.contains("screened over 4 hosts: 1 too-large, 2 in-situ, 1 impregnation"), "\(text.standardOutput)")
        #expect(text.standardOutput.contains("… 2 more"))
    }

    @Test func aTableWithoutTheDiametersIsALocatedError() throws {
        let url = try folder().appendingPathComponent("bad.csv")
        try "name,volume\nA,1\n".write(to: url, atomically: true, encoding: .utf8)
        let output = try FitCommand.parse(["--screen", "Fe(acac)3", "--frameworks", url.path]).execute()
        #expect(output.exitCode == 2)
        #expect(output.standardError.hasPrefix(url.path + ":1:1: error: no 'LCD' column"), "\(output.standardError)")
        let both = try FitCommand.parse(["--screen", "Fe(acac)3"]).execute()
        #expect(both.exitCode == 2)
    }

    @Test func aFolderOfCIFsIsScreenedFromTheStructures() throws {
        let dir = try folder()
        try PoresCommandTests.cubic.write(to: dir.appendingPathComponent("cubic.cif"), atomically: true, encoding: .utf8)
        try String(PoresCommandTests.cubic.dropLast(8)).write(to: dir.appendingPathComponent("cut.cif"), atomically: true, encoding: .utf8)
        let output = try FitCommand.parse(["--screen", "Fe(acac)3", "--cifs", dir.path, "--jobs", "2", "--format", "csv", "--grid-spacing", "0.25"]).execute()
        #expect(output.exitCode == 0, "\(output.standardError)")
        let rows = output.standardOutput.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("1,cubic.cif,"))
        #expect(output.standardError.contains("cut.cif:14:1: error[CIF-LOOP]"), "\(output.standardError)")
        #expect(output.standardError.contains("1 verdicts in"))
        let zero = try FitCommand.parse(["--screen", "Fe(acac)3", "--cifs", dir.path, "--jobs", "0"]).execute()
        #expect(zero.exitCode == 2)
    }
}
