import Foundation
import Testing

/// The hardening cases: each input once made the built `anchorage` trap (exit 132) or run away. Each must now give a
/// clear located message, exit 0, 1 or 2, and print output of a size in proportion to the file's.
@Suite struct HardeningTests {
    static let repro = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/repro/hardening")

    struct Run {
        var status: Int32
        var exitedNormally: Bool
        var output: String
        var error: String
    }

    struct ReproMissing: Error, CustomStringConvertible {
        var file: String
        var description: String { "reproducer \(file) is not beside the clone (../shared/repro/hardening)" }
    }

    func path(_ name: String) throws -> String {
        let url = Self.repro.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ReproMissing(file: name) }
        return url.path
    }

    /// Runs the binary; `shell` wraps the call in `/bin/sh -c` for redirections the tests need (`>&-`, `> /dev/full`).
    func run(_ arguments: [String], shell: String? = nil) throws -> Run {
        guard let binary = EndToEndTests.binary else { throw EndToEndTests.BinaryMissing() }
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" \(shell)", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes at once, so that a large output cannot fill one while the other is read.
        nonisolated(unsafe) var out = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { out = output.fileHandleForReading.readDataToEndOfFile() }
        let err = error.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
            output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    // MARK: crashes

    @Test("C1: a stir time of 1e300 h is refused by validate, at the value, as physically meaningless")
    func stirTimeBeyondAnyBench() throws {
        let file = try path("r1-fe-stir-1e300h.yaml")
        let validate = try run(["validate", file])
        #expect(validate.exitedNormally && validate.status == 1, "\(validate.error)")
        #expect(validate.output.contains("error[UNIT-003]: 1.000e+300 h is not physically meaningful as a duration"), "\(validate.output)")
        let line = validate.output.split(separator: "\n").first { $0.contains("UNIT-003") }.map(String.init) ?? ""
        #expect(line.hasPrefix("\(file):"), "located: \(line)")
        let protocolRun = try run(["protocol", "--format", "text", file])
        #expect(protocolRun.exitedNormally && protocolRun.status == 1, "\(protocolRun.error)")
        let forced = try run(["protocol", "--format", "html", "--force", file])
        #expect(forced.exitedNormally && [0, 1].contains(forced.status), "\(forced.error)")
    }

    @Test("C1b: a pyrolysis hold of 1e308 d is refused, and --force does not trap in the furnace plot")
    func holdBeyondAnyBench() throws {
        let file = try path("r1-fe-hold-1e308d.yaml")
        let validate = try run(["validate", file])
        #expect(validate.exitedNormally && validate.status == 1)
        #expect(validate.output.contains("error[UNIT-003]"), "\(validate.output)")
        for format in ["html", "md", "text"] {
            let forced = try run(["protocol", "--format", format, "--force", file])
            #expect(forced.exitedNormally && [0, 1].contains(forced.status), "\(format): \(forced.error)")
        }
    }

    @Test("C2: an O2 pyrolysis at 1e19 °C is refused as a value, not a trap in OXI rule")
    func oxidisingPyrolysisAtAnAbsurdTemperature() throws {
        let result = try run(["validate", try path("r2-validate-oxidising-1e19C.yaml")])
        #expect(result.exitedNormally && result.status == 1, "\(result.error)")
        #expect(result.output.contains("error[UNIT-003]: 1.000e+19 °C is not physically meaningful as a temperature"), "\(result.output)")
    }

    @Test("C3/C4: a space-group number of 1e19 gives a located CIF error or a warning, never a trap", arguments: [
        "p1-groupnumber-no-ops.cif", "p2-groupnumber-identity.cif",
    ])
    func spaceGroupNumberBeyondInt(name: String) throws {
        let result = try run(["pores", try path(name)])
        #expect(result.exitedNormally && [0, 2].contains(result.status), "\(result.error)")
        #expect(result.error.contains("space group number 1.000e+19"), "\(result.error)")
        let fit = try run(["fit", "Fe(acac)3", "--cif", try path(name)])
        #expect(fit.exitedNormally && [0, 1, 2].contains(fit.status), "\(fit.error)")
    }

    @Test("C5: a symmetry translation of 400 digits is refused at its line")
    func symmetryOperationWithAHugeTranslation() throws {
        let result = try run(["pores", try path("p3-symop-400-digits.cif")])
        #expect(result.exitedNormally && result.status == 2, "\(result.error)")
        #expect(result.error.contains("error[CIF-SYMMETRY]"), "\(result.error)")
        #expect(result.error.utf8.count < 1_000, "the message quotes the operation in part: \(result.error.utf8.count) bytes")
    }

    @Test("C6: cell edges of 1e300 or 1e-300 Å are refused with CIF-LIMIT", arguments: ["p4-cell-1e300.cif", "p5-cell-1e-300.cif"])
    func cellEdgesOutsideAnyFramework(name: String) throws {
        let result = try run(["pores", try path(name)])
        #expect(result.exitedNormally && result.status == 2, "\(result.error)")
        #expect(result.error.contains("error[CIF-LIMIT]: _cell_length_a is"), "\(result.error)")
    }

    @Test("C6: a radii file holding .nan is refused by name")
    func radiusThatIsNotANumber() throws {
        let result = try run(["pores", try path("p0-ok.cif"), "--radii", try path("p6-radii-nan.yaml")])
        #expect(result.exitedNormally && result.status == 2, "\(result.error)")
        #expect(result.error.contains("gives C a radius of nan Å"), "\(result.error)")
    }

    @Test("C7: a lab precursor with formula Fe99999999999999999999 gives an error, for fit and for fit --list")
    func formulaCountBeyondInt() throws {
        let catalog = try path("r7-lab-fit-bigfe.yaml")
        for arguments in [["fit", "BigFe", "ZIF-8", "--catalog", catalog], ["fit", "--list", "--catalog", catalog]] {
            let result = try run(arguments)
            #expect(result.exitedNormally && [1, 2].contains(result.status), "\(arguments): \(result.error)")
            #expect(result.error.contains("more than a formula unit holds"), "\(arguments): \(result.error)")
        }
    }

    @Test("C8: a full standard output is exit 2 with one line on standard error")
    func fullStandardOutput() throws {
        let schema = try run(["schema"], shell: "> /dev/full")
        #expect(schema.exitedNormally && schema.status == 2, "\(schema.error)")
        #expect(schema.error == "anchorage: cannot write to standard output: No space left on device\n", "\(schema.error)")
    }

    @Test("C8: a closed standard output is exit 2, a closed standard error too")
    func closedStandardStreams() throws {
        let closedOutput = try run(["validate", "recipes/broken/amounts-disagree.yaml"], shell: ">&-")
        #expect(closedOutput.exitedNormally && closedOutput.status == 2, "\(closedOutput.error)")
        #expect(closedOutput.error == "anchorage: cannot write to standard output: Bad file descriptor\n", "\(closedOutput.error)")
        let closedError = try run(["validate", "recipes/fe-sa-nc-fe-acac3-zif8.yaml"], shell: "2>&-")
        #expect(closedError.exitedNormally && closedError.status == 2)
    }

    // MARK: runaways

    @Test("H1: 5000 metals in one target: one located FMT-010 error, output a fraction of the input")
    func thousandsOfMetals() throws {
        let file = try path("h1-metals-x5000.yaml")
        let result = try run(["validate", file])
        #expect(result.exitedNormally && result.status == 1)
        #expect(result.output.contains("error[FMT-010]: 5001 metals in the target: a recipe holds at most 16"), "\(result.output.prefix(2000))")
        #expect(result.output.utf8.count + result.error.utf8.count < 2 * (try fileSize(file)))
    }

    @Test("H2: 2000 unused reagents: refused as too many, output bounded")
    func thousandsOfReagents() throws {
        let file = try path("h2-unused-reagents-x2000.yaml")
        for format in ["text", "json", "sarif"] {
            let result = try run(["validate", "--format", format, file])
            #expect(result.exitedNormally && result.status == 1)
            #expect(result.output.contains("2004 reagents: a recipe holds at most 200"), "\(format)")
            #expect(result.output.utf8.count < 2 * (try fileSize(file)), "\(format)")
        }
    }

    @Test("H3: a 50,000-character host name: one FMT-010 error, no suggestion run over it, a bounded message")
    func hugeHostName() throws {
        let file = try path("h3-host-name-50000-chars.yaml")
        let result = try run(["validate", file])
        #expect(result.exitedNormally && result.status == 1)
        #expect(result.output.contains("error[FMT-010]: host is 50000 characters long; a name is at most 500"), "\(result.output.prefix(2000))")
        #expect(result.output.utf8.count < 4_000, "\(result.output.utf8.count) bytes")
    }

    @Test("H4: 10,000 steps: refused by validate and protocol as too many")
    func tenThousandSteps() throws {
        let file = try path("h4-steps-x10000.yaml")
        let validate = try run(["validate", file])
        #expect(validate.output.contains("error[FMT-010]: 10008 steps: a recipe holds at most 500"), "\(validate.output.prefix(2000))")
        let protocolRun = try run(["protocol", "--format", "text", file])
        #expect(protocolRun.exitedNormally && protocolRun.status == 1)
        #expect(protocolRun.output.isEmpty)
    }

    @Test("H7: 10,000 symmetry operations are refused at the first, with CIF-LIMIT")
    func tenThousandSymmetryOperations() throws {
        let result = try run(["pores", try path("h6-10000-distinct-symops.cif")])
        #expect(result.exitedNormally && result.status == 2)
        #expect(result.error.contains("error[CIF-LIMIT]: 10000 symmetry operations are listed: no space group has more than 192"), "\(result.error)")
    }

    @Test("H8: a cell of 2.75 million atoms is refused before it is expanded")
    func millionsOfAtoms() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-h8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 12,000 sites × 192 operations would be 2.3 million atoms.
        var cif = "data_big\n_cell_length_a 100\n_cell_length_b 100\n_cell_length_c 100\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\n"
        cif += "loop_\n_symmetry_equiv_pos_as_xyz\n"
        for n in 0..<192 { cif += "x+\(n)/192,y,z\n" }
        cif += "loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
        for n in 0..<12_000 { cif += "C\(n) C \(Double(n % 100) / 100) \(Double(n / 100 % 100) / 100) 0.5\n" }
        let file = folder.appendingPathComponent("big.cif")
        try cif.write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["pores", file.path])
        #expect(result.exitedNormally && result.status == 2)
        #expect(result.error.contains("error[CIF-LIMIT]: 12000 sites × 192 symmetry operations"), "\(result.error)")
    }

    // MARK: smaller

    @Test("--output X --overwrite does not replace a FIFO")
    func overwriteLeavesAFIFO() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("out.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try run(["protocol", "--format", "text", "--output", fifo, "--overwrite", "recipes/fe-sa-nc-fe-acac3-zif8.yaml"])
        #expect(result.exitedNormally && result.status == 2)
        #expect(result.error.contains("is a FIFO, not a regular file; it is not replaced"), "\(result.error)")
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a CRLF recipe keeps its source excerpt under each finding")
    func crlfRecipeKeepsItsExcerpt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-crlf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = try String(contentsOf: packageRoot.appendingPathComponent("recipes/broken/mass-with-rate-unit.yaml"), encoding: .utf8)
        let file = folder.appendingPathComponent("crlf.yaml")
        try broken.replacingOccurrences(of: "\n", with: "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.output.contains(":13:77: error[UNIT-001]: unknown unit 'kg/s'"), "\(result.output)")
        #expect(result.output.contains(" 13 |   zn:   {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 kg/s, role: metal-salt}\n"), "\(result.output)")
        #expect(!result.output.contains("\r"))
    }

    @Test("a NUL or control character is reported at its line and column, with its byte offset")
    func controlCharacterIsLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nul.yaml")
        // Line 3, column 9: "title: A" then the NUL, at byte offset 13 + 8 + 8 = 29.
        try Data("anchorage: 1\nid: x-1\ntitle: A\u{0}B\n".utf8).write(to: file)
        let result = try run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.output.contains("nul.yaml:3:9: error[FMT-001]"), "\(result.output)")
        #expect(result.output.contains("U+0000 at byte offset 29"), "\(result.output)")
    }
}
