import ArgumentParser
import Foundation
import Testing

@testable import AnchorageCLI

struct PoresCommandTests {
    static let cubic = """
        data_cubic
        _cell_length_a 10
        _cell_length_b 10
        _cell_length_c 10
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        loop_
        _atom_site_label
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        C1 C 0 0 0

        """

    func write(_ text: String, name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pores-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func textReport() throws {
        let path = try write(Self.cubic, name: "cubic.cif")
        let output = try PoresCommand.parse([path]).execute()
        #expect(output.exitCode == 0)
        // Simple cubic, a = 10 Å, C (1.7 Å): LCD = 2(5√3 − 1.7), PLD = 2(5√2 − 1.7).
        #expect(output.standardOutput.contains("LCD (Di)             13.92"))
        #expect(output.standardOutput.contains("PLD (Df)             10.742 Å"))
        #expect(output.standardOutput.contains("atoms read           1 "))
        #expect(output.standardError.contains("warning[isolated-atoms]"))
    }

    @Test func jsonReport() throws {
        let path = try write(Self.cubic, name: "cubic.cif")
        let output = try PoresCommand.parse([path, "--format", "json", "--radii", "uff"]).execute()
        #expect(output.exitCode == 0)
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        let geometry = object?["geometry"] as? [String: Any]
        let lcd = try #require(geometry?["largestCavityDiameter"] as? Double)
        #expect(abs(lcd - 2 * (5 * 3.0.squareRoot() - 1.9255)) < 1e-3)
        #expect(object?["radiiSet"] as? String == "uff")
        #expect(object?["atomCount"] as? Int == 1)
    }

    @Test(arguments: [
        ("data_x\n_cell_length_a 10\n", ":2:1: error[CIF-CELL]"),
        (String(Self.cubic.dropLast(8)), ":14:1: error[CIF-LOOP]"),
        (Self.cubic.replacingOccurrences(of: "_cell_length_c 10\n", with: ""), ":2:1: error[CIF-CELL]"),
        ("data_x\n_chemical_name 'unclosed\n", ":2:16: error[CIF-SYNTAX]"),
    ])
    func malformedFileGetsALocatedErrorAndStatusTwo(_ text: String, _ expected: String) throws {
        let path = try write(text, name: "bad.cif")
        let output = try PoresCommand.parse([path]).execute()
        #expect(output.exitCode == 2)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasPrefix(path + expected), "\(output.standardError)")
    }

    @Test func missingFile() throws {
        let output = try PoresCommand.parse(["no-such-file.cif"]).execute()
        #expect(output.exitCode == 2)
        #expect(output.standardError.contains("error[PORES-READ]"))
    }

    @Test func unknownRadiiSet() throws {
        let path = try write(Self.cubic, name: "cubic.cif")
        let output = try PoresCommand.parse([path, "--radii", "pauling"]).execute()
        #expect(output.exitCode == 2)
        #expect(output.standardError.contains("no radii set named 'pauling'"))
    }
}
