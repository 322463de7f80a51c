import Foundation
import Testing

@testable import AnchoragePores

/// Forms that structure libraries write and Zeo++ reads, read here with a warning naming what was assumed.
struct LenientCIFTests {
    static let header = CIFReaderTests.cubicHeader + "_symmetry_space_group_name_H-M 'P 1'\n_symmetry_Int_Tables_number 1\n"

    /// Materials Studio style: a P1 symmetry loop whose one row is `x y z`, unquoted.
    @Test func unquotedSpaceSeparatedIdentityInAP1Loop() throws {
        let text = Self.header + "loop_\n_symmetry_equiv_pos_as_xyz\n  x y z\n" + CIFReaderTests.atomLoop + "C1 C 0 0 0\nC2 C 0.5 0.5 0.5\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.symmetryOperationCount == 1)
        #expect(structure.atoms.count == 2)
        let warning = try #require(structure.warnings.first { $0.code == "unquoted-symmetry" })
        #expect(warning.line == 12)
        #expect(warning.message.contains("'x y z' at line 12") && warning.message.contains("'x,y,z'"), "\(warning.message)")
        #expect(structure.warnings.count == 1, "one warning for one assumption: \(structure.warnings)")
    }

    /// Several operations, unquoted with spaces after the commas, with a site-id column before them.
    @Test func unquotedOperationsWithSpacesAndAnIdColumn() throws {
        let text =
            CIFReaderTests.cubicHeader
            + "_symmetry_space_group_name_H-M 'P -1'\nloop_\n_symmetry_equiv_pos_site_id\n_symmetry_equiv_pos_as_xyz\n"
            + "1 x, y, z\n2 -x, -y, -z\n" + CIFReaderTests.atomLoop + "O1 O 0.1 0.2 0.3\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.symmetryOperationCount == 2)
        #expect(structure.atoms.count == 2)
        let fractional = structure.atoms.map(\.fractional).sorted { $0.x < $1.x }
        #expect(abs(fractional[1].x - 0.9) < 1e-9 && abs(fractional[1].y - 0.8) < 1e-9 && abs(fractional[1].z - 0.7) < 1e-9)
        let warning = try #require(structure.warnings.first { $0.code == "unquoted-symmetry" })
        #expect(warning.message.hasPrefix("2 symmetry operations are written without quotes"), "\(warning.message)")
    }

    /// Quoted but without commas: the three words are the parts.
    @Test func quotedOperationWithoutCommas() throws {
        let text = Self.header + "loop_\n_symmetry_equiv_pos_as_xyz\n'x y z'\n" + CIFReaderTests.atomLoop + "C1 C 0 0 0\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.symmetryOperationCount == 1)
        #expect(structure.warnings.contains { $0.code == "space-separated-symmetry" })
    }

    /// A well-formed loop with two quoted operations on one line is read as CIF says, with no warning.
    @Test func quotedOperationsOnOneLineAreNotJoined() throws {
        let text =
            CIFReaderTests.cubicHeader + "_symmetry_space_group_name_H-M 'P -1'\nloop_\n_symmetry_equiv_pos_as_xyz\n'x,y,z' '-x,-y,-z'\n"
            + CIFReaderTests.atomLoop + "O1 O 0.1 0.2 0.3\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.symmetryOperationCount == 2)
        #expect(structure.warnings.isEmpty, "\(structure.warnings)")
    }

    /// Words that are not three parts stay an error at their line.
    @Test func unreadableUnquotedOperationIsStillAnError() {
        let text = Self.header + "loop_\n_symmetry_equiv_pos_as_xyz\n  x y\n" + CIFReaderTests.atomLoop + "C1 C 0 0 0\n"
        #expect(throws: CIFError.self) { try CIFStructureReader.read(text) }
        do {
            _ = try CIFStructureReader.read(text)
        } catch {
            #expect(error.line == 12 && error.ruleID == "CIF-SYMMETRY", "\(error)")
        }
    }

    /// Tabs between columns are CIF white space: a tab-separated table reads with no warning.
    @Test func tabSeparatedTable() throws {
        let text =
            "data_t\n_cell_length_a\t10\n_cell_length_b\t10\n_cell_length_c\t10\n_cell_angle_alpha\t90\n_cell_angle_beta\t90\n"
            + "_cell_angle_gamma\t90\n_symmetry_space_group_name_H-M\t'P 1'\t\nloop_\n_symmetry_equiv_pos_as_xyz\n\t'x, y, z'\t\n"
            + "loop_\n_atom_site_label\t_atom_site_type_symbol\t_atom_site_fract_x\t_atom_site_fract_y\t_atom_site_fract_z\n"
            + "C1\tC\t0\t0\t0\nO2\tO\t0.5\t0.5\t0.5\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.atoms.map(\.element) == ["C", "O"])
        #expect(structure.warnings.isEmpty, "\(structure.warnings)")
    }

    /// Tabs used to line columns up (two in a row) are still one separator when every row then has all its columns.
    @Test func tabsThatAlignColumnsAreNotEmptyCells() throws {
        let text = Self.header + CIFReaderTests.atomLoop + "C1\tC\t\t0\t0\t0\nO22\tO\t\t0.5\t0.5\t0.5\n"
        let structure = try CIFStructureReader.read(text)
        #expect(structure.atoms.count == 2)
        #expect(structure.warnings.isEmpty, "\(structure.warnings)")
    }

    /// A spreadsheet's empty cell (two tabs in a row, the rows short otherwise) is read as '?', with a warning.
    @Test func emptyCellsOfATabSeparatedTable() throws {
        let text =
            CIFReaderTests.cubicHeader
            + "loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n_atom_site_occupancy\n"
            + "C1\t\t0\t0\t0\t1\nO2\tO\t0.5\t0.5\t0.5\t1\n"
        let structure = try CIFStructureReader.read(text)
        // C1's type symbol is unknown ('?'): its element comes from the label.
        #expect(structure.atoms.map(\.element) == ["C", "O"])
        let warning = try #require(structure.warnings.first { $0.code == "empty-table-cells" })
        #expect(warning.line == 15 && warning.message.contains("read as '?'"), "\(warning)")
    }
}
