import AnchorageCore
import Foundation

/// Covalent radii and the tolerance that decide whether two atoms are bonded (Data/bonding-ccdc.yaml).
public struct BondingTable: Sendable, Codable {
    public var title: String
    /// A citation id.
    public var source: String
    public var note: String?
    public var tolerance: Double
    public var radii: [String: Double]

    /// Data/pore-bonding.yaml (AnchorageCore).
    public static func shipped() throws -> BondingTable { try decoded.get() }

    /// Decoded once per process: a screen of thousands of structures asks for it once per structure.
    private static let decoded = Result { try BundledData.decode(BondingTable.self, from: "pore-bonding.yaml") }

    /// Indices of atoms with no bonded neighbour; atoms whose element the table lacks are not judged.
    public func isolatedAtoms(in structure: CrystalStructure) -> [Int] {
        let known = structure.atoms.map { radii[$0.element] }
        let lattice = AtomLattice(cell: structure.cell, fractional: structure.atoms.map(\.fractional), radii: known.map { $0 ?? 0 })
        var isolated: [Int] = []
        for (index, atom) in structure.atoms.enumerated() {
            guard let own = known[index] else { continue }
            let centre = structure.cell.cartesian(atom.fractional)
            var bonded = false
            lattice.forEachImage(near: centre, reach: own + lattice.maxRadius + tolerance) { position, radius, other in
                if bonded || known[other] == nil { return }
                let distance = length(position - centre)
                if distance > 1e-6 && distance < own + radius + tolerance { bonded = true }
            }
            if !bonded { isolated.append(index) }
        }
        return isolated
    }
}
