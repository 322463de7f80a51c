import Foundation
import Testing

@testable import AnchorageCLI

struct FitFromCIFTests {
    func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fit-\(UUID().uuidString).cif")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func fitUsesTheDiametersComputedFromTheCIF() throws {
        let path = try write(PoresCommandTests.cubic)
        let output = try FitCommand.parse(["Fe(acac)3", "--cif", path]).execute()
        #expect(output.exitCode == 0, "\(output.standardError)")
        // Simple cubic, a = 10 Å, C: LCD 13.92 Å, PLD 10.74 Å.
        #expect(output.standardOutput.contains("LCD 13.92 Å"))
        #expect(output.standardOutput.contains("PLD 10.74 Å"))
        #expect(output.standardOutput.contains("computed by Anchorage with Zeo++-compatible radii"))
    }

    @Test func malformedCIFGetsALocatedError() throws {
        let path = try write(String(PoresCommandTests.cubic.dropLast(8)))
        let output = try FitCommand.parse(["Fe(acac)3", "--cif", path]).execute()
        #expect(output.exitCode == 2)
        #expect(output.standardError.hasPrefix(path + ":14:1: error[CIF-LOOP]"), "\(output.standardError)")
    }

    @Test func cifTakesOnePrecursor() throws {
        let path = try write(PoresCommandTests.cubic)
        let output = try FitCommand.parse(["Fe(acac)3", "ZIF-8", "--cif", path]).execute()
        #expect(output.exitCode == 2)
    }
}
