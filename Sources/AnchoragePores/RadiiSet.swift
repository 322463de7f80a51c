import AnchorageCore
import Foundation

/// Atomic radii (Å) by element, with where they come from. The shipped sets are in Data/pore-radii.yaml (AnchorageCore).
public struct RadiiSet: Sendable, Codable {
    public var name: String
    public var title: String
    /// A citation id (citations-pores.yaml, citations-fit.yaml).
    public var source: String
    public var note: String?
    public var radii: [String: Double]

    struct File: Decodable { var sets: [RadiiSet] }

    public static let shippedNames = ["zeopp", "bondi", "uff"]

    /// A shipped set: `zeopp` (the default, Zeo++'s table), `bondi` or `uff`.
    public static func shipped(_ name: String) throws -> RadiiSet {
        let file = try shippedFile.get()
        guard let set = file.sets.first(where: { $0.name == name }) else {
            throw RadiiError.unknownSet(name: name, known: file.sets.map(\.name))
        }
        return set
    }

    /// Decoded once per process.
    private static let shippedFile = Result { try BundledData.decode(File.self, from: "pore-radii.yaml") }

    /// A lab's own set from a YAML file of the same shape as one entry of `sets:` (`name`, `title`, `source`, `radii`).
    public static func load(contentsOf url: URL) throws -> RadiiSet {
        let set = try BundledData.decode(RadiiSet.self, at: url)
        // A radius that is not a positive length an atom could have (.nan, -1, 1e300) would poison every distance.
        let largest = try InputLimits.bundled().structure.radius_max.value
        for (element, radius) in set.radii.sorted(by: { $0.key < $1.key }) where !(radius > 0 && radius <= largest) {
            throw RadiiError.unusableRadius(set: set.name, element: element, radius: radius, largest: largest)
        }
        return set
    }

    /// The radius of each atom, or an error naming every element the set lacks.
    public func radii(for atoms: [CrystalAtom]) throws(RadiiError) -> [Double] {
        var missing = Set<String>()
        let values = atoms.map { atom -> Double in
            if let r = radii[atom.element] { return r }
            missing.insert(atom.element)
            return 0
        }
        if !missing.isEmpty { throw RadiiError.missingElements(set: name, elements: missing.sorted()) }
        return values
    }
}

public enum RadiiError: Error, Sendable, CustomStringConvertible {
    case unknownSet(name: String, known: [String])
    case missingElements(set: String, elements: [String])
    case unusableRadius(set: String, element: String, radius: Double, largest: Double)

    public var description: String {
        switch self {
        case .unknownSet(let name, let known):
            "no radii set named '\(name)' (shipped: \(known.joined(separator: ", ")))"
        case .missingElements(let set, let elements):
            "the \(set) radii set has no radius for \(elements.joined(separator: ", ")); choose another set (e.g. --radii zeopp)"
        case .unusableRadius(let set, let element, let radius, let largest):
            "the \(set) radii set gives \(element) a radius of \(radius) Å: a radius is a positive length of at most \(QuantityFormat.number(largest)) Å"
        }
    }
}
