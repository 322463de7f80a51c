import AnchorageCore

/// Everything a protocol template shows, as ready-to-print text. Templates read it by property name; the renderer
/// escapes every string for the output format, so nothing here is markup.
public struct ProtocolDocument: Sendable {
    public struct Finding: Sendable {
        public var severity: String
        public var ruleID: String
        public var message: String
        public var location: String
        public var notes: [String]
    }

    public struct HazardLine: Sendable {
        public var code: String
        public var statement: String?
    }

    /// A run of a chemical formula: subscripts (atom counts) apart from the rest, so HTML can print them lowered.
    public struct FormulaPart: Sendable {
        public var text: String
        public var sub: Bool
    }

    public struct ReagentRow: Sendable {
        public var id: String
        public var name: String
        public var formula: String
        public var formulaParts: [FormulaPart]
        public var cas: String
        public var role: String
        public var mass: String
        public var moles: String
        public var volume: String
        public var ratio: String
        public var hazards: [HazardLine]
        /// The codes alone, for a table cell ("—" when none).
        public var hazardCodes: String
        public var hazardNote: String?
    }

    /// One hazard statement of a group, with the reagents that carry it.
    public struct GroupStatement: Sendable {
        public var code: String
        public var statement: String?
        public var reagents: String
    }

    public struct Control: Sendable {
        public var label: String
        public var text: String
    }

    /// A hazard group of the safety panel (carcinogens, acutely toxic, sensitisers, …): the reagents in it, their
    /// statements, pictograms and signal word, and the controls the group calls for.
    public struct HazardGroup: Sendable {
        public var id: String
        public var title: String
        public var short: String
        /// Whether the first page names the group's reagents (CMR, acutely toxic, sensitisers, pyrophorics, water-reactives).
        public var named: Bool
        public var signalWord: String?
        public var pictograms: [Pictogram]
        public var reagents: String
        public var statements: [GroupStatement]
        public var controls: [Control]
        /// The precautionary statements' codes, "P201 P202 P280"; their wording is in the legend, once.
        public var precautionary: String
        public var source: String
        public var hasPrecautionary = false
    }

    /// One kind of control (where to work, gloves, eyes, respirator, waste) for the whole recipe: each distinct
    /// instruction once, with the hazard groups that call for it.
    public struct ControlRow: Sendable {
        public var label: String
        public var entries: [ControlEntry]
    }

    public struct ControlEntry: Sendable {
        public var groups: String
        public var text: String
    }

    public struct Pictogram: Sendable {
        /// GHS01 … GHS09.
        public var id: String
        public var name: String
    }

    /// The first-page summary: what is made, how much, how long it takes, how dangerous it is.
    public struct Glance: Sendable {
        public var what: String
        public var howMuch: String
        public var howLong: String
        public var howDangerous: String
    }

    public struct Ratio: Sendable {
        public var names: String
        public var values: String
        public var against: String
    }

    public struct SafetyItem: Sendable {
        public var title: String
        public var detail: String
        public var raisedBy: String
    }

    public struct Blank: Sendable {
        public var label: String
        public var unit: String
        /// What was recorded for it, with its unit ("1.702 g"); nil leaves the line to fill in by hand.
        public var value: String? = nil
    }

    /// The notebook record a protocol is filled in from.
    public struct RecordHeader: Sendable {
        public var id: String
        public var operatorName: String
        public var created: String
    }

    public struct ProgrammePlot: Sendable {
        public var width: Int
        public var height: Int
        public var left: Int
        public var right: Int
        public var top: Int
        public var bottom: Int
        /// SVG path data (numbers and the letters M and L only) for heating and holding, and for cooling.
        public var heatingPath: String
        public var coolingPath: String
        public var xTicks: [Tick]
        public var yTicks: [Tick]
        public var caption: String
        /// Where the temperature labels end (left of the axis) and where the time labels sit (under it).
        public var temperatureLabelX: Int
        public var timeLabelY: Int
    }

