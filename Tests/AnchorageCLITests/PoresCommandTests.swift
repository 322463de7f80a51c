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

    @Test(arguments: ["text", "json"])
    func wellFormedFile(_ format: String) async throws {
        let path = try write(Self.cubic, name: "cubic.cif")
        let command = try PoresCommand.parse([path, "--format", format])
        try await command.run()
    }

    @Test(arguments: [
        "data_x\n_cell_length_a 10\n",
        String(Self.cubic.dropLast(8)),
        Self.cubic.replacingOccurrences(of: "_cell_length_c 10\n", with: ""),
    ])
    func malformedFileExitsWithStatusTwo(_ text: String) async throws {
        let path = try write(text, name: "bad.cif")
        let command = try PoresCommand.parse([path])
        do {
            try await command.run()
            Issue.record("expected exit status 2")
        } catch let exit as ExitCode {
            #expect(exit.rawValue == 2)
        }
    }

    @Test func missingFileExitsWithStatusTwo() async throws {
        let command = try PoresCommand.parse(["no-such-file.cif"])
        await #expect(throws: ExitCode(2)) { try await command.run() }
    }

    @Test func unknownRadiiSetExitsWithStatusTwo() async throws {
        let path = try write(Self.cubic, name: "cubic.cif")
        let command = try PoresCommand.parse([path, "--radii", "pauling"])
        await #expect(throws: ExitCode(2)) { try await command.run() }
    }
}
