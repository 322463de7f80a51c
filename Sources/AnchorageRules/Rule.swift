import AnchorageCore

/// The family a rule belongs to; its prefix is the first part of the rule's id.
public enum RuleFamily: String, Sendable, Codable, CaseIterable {
    case format = "FMT"
    case units = "UNIT"
    case chemistry = "CHEM"
    case references = "REF"
    case linkerAnchoring = "LINK"
    case nodeExchange = "NODE"
    case sim = "SIM"
    case aim = "AIM"
    case poreConfinement = "CONF"
    case mixedMetal = "MIX"
    case lab = "LAB"

    public var title: String {
        switch self {
        case .format: "recipe format"
        case .units: "units and quantities"
        case .chemistry: "chemicals and amounts"
        case .references: "references between steps and reagents"
        case .linkerAnchoring: "linker anchoring"
        case .nodeExchange: "metal-node exchange"
        case .sim: "solvothermal deposition in MOFs (SIM)"
        case .aim: "atomic layer deposition in MOFs (AIM)"
        case .poreConfinement: "pore confinement"
        case .mixedMetal: "mixed-metal ZIF pyrolysis"
        case .lab: "general lab safety and practice"
        }
    }
}

/// A recipe snippet that shows a rule at work. In a triggering example, `↓` marks the column where the finding must land.
public struct RuleExample: Sendable {
    public var text: String
    public var file: String
    public var line: Int

    public init(_ text: String, file: String = #filePath, line: Int = #line) {
        self.text = text
        self.file = file
        self.line = line
    }

    public static let marker: Character = "↓"

    /// The text without the marker, and the 1-based line and column the marker pointed at.
    public var unmarked: (text: String, marker: (line: Int, column: Int)?) {
        var lineNumber = 1
        var column = 1
        var marker: (Int, Int)?
        var output = ""
        for character in text {
            if character == Self.marker {
                marker = (lineNumber, column)
                continue
            }
            output.append(character)
            if character == "\n" {
                lineNumber += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (output, marker)
    }
}

/// Why a rule's findings carry the severity they do (docs/rules.md, "Severity policy"). A guard test holds every rule's
/// declared severity to its basis.
public enum SeverityBasis: Sendable, Hashable {
    /// The chemistry or physics rules the outcome out, as the cited work reports: an error.
    case ruledOut(citation: String)
    /// A risk the cited work reports, or a limit crossed by a margin its data supports: a warning.
    case publishedRisk(citation: String)
    /// The recipe cannot be read as written, or contradicts itself (its format, units, amounts or references): an error,
    /// whatever the chemistry.
    case recipeDefect
    /// A likely slip in writing the recipe (an unused reagent, a formula that differs from the catalog's): a warning.
    case writingSlip
    /// Worth knowing, nothing wrong: a note.
    case information
    /// The check cannot run without a datum that is not on record; the finding names it and where to add it: unknown.
    case missingData

    /// The severity this basis gives.
    public var severity: Severity {
        switch self {
        case .ruledOut, .recipeDefect: .error
        case .publishedRisk, .writingSlip: .warning
        case .information: .note
        case .missingData: .unknown
        }
    }

    /// The citation id the basis rests on, for the two kinds that need one.
    public var citation: String? {
        switch self {
        case .ruledOut(let citation), .publishedRisk(let citation): citation
        default: nil
        }
    }

    /// One phrase, for `anchorage rules` and `anchorage explain`.
    public var label: String {
        switch self {
        case .ruledOut: "ruled out"
        case .publishedRisk: "published risk"
        case .recipeDefect: "recipe defect"
        case .writingSlip: "writing slip"
        case .information: "information"
        case .missingData: "missing data"
        }
    }
}

/// Everything that documents a rule, and the examples that test it: `anchorage rules`, `anchorage explain` and the tests
/// all read this one value.
public struct RuleDescription: Sendable {
    public var id: String
    public var name: String
    public var family: RuleFamily
    public var severity: Severity
    /// Why the rule's findings carry its severity; the guard test holds the two together.
    public var basis: SeverityBasis
    public var summary: String
    public var rationale: String
    /// Citation ids, resolved in the citation data.
    public var references: [String]
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
    /// Recipes on which the check cannot run for want of a datum: the rule must say so (severity unknown) at the marker.
    public var unknown: [RuleExample]

    public init(
        id: String, name: String, family: RuleFamily, severity: Severity, basis: SeverityBasis, summary: String, rationale: String,
        references: [String] = [], triggering: [RuleExample], nonTriggering: [RuleExample], unknown: [RuleExample] = []
    ) {
        self.id = id
        self.name = name
        self.family = family
        self.severity = severity
        self.basis = basis
        self.summary = summary
        self.rationale = rationale
        self.references = references
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.unknown = unknown
    }
}

/// A check over a loaded and resolved recipe. One type per file; its messages at the bottom of its file.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    func check(_ context: RuleContext) -> [Diagnostic]
}

extension Rule {
    public var id: String { Self.description.id }

    /// A finding of this rule at its default severity.
    public func finding(_ message: String, at location: SourceLocation, notes: [DiagnosticNote] = []) -> Diagnostic {
        Diagnostic(Self.description.severity, Self.description.id, message, at: location, notes: notes)
    }

    public func finding(_ severity: Severity, _ message: String, at location: SourceLocation, notes: [DiagnosticNote] = []) -> Diagnostic {
        Diagnostic(severity, Self.description.id, message, at: location, notes: notes)
    }

    /// A check that could not run (severity unknown, whatever the rule's own severity): the datum that is missing and
    /// where to add it. Rules that lack the same datum say the same words, so the report groups them into one line.
    public func notChecked(_ missing: MissingDatum, notes: [DiagnosticNote] = []) -> Diagnostic {
        Diagnostic(
            .unknown, Self.description.id, "\(missing.datum) is not on record: add \(missing.place)", at: missing.location, notes: notes)
    }
}

/// What a rule sees: the recipe as written, as resolved, and the knowledge it is checked against.
public struct RuleContext: Sendable {
    public var recipe: Recipe
    public var resolved: ResolvedRecipe
    public var knowledge: Knowledge
    /// The target-metal precursors of a pore-confinement recipe with their fit verdicts, worked out once.
    public private(set) var confinedPrecursors: [ConfinedPrecursor] = []

    public init(recipe: Recipe, resolved: ResolvedRecipe, knowledge: Knowledge) {
        self.recipe = recipe
        self.resolved = resolved
        self.knowledge = knowledge
        self.confinedPrecursors = findConfinedPrecursors()
    }
}
