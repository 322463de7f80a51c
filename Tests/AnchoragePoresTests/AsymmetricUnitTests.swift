import Foundation
import Testing

@testable import AnchoragePores

/// A CIF that lists only the symmetry-unique atoms, as the CSD and journals publish them: ZIF-8 in I-43m, built from
/// the P1 reference file, must read back as the same cubic cell with the same pores. The file's methyl hydrogens
/// break the cubic symmetry (one rotamer per methyl group), so the comparison uses the framework without hydrogens.
struct AsymmetricUnitTests {
    /// The 48 operations of I-43m: the 24 of point group -43m (every permutation of x, y, z with an even number of
    /// sign changes) with and without the body-centring translation.
    static let operations: [String] = {
        let permutations = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [1, 0, 2], [0, 2, 1], [2, 1, 0]]
        let signs = [[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]]
        var result: [String] = []
        for centring in ["", "+1/2"] {
            for p in permutations {
                for s in signs {
                    let parts = (0..<3).map { i in (s[i] < 0 ? "-" : "") + ["x", "y", "z"][p[i]] + centring }
                    result.append(parts.joined(separator: ","))
                }
            }
        }
        return result
    }()

    @Test func zif8FromItsAsymmetricUnit() throws {
        let fixtures = ReferenceStructureTests.fixtures
        var primitive = try CIFStructureReader.read(contentsOf: fixtures.appendingPathComponent("FSR_FAWCEN_SL.cif"))
        primitive.atoms.removeAll { $0.element == "H" }
        let cubic = try #require(primitive.transformed(by: [[0, 1, 1], [1, 0, 1], [1, 1, 0]]))
        #expect(cubic.atoms.count == 156)
        let operations = try Self.operations.map { try SymmetryOperation(parsing: $0) }

        // One atom per orbit.
        var covered = [Bool](repeating: false, count: cubic.atoms.count)
        var unique: [CrystalAtom] = []
        for (index, atom) in cubic.atoms.enumerated() where !covered[index] {
            unique.append(atom)
            for operation in operations {
                var image = operation.apply(atom.fractional)
                image -= image.rounded(.down)
                for (other, candidate) in cubic.atoms.enumerated() where candidate.element == atom.element {
                    if cubic.cell.periodicDistance(candidate.fractional, image) < 0.02 { covered[other] = true }
                }
            }
        }
        #expect(unique.count == 5)  // Zn, N, and the three ring and methyl carbons

        var text = "data_zif8_asymmetric_unit\n_symmetry_space_group_name_H-M 'I -4 3 m'\n_symmetry_Int_Tables_number 217\n"
        text += String(format: "_cell_length_a %.5f\n_cell_length_b %.5f\n_cell_length_c %.5f\n", cubic.cell.a, cubic.cell.b, cubic.cell.c)
        text += "_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\nloop_\n_space_group_symop_operation_xyz\n"
        text += Self.operations.map { "'\($0)'" }.joined(separator: "\n") + "\n"
        text += "loop_\n_atom_site_label\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\n"
        for (index, atom) in unique.enumerated() {
            text += String(format: "%@%d %@ %.5f %.5f %.5f\n", atom.element, index + 1, atom.element, atom.fractional.x, atom.fractional.y, atom.fractional.z)
        }

        let expanded = try CIFStructureReader.read(text)
        #expect(expanded.sitesRead == unique.count)
        #expect(expanded.symmetryOperationCount == 48)
        #expect(expanded.atoms.count == 156)
        #expect(expanded.formula == "C96N48Zn12")

        let radii = try RadiiSet.shipped("zeopp")
        let fromP1 = try Pores.analyze(primitive, file: "p1", radii: radii)
        let fromUnique = try Pores.analyze(expanded, file: "unique", radii: radii)
        #expect(abs(fromP1.largestCavityDiameter - fromUnique.largestCavityDiameter) < 0.02)
        #expect(abs(fromP1.poreLimitingDiameter - fromUnique.poreLimitingDiameter) < 0.02)
    }
}
