import AnchorageCore
import Foundation

/// The shipped rules of the safety panel (`ghs-safety.yaml`): which hazard statements make up each hazard group, the
/// controls of each group, the pictogram and signal word of each statement and the wording of the precautionary
/// statements, each with its source.
public struct SafetyKnowledge: Decodable, Sendable {
    public struct Pictogram: Decodable, Sendable {
        public var name: String
        public var codes: [String]
    }

    public struct Suppression: Decodable, Sendable {
        public var bySkull: Bool?
        public var byCorrosion: [String]?
        public var byRespiratorySensitiser: [String]?

        enum CodingKeys: String, CodingKey {
            case bySkull = "by_skull"
            case byCorrosion = "by_corrosion"
            case byRespiratorySensitiser = "by_respiratory_sensitiser"
        }
    }

    public struct Group: Decodable, Sendable {
        public var id: String
        public var title: String
        public var short: String?
        public var named: Bool?
        public var codes: [String]
        public var hood: String
        public var gloves: String
        public var eyes: String
        public var respirator: String
        public var waste: String
        public var precautionary: [String]
        public var source: SourceReferences?

        /// Whether the group takes this hazard statement: an exact code, or a prefix written with a trailing '*'.
        public func takes(_ code: String) -> Bool {
            codes.contains { $0.hasSuffix("*") ? code.hasPrefix($0.dropLast()) : $0 == code }
        }
    }

    public var pictograms: [String: Pictogram]
    public var exclamationSuppressed: Suppression?
    public var danger: [String]
    public var warning: [String]
    public var groups: [Group]
    public var precautionaryStatements: [String: String]
    public var sourceNames: [String: String]?

    enum CodingKeys: String, CodingKey {
        case pictograms, danger, warning, groups
        case sourceNames = "source_names"
        case exclamationSuppressed = "exclamation_suppressed"
        case precautionaryStatements = "precautionary_statements"
    }

    public static func bundled() throws -> SafetyKnowledge { try cache.get() }

    private static let cache: Result<SafetyKnowledge, Error> = Result {
        try BundledData.decode(SafetyKnowledge.self, from: "ghs-safety.yaml")
    }

    /// The signal word a hazard statement carries: "Danger", "Warning" or nil (none, or not listed).
    public func signalWord(_ code: String) -> String? {
        if danger.contains(code) { return "Danger" }
        if warning.contains(code) { return "Warning" }
        return nil
    }

    /// The strongest signal word of a list of statements.
    public func signalWord(of codes: [String]) -> String? {
        let words = codes.compactMap(signalWord)
        return words.contains("Danger") ? "Danger" : words.first
    }

    /// The pictograms (GHS01…GHS09, in order) a list of hazard statements calls for, after the precedence rules of
    /// CLP Article 26: no exclamation mark beside the skull, nor where it would only repeat irritation (beside
    /// corrosion) or skin sensitisation (beside a respiratory sensitiser).
    public func pictograms(for codes: [String]) -> [String] {
        var ids = Set(
            pictograms.filter { _, pictogram in codes.contains { pictogram.codes.contains($0) } }.keys)
        if ids.contains("GHS07") {
            var exclamationCodes = Set(codes.filter { pictograms["GHS07"]?.codes.contains($0) ?? false })
            if ids.contains("GHS06"), exclamationSuppressed?.bySkull == true { exclamationCodes = [] }
            if ids.contains("GHS05") {
                exclamationCodes.subtract(exclamationSuppressed?.byCorrosion ?? [])
            }
            if codes.contains("H334") {
                exclamationCodes.subtract(exclamationSuppressed?.byRespiratorySensitiser ?? [])
            }
            if exclamationCodes.isEmpty { ids.remove("GHS07") }
        }
        return ids.sorted()
    }
}

/// The shipped characterisation plan (`characterisation.yaml`): the X-ray absorption edge of each metal and the
/// measurements that tell isolated atoms from clusters, each with its source.
public struct CharacterisationKnowledge: Decodable, Sendable {
    public struct Edge: Decodable, Sendable {
        public var edge: String
        public var energy: Double?

        enum CodingKeys: String, CodingKey {
            case edge
            case energy = "energy_eV"
        }
    }

    public struct Item: Decodable, Sendable {
        public var technique: String
        public var site: SiteType?
        public var perMetal: Bool?
        public var loading: Bool?
        public var when: String?
        public var lookFor: String
        public var source: SourceReference?

        enum CodingKeys: String, CodingKey {
            case technique, site, loading, when, source
            case perMetal = "per_metal"
            case lookFor = "look_for"
        }
    }

    public var edges: [String: Edge]
    public var edgesSource: SourceReference?
    public var items: [Item]

    enum CodingKeys: String, CodingKey {
        case edges, items
        case edgesSource = "edges_source"
    }

    public static func bundled() throws -> CharacterisationKnowledge { try cache.get() }

    private static let cache: Result<CharacterisationKnowledge, Error> = Result {
        try BundledData.decode(CharacterisationKnowledge.self, from: "characterisation.yaml")
    }
}
