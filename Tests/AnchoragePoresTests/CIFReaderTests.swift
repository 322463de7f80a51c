import Foundation
import Testing

@testable import AnchoragePores

struct CIFReaderTests {
    static let cubicHeader = """
        data_test
        _cell_length_a 10.0
        _cell_length_b 10.0
        _cell_length_c 10.0
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90

        """

    static let atomLoop = """
        loop_
        _atom_site_label
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z

        """

    /// The 48 operations of point group m-3m (space group Pm-3m has no translations): signed permutations of x, y, z.
    static let pm3mOperations: [String] = {
        let permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        var result: [String] = []
        for p in permutations {
            for signs in 0..<8 {
                let parts = (0..<3).map { i in (signs >> i) & 1 == 1 ? "-" + ["x", "y", "z"][p[i]] : ["x", "y", "z"][p[i]] }
                result.append("'" + parts.joined(separator: ",") + "'")
            }
        }
        return result
    }()

    @Test(arguments: [
        ("0.1234(5)", 0.1234), ("12.5", 12.5), ("-0.5(12)", -0.5), ("1e-3", 0.001), ("60", 60.0),
    ])
    func numbersWithUncertainties(_ text: String, _ expected: Double) {
        let value = CIFValue(text: text, isNull: false, line: 1, column: 1)
        #expect(CIFSyntax.number(value) == expected)
    }

    @Test(arguments: ["?", "."])
    func unknownValuesAreNotNumbers(_ text: String) throws {
        let blocks = try CIFSyntax.parse("data_x\n_cell_length_a \(text)\n")
        let value = try #require(blocks.first?.value("_cell_length_a"))
        #expect(value.isNull)
        #expect(CIFSyntax.number(value) == nil)
    }

    @Test(arguments: [
        ("x,y,z", SIMD3(0.1, 0.2, 0.3)), ("-x+1/2, y, -z", SIMD3(0.4, 0.2, -0.3)), ("1/2+x,-y,z+0.25", SIMD3(0.6, -0.2, 0.55)),
        ("x-y,x,z", SIMD3(-0.1, 0.1, 0.3)), ("X,Y,Z", SIMD3(0.1, 0.2, 0.3)), ("+y,+z,+x", SIMD3(0.2, 0.3, 0.1)),
    ])
    func symmetryOperations(_ text: String, _ expected: SIMD3<Double>) throws {
        let operation = try SymmetryOperation(parsing: text)
        let result = operation.apply(SIMD3(0.1, 0.2, 0.3))
        #expect(length(result - expected) < 1e-12)
    }

    @Test(arguments: ["x,y", "x,y,w", "x,,z", "x,y,z/0"])
    func badSymmetryOperationsAreRejected(_ text: String) {
        #expect(throws: SymmetryParseError.self) { try SymmetryOperation(parsing: text) }
    }

    @Test func quotedValuesTextFieldsAndComments() throws {
        let text = """
            data_quoted # a comment after the header
            _chemical_name_common 'O'Keeffe's net'
            _journal_title "a 'quoted' title"
            _publ_section_comment
            ;
            Free text with 'quotes' and # no comment
            ;
            _symmetry_space_group_name_H-M 'P 1'
            """
        let block = try #require(try CIFSyntax.parse(text).first)
        #expect(block.value("_chemical_name_common")?.text == "O'Keeffe's net")
        #expect(block.value("_publ_section_comment")?.text.contains("# no comment") == true)
        #expect(block.value("_symmetry_space_group_name_H-M")?.text == "P 1")
        #expect(block.value("_journal_title")?.text == "a 'quoted' title")
    }

    @Test func unquotedNameWithSpacesIsOneValue() throws {
        // Some writers emit `P 1` without quotes; read it as the space group name, not as a stray value.
        let block = try #require(try CIFSyntax.parse("data_x\n_symmetry_space_group_name_H-M    P 1\n_cell_length_a 3\n").first)
        #expect(block.value("_symmetry_space_group_name_h-m")?.text == "P 1")
        #expect(block.value("_cell_length_a")?.text == "3")
    }

    @Test func symmetryUniqueAtomsAreExpandedAndSpecialPositionsMerged() throws {
        let text = Self.cubicHeader + "_symmetry_space_group_name_H-M 'P m -3 m'\nloop_\n_space_group_symop_operation_xyz\n"
            + Self.pm3mOperations.joined(separator: "\n") + "\n" + Self.atomLoop
            + "Zn1 Zn 0 0 0\nC1 C 0.2(1) 0 0\nO1 O 0.1 0.2 0.3\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.symmetryOperationCount == 48)
        #expect(structure.sitesRead == 3)
        let counts = Dictionary(grouping: structure.atoms, by: \.element).mapValues(\.count)
        #expect(counts == ["Zn": 1, "C": 6, "O": 48])
    }

    @Test func p1FileIsReadAsIs() throws {
        let text = Self.cubicHeader + "_symmetry_space_group_name_H-M 'P1'\nloop_\n_symmetry_equiv_pos_as_xyz\n  x,y,z\n" + Self.atomLoop
            + "C1 C 0 0 0\nC2 C 0.5 0.5 0.5\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.atoms.count == 2)
        #expect(structure.warnings.isEmpty)
    }

