import AnchorageFit
import Foundation
import Testing

@testable import AnchorageCLI

@Suite struct FitCommandTests {
    func answer(_ arguments: [String]) throws -> String {
        try FitCommand.parse(arguments).answer()
    }

    @Test func ironAcetylacetonateInZIF8() throws {
        let text = try answer(["Fe(acac)3", "ZIF-8"])
        #expect(text.contains("mode:               in-situ"))
        #expect(text.contains("fits the cage:      yes"))
        #expect(text.contains("passes the window:  no"))
        #expect(text.contains("per cage (max):     1"))
        #expect(text.contains("FAWCEN_SL"))
        #expect(text.contains("mmol/g host"))
    }

    @Test func batchMaximum() throws {
        // The design note: 5.68 mmol Zn holds at most 0.95 mmol (0.33 g) of Fe(acac)3 one per cage.
        let text = try answer(["Fe(acac)3", "ZIF-8", "--metal-mmol", "5.68"])
        #expect(text.contains("at most 0.947 mmol (0.334 g) of iron(III) acetylacetonate"))
        #expect(try answer(["Fe(acac)3", "ZIF-8", "--host-mass", "1"]).contains("at most 0.732 mmol (0.259 g)"))
    }

    @Test("the issue's named cases", arguments: [
        (["Fe(NO3)3·9H2O", "ZIF-8"], "not-confined"), (["FePc", "ZIF-8"], "too-large"), (["Ru3(CO)12", "ZIF-8"], "in-situ"),
    ])
    func namedCases(arguments: [String], mode: String) throws {
        #expect(try answer(arguments).contains("mode:               \(mode)"))
    }

    @Test func polynuclearIsFlagged() throws {
        #expect(try answer(["Ru3(CO)12", "ZIF-8"]).contains("clusters, not single atoms"))
    }

    @Test func jsonOutput() throws {
        let output = try answer(["Fe(acac)3", "ZIF-8", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["mode"] as? String == "in-situ")
        #expect(object["per_cage_max"] as? Int == 1)
    }

    @Test func rankings() throws {
        let frameworks = try answer(["--all", "Fe(acac)3"])
        #expect(frameworks.split(separator: "\n").dropFirst().first?.contains("ZIF-8") == true)
        let precursors = try answer(["--all-precursors", "ZIF-8", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(precursors.utf8)) as? [[String: Any]])
        #expect(list.count == (try FitCatalog.bundled().precursors.count))
    }

    @Test func unknownNameSuggests() {
        #expect(throws: UnknownNameError(kind: .precursor, name: "ferocene", suggestion: "ferrocene")) {
            try answer(["ferocene", "ZIF-8"])
        }
    }

    @Test func exitCodes() throws {
        #expect(try FitCommand.parse(["Fe(acac)3", "ZIF-8"]).execute().exitCode == 0)
        let unknown = try FitCommand.parse(["Fe(acac)3", "ZFI-8"]).execute()
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("did you mean 'ZIF-8'?"))
        #expect(try FitCommand.parse(["Fe(acac)3"]).execute().exitCode == 2)
        let missing = try FitCommand.parse(["--xyz", "no-such-molecule.xyz", "ZIF-8"]).execute()
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.hasPrefix("no-such-molecule.xyz:1:1: error:"))
    }

    @Test func xyzFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-h2.xyz")
        try "2\nH2\nH 0 0 0\nH 0 0 0.74\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let text = try answer(["--xyz", url.path, "MOF-5"])
        #expect(text.contains("in MOF-5"))
        #expect(text.contains("mode:               not-confined"))
    }
}
