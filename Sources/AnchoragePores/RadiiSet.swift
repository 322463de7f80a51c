import Foundation
import Yams

/// Atomic radii (Å) by element, with where they come from. Shipped sets live in Data/radii-<name>.yaml.
public struct RadiiSet: Sendable, Codable {
    public var name: String
    public var title: String
    public var source: String
    public var radii: [String: Double]

    public static let shippedNames = ["zeopp", "bondi", "uff"]

    /// A shipped set: `zeopp` (the default, Zeo++'s table), `bondi` or `uff`.
    public static func shipped(_ name: String) throws -> RadiiSet {
        guard shippedNames.contains(name), let url = Bundle.module.url(forResource: "radii-\(name)", withExtension: "yaml", subdirectory: "Data") else {
            throw RadiiError.unknownSet(name: name, known: shippedNames)
        }
        return try load(contentsOf: url)
    }

    /// A set from a YAML file of the same shape (`name`, `title`, `source`, `radii: {El: r}`).
    public static func load(contentsOf url: URL) throws -> RadiiSet {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try YAMLDecoder().decode(RadiiSet.self, from: text)
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

    public var description: String {
        switch self {
        case let .unknownSet(name, known):
            "no radii set named '\(name)' (shipped: \(known.joined(separator: ", ")))"
        case let .missingElements(set, elements):
            "the \(set) radii set has no radius for \(elements.joined(separator: ", ")); choose another set (e.g. --radii zeopp)"
        }
    }
}
