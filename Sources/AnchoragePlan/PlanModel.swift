import AnchorageCore

/// What a chemist asks for: the metal(s), the kind of site, and optionally the host, support and precursor to use.
public struct PlanRequest: Sendable, Hashable {
    public var metals: [String]
    public var site: SiteType
    public var host: String?
    public var support: String?
    public var precursor: String?
    /// Grams of host the drafts are written for.
    public var batchGrams: Double

    public init(metals: [String], site: SiteType, host: String? = nil, support: String? = nil, precursor: String? = nil, batchGrams: Double = 1) {
        self.metals = metals
        self.site = site
        self.host = host
        self.support = support
        self.precursor = precursor
        self.batchGrams = batchGrams
    }
}

/// The verdict on a route or a candidate: from the findings of the rules on its draft and from the fit.
public enum Feasibility: String, Sendable, Codable, Hashable, CaseIterable {
    case feasible
    case feasibleWithConditions = "feasible-with-conditions"
    case notFeasible = "not-feasible"

    public var title: String {
        switch self {
        case .feasible: "feasible"
        case .feasibleWithConditions: "feasible with conditions"
        case .notFeasible: "not feasible"
        }
    }

    var rank: Int {
        switch self {
        case .feasible: 0
        case .feasibleWithConditions: 1
        case .notFeasible: 2
        }
    }

    /// Errors make a candidate not feasible; warnings make it feasible with conditions.
    init(_ reasons: [PlanReason]) {
        if reasons.contains(where: { $0.severity == .error }) {
            self = .notFeasible
        } else if reasons.contains(where: { $0.severity == .warning }) {
            self = .feasibleWithConditions
        } else {
            self = .feasible
        }
    }
}

/// One reason behind a verdict: a finding of a rule on the draft (`source` is the rule id), the fit verdict (`fit`), or
/// what the catalogs and the planning data lack (`catalog`, `plan`).
public struct PlanReason: Sendable, Codable, Hashable {
    public var severity: Severity
    public var source: String
    public var message: String
    public var notes: [String]
    /// Citation ids.
    public var references: [String]

    public init(_ severity: Severity, source: String, _ message: String, notes: [String] = [], references: [String] = []) {
        self.severity = severity
        self.source = source
        self.message = message
        self.notes = notes
        self.references = references
    }
}

/// One way to carry out a route: a host and the precursor(s), the draft recipe and what the rules and the fit said of it.
public struct PlanCandidate: Sendable, Codable {
    public var route: Route
    public var host: String?
    public var precursors: [String]
    /// The catalog class of each precursor (a tie-breaker: the class of the route's worked recipe first).
    public var precursorClasses: [String]
    public var feasibility: Feasibility
    /// Findings of the rules on the draft, and the fit and catalog reasons: errors, warnings and notes.
    public var reasons: [PlanReason]
    /// The rules of the route's family that hold for the draft: why the route works.
    public var checksHeld: [PlanReason]
    /// The key conditions of the draft (temperatures, atmosphere, ratios, how the precursor goes in).
    public var conditions: [String]
    public var maximumIsolatedLoading: String?
    /// Distinct citations in the route's chemistry data that name the target metal or this precursor.
    public var literatureSupport: Int
    /// Distinct citations in the route's chemistry data that name this host (the tie-breaker).
    public var hostSupport: Int
    /// The draft recipe (YAML).
    public var draft: String

    enum CodingKeys: String, CodingKey {
        case route, host, precursors, feasibility, reasons, conditions, draft
        case precursorClasses = "precursor_classes"
        case checksHeld = "checks_held", maximumIsolatedLoading = "maximum_isolated_loading", literatureSupport = "literature_support"
        case hostSupport = "host_support"
    }
}

/// A route family for the target: its verdict (that of its best candidate), why, and the other hosts that work.
public struct RoutePlan: Sendable, Codable {
    public var route: Route
    public var title: String
    public var feasibility: Feasibility
    /// The route's idea, from the chemistry data, with its source.
    public var summary: String?
    public var summaryReferences: [String]
    public var literatureSupport: Int
    public var best: PlanCandidate?
    /// Further candidates, best first, one per host.
    public var alternatives: [PlanCandidate]
    /// Candidates that could not be drafted, and why (a formula or a precursor the catalogs lack).
    public var notDrafted: [PlanReason]

    enum CodingKeys: String, CodingKey {
        case route, title, feasibility, summary, best, alternatives
        case summaryReferences = "summary_references", literatureSupport = "literature_support", notDrafted = "not_drafted"
    }
}

/// Every route family for a target, ranked: feasible first, then by how well the literature on record supports it.
public struct Plan: Sendable, Codable {
    public var metals: [String]
    public var site: SiteType
    public var batchGrams: Double
    public var routes: [RoutePlan]

    enum CodingKeys: String, CodingKey {
        case metals, site, routes
        case batchGrams = "batch_g"
    }

    public func route(_ route: Route) -> RoutePlan? { routes.first { $0.route == route } }
}

/// A request the planner cannot answer: an unknown metal, host or precursor, or a site that does not match the metals.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
