import Foundation

/// One atom of the full cell (after symmetry expansion).
public struct CrystalAtom: Sendable, Equatable {
    public var element: String
    public var label: String
    /// Fractional coordinates wrapped into [0, 1).
    public var fractional: SIMD3<Double>
    public var occupancy: Double
}

/// A warning about the structure read: not an error, but something the chemist should know.
public struct StructureWarning: Sendable, Equatable, Codable {
    public var code: String
    public var message: String
    public var line: Int?
}

/// A framework read from a CIF: the cell and every atom in it.
public struct CrystalStructure: Sendable {
    public var name: String
    public var cell: UnitCell
    public var atoms: [CrystalAtom]
    /// Atom sites listed in the file (before symmetry expansion).
    public var sitesRead: Int
    public var symmetryOperationCount: Int
    public var warnings: [StructureWarning]
    /// Line of the cell parameters in the file (1 when not read from a file).
    public var cellLine: Int = 1

    public init(name: String, cell: UnitCell, atoms: [CrystalAtom], sitesRead: Int, symmetryOperationCount: Int, warnings: [StructureWarning]) {
        self.name = name
        self.cell = cell
        self.atoms = atoms
        self.sitesRead = sitesRead
        self.symmetryOperationCount = symmetryOperationCount
        self.warnings = warnings
    }

    /// Hill-order formula of the cell contents, e.g. `C96H120N48Zn12`.
    public var formula: String {
        var counts: [String: Int] = [:]
        for atom in atoms { counts[atom.element, default: 0] += 1 }
        var order: [String] = []
        if counts["C"] != nil {
            order = ["C"] + (counts["H"] != nil ? ["H"] : []) + counts.keys.filter { $0 != "C" && $0 != "H" }.sorted()
        } else {
            order = counts.keys.sorted()
        }
        return order.map { counts[$0] == 1 ? $0 : "\($0)\(counts[$0] ?? 0)" }.joined()
    }

    /// The same crystal described by a larger cell whose vectors are integer combinations of these:
    /// row i of `transform` gives new vector i in terms of a, b, c.
    public func transformed(by transform: [[Int]]) -> CrystalStructure? {
        guard transform.count == 3, transform.allSatisfy({ $0.count == 3 }) else { return nil }
        let t = transform.map { $0.map(Double.init) }
        let newVectors: [SIMD3<Double>] = (0..<3).map { (i: Int) -> SIMD3<Double> in
            let x: SIMD3<Double> = cell.vectors[0] * t[i][0]
            let y: SIMD3<Double> = cell.vectors[1] * t[i][1]
            let z: SIMD3<Double> = cell.vectors[2] * t[i][2]
            return x + y + z
        }
        let rows = t.map { SIMD3<Double>($0[0], $0[1], $0[2]) }
        let det: Double = dot(rows[0], cross(rows[1], rows[2]))
        let multiplicity = Int(saturating: abs(det), rounding: .toNearestOrAwayFromZero)
        guard multiplicity >= 1, let newCell = UnitCell(vectors: newVectors) else { return nil }
        // Fractional coordinates in the new basis: solve with the Cartesian positions.
        let basis = newVectors
        let volume = dot(basis[0], cross(basis[1], basis[2]))
        let inverse = [cross(basis[1], basis[2]) / volume, cross(basis[2], basis[0]) / volume, cross(basis[0], basis[1]) / volume]
        func newFractional(_ r: SIMD3<Double>) -> SIMD3<Double> { SIMD3(dot(inverse[0], r), dot(inverse[1], r), dot(inverse[2], r)) }
        // Lattice translations that land inside the new cell: scan a box wide enough.
        let reach = t.flatMap { $0 }.map { Int(saturating: abs($0)) }.reduce(0, &+) &+ 1
        var atomsOut: [CrystalAtom] = []
        atomsOut.reserveCapacity(atoms.count * multiplicity)
        for atom in atoms {
            let base = cell.cartesian(atom.fractional)
            for i in -reach...reach { for j in -reach...reach { for k in -reach...reach {
                let r = base + cell.cartesian(SIMD3(Double(i), Double(j), Double(k)))
                let f = newFractional(r)
                let e = 1e-9
                if f.x >= -e, f.x < 1 - e, f.y >= -e, f.y < 1 - e, f.z >= -e, f.z < 1 - e {
                    var wrapped = f
                    wrapped -= wrapped.rounded(.down)
                    atomsOut.append(CrystalAtom(element: atom.element, label: atom.label, fractional: wrapped, occupancy: atom.occupancy))
                }
            } } }
        }
        guard atomsOut.count == atoms.count * multiplicity else { return nil }
        return CrystalStructure(
            name: name, cell: newCell, atoms: atomsOut, sitesRead: atomsOut.count, symmetryOperationCount: 1, warnings: warnings)
    }
}

/// Chemical element symbols, for reading elements from labels and type symbols.
enum ElementSymbols {
    static let all: Set<String> = [
        "H", "D", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca",
        "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr",
        "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd",
        "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg",
        "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm",
        "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds",
    ]

    /// The element at the start of a type symbol or label: `Zn2+` → Zn, `CL3` → Cl, `C12A` → C, `Ow1` → O.
    static func element(in text: String) -> String? {
        let letters = Array(text.prefix { $0.isLetter })
        guard let first = letters.first else { return nil }
        let one = String(first).uppercased()
        if letters.count >= 2 {
            let two = one + String(letters[1]).lowercased()
            if all.contains(two) { return two }
        }
        return all.contains(one) ? one : nil
    }
}