    @Test func commentsAndBlankLinesInsideTheAtomLoopAreSkipped() throws {
        var rows: [String] = []
        for i in 0..<40 {
            if i % 10 == 5 { rows.append("# ---- ligand \(i / 10) ----"); rows.append("") }
            rows.append("C\(i) C \(Double(i) / 40) 0.5 0.5")
        }
        let text = Self.cubicHeader + Self.atomLoop + rows.joined(separator: "\n") + "\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.atoms.count == 40)
        let warning = try #require(structure.warnings.first { $0.code == "comments-in-atom-loop" })
        #expect(warning.message.contains("4 comment lines") && warning.message.contains("40 sites"))
    }

    @Test func elementFromTheLabelWhenNoTypeSymbol() throws {
        let text = Self.cubicHeader + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
            + "Zn1 0 0 0\nCL2 0.5 0 0\nC12A 0 0.5 0\nCu3 0 0 0.5\nOw1 0.5 0.5 0\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.atoms.map(\.element) == ["Zn", "Cl", "C", "Cu", "O"])
    }

    @Test func partialOccupancyIsAWarning() throws {
        let text = Self.cubicHeader + "loop_\n_atom_site_label\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n"
            + "C1 0 0 0 1.0\nO1 0.5 0.5 0.5 0.25(2)\n"
        let structure = try CIFStructureReader.read(text)
        let warning = try #require(structure.warnings.first { $0.code == "partial-occupancy" })
        #expect(warning.message.contains("0.25"))
    }

    @Test func severalBlocks() throws {
        let first = "data_global\n_journal_year 2019\n"
        let a = Self.cubicHeader.replacingOccurrences(of: "data_test", with: "data_first") + Self.atomLoop + "C1 C 0 0 0\n"
        let b = Self.cubicHeader.replacingOccurrences(of: "data_test", with: "data_second") + Self.atomLoop + "C1 C 0 0 0\nC2 C 0.5 0 0\n"
        let structure = try CIFStructureReader.read(first + a + b)
        #expect(structure.name == "first")
        #expect(structure.warnings.contains { $0.code == "several-blocks" })
        let second = try CIFStructureReader.read(first + a + b, block: "second")
        #expect(second.atoms.count == 2)
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var ruleID: String
        var line: Int
        var testDescription: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "truncated in a row", text: cubicHeader + atomLoop + "C1 C 0 0 0\nC2 C 0.5 0.5", ruleID: "CIF-LOOP", line: 15),
        BadFile(name: "no cell", text: "data_x\n" + atomLoop + "C1 C 0 0 0\n", ruleID: "CIF-CELL", line: 1),
        BadFile(
            name: "impossible cell", text: cubicHeader.replacingOccurrences(of: "_cell_angle_gamma 90", with: "_cell_angle_gamma 200") + atomLoop + "C1 C 0 0 0\n",
            ruleID: "CIF-CELL", line: 2),
        BadFile(
            name: "cell length not a number", text: cubicHeader.replacingOccurrences(of: "_cell_length_b 10.0", with: "_cell_length_b ten") + atomLoop,
            ruleID: "CIF-CELL", line: 3),
        BadFile(name: "no atoms", text: cubicHeader, ruleID: "CIF-ATOMS", line: 1),
        BadFile(name: "coordinate not a number", text: cubicHeader + atomLoop + "C1 C 0 0 0\nC2 C 0.5 abc 0\n", ruleID: "CIF-ATOMS", line: 15),
        BadFile(name: "unknown element", text: cubicHeader + atomLoop + "C1 C 0 0 0\nQq1 Qq 0.5 0 0\n", ruleID: "CIF-ATOMS", line: 15),
        BadFile(
            name: "space group without operations", text: cubicHeader + "_symmetry_space_group_name_H-M 'F m -3 m'\n" + atomLoop + "C1 C 0 0 0\n",
            ruleID: "CIF-SYMMETRY", line: 8),
        BadFile(
            name: "unreadable operation", text: cubicHeader + "loop_\n_symmetry_equiv_pos_as_xyz\n'x,y,z'\n'-x,y+1/2'\n" + atomLoop,
            ruleID: "CIF-SYMMETRY", line: 11),
        BadFile(name: "unclosed quote", text: "data_x\n_chemical_name_common 'zeolitic\n", ruleID: "CIF-SYNTAX", line: 2),
        BadFile(name: "unclosed text field", text: "data_x\n_publ_section_comment\n;\nsome text\n", ruleID: "CIF-SYNTAX", line: 3),
        BadFile(name: "item cut off at the end", text: cubicHeader + "_cell_volume", ruleID: "CIF-SYNTAX", line: 8),
        BadFile(name: "not a CIF", text: "HETATM    1  C   MOL     1       0.000   0.000   0.000\n", ruleID: "CIF-SYNTAX", line: 1),
        BadFile(name: "empty file", text: "", ruleID: "CIF-BLOCK", line: 1),
    ]

    @Test(arguments: badFiles)
    func malformedFilesGetALocatedError(_ bad: BadFile) {
        do {
            _ = try CIFStructureReader.read(bad.text)
            Issue.record("expected an error")
        } catch {
            #expect(error.ruleID == bad.ruleID, "\(error)")
            #expect(error.line == bad.line, "\(error)")
            #expect(!error.message.isEmpty)
        }
    }
}
