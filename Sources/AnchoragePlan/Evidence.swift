import AnchorageCore
import AnchorageRules
import Foundation

/// A published synthesis (`precedents.yaml`): a metal made as single atoms (or pairs) by a route on a host.
public struct Precedent: Sendable, Codable, Hashable {
    public var id: String
    public var metals: [String]
    public var site: String
    public var route: String
    public var host: String
    public var hostAlso: [String]?
    public var precursor: String
    /// Catalog names or formulas that are the paper's precursor.
    public var precursorMatch: [String]?
    public var outcome: String
    public var citation: String
    public var doi: String?
    public var doiCandidate: String?
    public var confidence: String

    enum CodingKeys: String, CodingKey {
        case id, metals, site, route, host, precursor, outcome, citation, doi, confidence
        case hostAlso = "host_also"
        case precursorMatch = "precursor_match"
        case doiCandidate = "doi_candidate"
    }

    /// The DOI as the plan prints it: confirmed, or remembered and said to be unconfirmed.
    public var doiText: String {
        if let doi { return "doi:\(doi)" }
        if let doiCandidate { return "DOI not confirmed (doi:\(doiCandidate))" }
        return "no DOI on record"
    }

    /// "First author et al. (year)" from the citation.
    public var shortCitation: String {
        let authors = citation.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
        let first = authors.split(separator: ";").first.map(String.init) ?? authors
        let year = citation.firstMatch(of: /\((\d{4})\)/).map { String($0.1) }
        let surname = first.split(separator: ",").first.map(String.init) ?? first
        if surname.hasPrefix("review-pom-admc") { return "review-pom-admc" }
        return year.map { "\(surname) et al. (\($0))" } ?? surname
    }
}

/// A volatile precursor of a metal on record (`precedents.yaml` `ald_precursors`), or the record that none was found.
public struct ALDPrecursorRecord: Sendable, Codable, Hashable {
    public var compound: String
    public var catalogID: String?
    public var vapourPressure: String?
    public var aldUse: String?
    public var coReactant: String?
    public var citation: String?
    public var doi: String?

    enum CodingKeys: String, CodingKey {
        case compound, citation, doi
        case catalogID = "catalog_id"
        case vapourPressure = "vapour_pressure"
        case aldUse = "ald_use"
        case coReactant = "co_reactant"
    }

    /// A published ALD use or a measured vapour pressure is on record.
    public var volatilityOnRecord: Bool {
        [aldUse, vapourPressure].contains { $0.map { !$0.hasPrefix("none found") } ?? false }
    }
}

/// The evidence data of the plan: published syntheses, host families, and ALD precursors per metal.
public struct EvidenceData: Sendable {
    public struct Family: Sendable, Codable, Hashable {
        public var name: String
        public var members: [String]
        public var source: String
    }

    struct File: Decodable {
        var searched: String
        var families: [Family]
        var aldPrecursors: [String: [ALDPrecursorRecord]]
        var precedents: [Precedent]

        enum CodingKeys: String, CodingKey {
            case searched, families, precedents
            case aldPrecursors = "ald_precursors"
        }
    }

    public var searched: String
    public var families: [Family]
    public var aldPrecursors: [String: [ALDPrecursorRecord]]
    public var precedents: [Precedent]

    public init(
        searched: String = "", families: [Family] = [], aldPrecursors: [String: [ALDPrecursorRecord]] = [:], precedents: [Precedent] = []
    ) {
        self.searched = searched
        self.families = families
        self.aldPrecursors = aldPrecursors
        self.precedents = precedents
    }

    public static func bundled() throws -> EvidenceData {
        let file = try BundledData.decode(File.self, from: "precedents.yaml")
        return EvidenceData(
            searched: file.searched, families: file.families, aldPrecursors: file.aldPrecursors, precedents: file.precedents)
    }

    /// Whether a precedent's host is this host, or of its family.
    func host(_ host: HostFacts, matches precedent: Precedent) -> (matches: Bool, family: String?) {
        let named = [precedent.host] + (precedent.hostAlso ?? [])
        if named.contains(where: { host.answers(to: $0) }) { return (true, nil) }
        for family in families where family.members.contains(where: { host.answers(to: $0) }) {
            if named.contains(where: { name in family.members.contains { HostFacts.normalised($0) == HostFacts.normalised(name) } }) {
                return (true, family.name)
            }
        }
        return (false, nil)
    }

    /// The precedents of these metals, this site and route (any host).
    func precedents(metals: [String], site: SiteType, route: Route) -> [Precedent] {
        precedents.filter { precedent in
            guard precedent.site == site.rawValue, precedent.route == route.rawValue else { return false }
            // A single-atom entry may list several metals, each made on its own; a pair is the two metals together.
            return site == .singleAtom ? metals.count == 1 && precedent.metals.contains(metals[0]) : Set(precedent.metals) == Set(metals)
        }
    }
}

/// How much is known about a route × host × precursor.
public enum EvidenceGrade: String, Sendable, Codable, Hashable, CaseIterable {
    /// A cited published synthesis of the metal by the route on the host or its family, and no rule against the draft.
    case precedent
    /// Every check held and nothing is missing; no published synthesis on record.
    case rulesHold = "rules-hold"
    /// A check could not run for want of a datum, or a published risk is flagged: the evidence does not settle it.
    case unknown
    /// A rule rules it out (or it does not give what was asked for).
    case notFeasible = "not-feasible"

    public var title: String {
        switch self {
        case .precedent: "precedent"
        case .rulesHold: "rules hold"
        case .unknown: "unknown"
        case .notFeasible: "not feasible"
        }
    }

    var rank: Int {
        switch self {
        case .precedent: 0
        case .rulesHold: 1
        case .unknown: 2
        case .notFeasible: 3
        }
    }
}

/// A precedent as it bears on one candidate.
public struct PrecedentMatch: Sendable, Codable, Hashable {
    public var id: String
    public var citation: String
    public var doi: String?
    public var doiCandidate: String?
    public var host: String
    public var precursor: String
    public var outcome: String
    public var confidence: String
    /// The candidate's precursor is the paper's.
    public var samePrecursor: Bool
    /// The family through which the host matches, when it is not the paper's host itself.
    public var family: String?

    enum CodingKeys: String, CodingKey {
        case id, citation, doi, host, precursor, outcome, confidence, family
        case doiCandidate = "doi_candidate"
        case samePrecursor = "same_precursor"
    }

    init(_ precedent: Precedent, samePrecursor: Bool, family: String?) {
        id = precedent.id
        citation = precedent.citation
        doi = precedent.doi
        doiCandidate = precedent.doiCandidate
        host = precedent.host
        precursor = precedent.precursor
        outcome = precedent.outcome
        confidence = precedent.confidence
        self.samePrecursor = samePrecursor
        self.family = family
    }

    public var shortCitation: String { precedent.shortCitation }
    public var doiText: String { precedent.doiText }

    var precedent: Precedent {
        Precedent(
            id: id, metals: [], site: "", route: "", host: host, precursor: precursor, outcome: outcome, citation: citation, doi: doi,
            doiCandidate: doiCandidate, confidence: confidence)
    }
}