    public struct Tick: Sendable {
        public var position: Int
        public var label: String
    }

    public struct Programme: Sendable {
        public var segments: [String]
        public var summary: String
        public var plot: ProgrammePlot?
    }

    public struct StepBlock: Sendable {
        public var number: Int
        public var kind: String
        public var instruction: String
        public var quantities: [String]
        public var conditions: [String]
        public var duration: String?
        public var note: String?
        public var programme: Programme?
        public var blanks: [Blank]
        public var overnight: Bool
        // Stored, not computed: templates read properties by reflection, which sees stored ones only.
        public var hasQuantities = false
        public var conditionSummary: String?
        // Filled from a record (BenchRecord); a protocol with no record leaves them empty.
        public var done = false
        public var started: String?
        public var finished: String?
        /// What was recorded at the step that no blank takes ("temperature 22 °C", "note: …", "status: skipped").
        public var alsoObserved: [String] = []
        public var hasAlsoObserved = false
    }

    public struct TimelineRow: Sendable {
        public var step: Int
        public var what: String
        public var duration: String
        public var start: String
        public var end: String
        public var overnight: Bool
    }

    public struct Check: Sendable {
        public var technique: String
        public var lookFor: String
        public var source: String
    }

    public var title: String
    public var recipeID: String
    public var target: String
    public var route: String
    public var host: String?
    public var source: String?
    public var sourceNote: String?
    public var file: String
    public var sha256: String
    public var date: String
    public var version: String
    public var paper: String
    /// The CSS page size keyword for the paper.
    public var pageSize: String
    public var scale: String?
    public var errors: [Finding]
    public var hasErrors: Bool
    public var scalingWarnings: [String]
    public var reagents: [ReagentRow]
    public var ratio: Ratio?
    public var metalRatio: Ratio?
    public var equipment: [String]
    public var safety: [SafetyItem]
    /// The reagents' hazards grouped by class, each group once, with its controls.
    public var hazardGroups: [HazardGroup] = []
    /// Statements of the reagents that no group takes (harmful if swallowed, irritant, …), each code once.
    public var otherHazards: [GroupStatement] = []
    /// Reagents with no classification from the catalog, or one not checked against a published classification.
    public var hazardCaveat: String?
    /// The strongest signal word of all reagents, and every pictogram they carry.
    public var signalWord: String?
    public var pictograms: [Pictogram] = []
    /// The controls of all groups, by kind, each instruction once.
    public var controls: [ControlRow] = []
    /// The wording of every precautionary statement the groups name, each once.
    public var precautionaryLegend: [String] = []
    /// The full references of the safety panel's sources, each once.
    public var safetySources: [String] = []
    public var glance: Glance?
    /// The running header of every printed page (the title), as the body of a CSS string (every character but
    /// letters, digits and spaces written as a CSS escape, so it is safe in a style sheet and unchanged by HTML escaping).
    public var runningHeaderCSS = ""
    /// The recipe id and date for the other side of the running header, escaped the same way.
    public var runningHeaderRightCSS = ""
    public var steps: [StepBlock]
    public var totalTime: String
    public var untimedSteps: String?
    public var timeline: [TimelineRow]
    public var overnight: [String]
    public var product: String
    /// The characterisation plan.
    public var checks: [Check]
    /// The theoretical loading of each target metal the recipe implies, for the ICP-OES/AAS line.
    public var loading: [String] = []
    public var warnings: [Finding]
    public var hasWarnings: Bool
    public var notes: String?
    /// The record whose observed values fill the blanks; nil for a protocol to print and fill in by hand.
    public var record: RecordHeader?

    // Stored, not computed: templates read properties by reflection, which sees stored ones only.
    public var hasScalingWarnings = false
    public var hasHazardGroups = false
    public var hasOtherHazards = false
    public var hasLoading = false
    public var overnightSummary: String?
}
