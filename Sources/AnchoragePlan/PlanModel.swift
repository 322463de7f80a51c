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

    public init(
        metals: [String], site: SiteType, host: String? = nil, support: String? = nil, precursor: String? = nil, batchGrams: Double = 1
    ) {
        self.metals = metals
        self.site = site
        self.host = host
        self.support = support
        self.precursor = precursor
        self.batchGrams = batchGrams
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
    /// For an unknown: the datum that would settle it, and where it goes.
    public var settle: String?

    public init(
        _ severity: Severity, source: String, _ message: String, notes: [String] = [], references: [String] = [], settle: String? = nil
    ) {
        self.severity = severity
        self.source = source
        self.message = message
        self.notes = notes
        self.references = references
        self.settle = settle
    }

    /// A gap in what is on record about the precursor itself (its volatility, its size): a precedent made with another
    /// precursor does not settle it.
    var concernsThePrecursor: Bool { severity == .unknown && (source == "catalog" || source == "fit") }
}

/// One way to carry out a route: a host and the precursor(s), the draft recipe and what the rules and the fit said of it.
public struct PlanCandidate: Sendable, Codable {
    public var route: Route
    public var host: String?
    public var precursors: [String]
    /// The catalog class of each precursor (a tie-breaker: the class of the route's worked recipe first).
    public var precursorClasses: [String]
    /// How much is known: precedent, rules hold, unknown, not feasible.
    public var grade: EvidenceGrade
    /// Published syntheses of the metal by this route on this host or its family (`precedents.yaml`).
    public var precedents: [PrecedentMatch]
    /// Findings of the rules on the draft, and the fit and catalog reasons: errors, warnings, unknowns and notes.
    public var reasons: [PlanReason]
    /// What data would move the candidate up a grade.
    public var toMoveUp: [String]
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
        case route, host, precursors, grade, precedents, reasons, conditions, draft
        case toMoveUp = "to_move_up"
        case precursorClasses = "precursor_classes"
        case checksHeld = "checks_held"
        case maximumIsolatedLoading = "maximum_isolated_loading"
        case literatureSupport = "literature_support"
        case hostSupport = "host_support"
    }
}

/// A route family for the target: its grade (that of its best candidate), why, and the other hosts that work.
public struct RoutePlan: Sendable, Codable {
    public var route: Route
    public var title: String
    public var grade: EvidenceGrade
    /// The route's idea, from the chemistry data, with its source.
    public var summary: String?
    public var summaryReferences: [String]
    public var literatureSupport: Int
    public var best: PlanCandidate?
    /// Further candidates, best first, one per host.
    public var alternatives: [PlanCandidate]
    /// Candidates that could not be drafted, and why (a formula or a precursor the catalogs lack).
    public var notDrafted: [PlanReason]
    /// What data would move the route up a grade.
    public var toMoveUp: [String]

    enum CodingKeys: String, CodingKey {
        case route, title, grade, summary, best, alternatives
        case toMoveUp = "to_move_up"
        case summaryReferences = "summary_references"
        case literatureSupport = "literature_support"
        case notDrafted = "not_drafted"
    }
}

/// Every route family for a target, ranked by evidence grade, then by how well the literature on record supports it.
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
