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

    public struct ReagentRow: Sendable {
        public var id: String
        public var name: String
        public var formula: String
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
    public var steps: [StepBlock]
    public var totalTime: String
    public var untimedSteps: String?
    public var timeline: [TimelineRow]
    public var overnight: [String]
    public var product: String
    public var checks: [Check]
    public var warnings: [Finding]
    public var hasWarnings: Bool
    public var notes: String?

    // Stored, not computed: templates read properties by reflection, which sees stored ones only.
    public var hasScalingWarnings = false
    public var overnightSummary: String?
}
