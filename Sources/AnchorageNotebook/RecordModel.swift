import AnchorageCore
import Crypto
import Foundation

/// What a record keeps of a recipe as planned: its text, the computed amounts, the steps, and what was checked.
public struct PlannedRecord: Sendable, Hashable {
    public var recipeID: String
    public var title: String
    public var route: String?
    public var host: String?
    /// The file name the recipe was read from (informative; the text and its hash are what count).
    public var recipeFileName: String?
    /// The recipe's YAML text, line ends normalized to LF as XML itself normalizes them.
    public private(set) var recipeText: String
    /// SHA-256 (lower-case hex) of `recipeText`'s UTF-8 bytes.
    public private(set) var recipeSHA256: String
    public var reagents: [PlannedReagent]
    public var steps: [PlannedStep]
    public var diagnostics: [PlanningDiagnostic]
    public var fitVerdicts: [PlannedFitVerdict]

    public init(
        recipeID: String, title: String, route: String? = nil, host: String? = nil, recipeFileName: String? = nil,
        recipeText: String, reagents: [PlannedReagent] = [], steps: [PlannedStep] = [],
        diagnostics: [PlanningDiagnostic] = [], fitVerdicts: [PlannedFitVerdict] = []
    ) {
        self.recipeID = recipeID
        self.title = title
        self.route = route
        self.host = host
        self.recipeFileName = recipeFileName
        self.recipeText = PlannedRecord.normalizedLineEnds(recipeText)
        self.recipeSHA256 = sha256Hex(Array(self.recipeText.utf8))
        self.reagents = reagents
        self.steps = steps
        self.diagnostics = diagnostics
        self.fitVerdicts = fitVerdicts
    }

    /// Rebuilds a plan read from a record, keeping the hash the record carries (verify compares it to the text).
    init(read recipeText: String, sha256: String, copying plan: PlannedRecord) {
        self = plan
        self.recipeText = recipeText
        self.recipeSHA256 = sha256
    }

    /// CR LF and lone CR become LF: an XML parser does the same to the CDATA, so the hash survives a reading.
    public static func normalizedLineEnds(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

public struct PlannedReagent: Sendable, Hashable {
    public var id: String
    public var name: String
    public var formula: String?
    public var role: String?
    /// g/mol, from the formula: what the amounts were computed with.
    public var molarMass: Double?
    public var massGrams: Double?
    public var amountMillimoles: Double?
    public var volumeMillilitres: Double?

    public init(
        id: String, name: String, formula: String? = nil, role: String? = nil, molarMass: Double? = nil,
        massGrams: Double? = nil, amountMillimoles: Double? = nil, volumeMillilitres: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.formula = formula
        self.role = role
        self.molarMass = molarMass
        self.massGrams = massGrams
        self.amountMillimoles = amountMillimoles
        self.volumeMillilitres = volumeMillilitres
    }
}

public struct PlannedStep: Sendable, Hashable {
    public var number: Int
    public var kind: String
    public var description: String?
    public var parameters: [PlannedParameter]
    /// Ids of the reagents the step uses; each must name a reagent of the same record.
    public var reagentRefs: [String]

    public init(
        number: Int, kind: String, description: String? = nil, parameters: [PlannedParameter] = [],
        reagentRefs: [String] = []
    ) {
        self.number = number
        self.kind = kind
        self.description = description
        self.parameters = parameters
        self.reagentRefs = reagentRefs
    }
}

public struct PlannedParameter: Sendable, Hashable {
    public var name: String
    public var value: String
    public var unit: String?

    public init(name: String, value: String, unit: String? = nil) {
        self.name = name
        self.value = value
        self.unit = unit
    }
}

/// A finding from planning time, kept with its rule id and where in the recipe it was.
public struct PlanningDiagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, CaseIterable { case error, warning, unknown, note }
    public var severity: Severity
    public var ruleID: String
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(
        severity: Severity, ruleID: String, message: String, file: String? = nil, line: Int? = nil, column: Int? = nil
    ) {
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A precursor × framework size verdict from planning time.
public struct PlannedFitVerdict: Sendable, Hashable {
    public var precursor: String
    public var framework: String
    public var mode: String
    public var summary: String

    public init(precursor: String, framework: String, mode: String, summary: String) {
        self.precursor = precursor
        self.framework = framework
        self.mode = mode
        self.summary = summary
    }
}

// MARK: - Observations and audit

public enum StepStatus: String, Sendable, Hashable, CaseIterable {
    case planned
    case inProgress = "in-progress"
    case done, skipped, failed
}

public enum QuantityKind: String, Sendable, Hashable, CaseIterable {
    case mass, volume, amount, temperature, duration, pressure

    /// The units the notebook format accepts for this kind (schemas/notebook.xsd, type Unit).
    public var units: [String] {
        switch self {
        case .mass: ["kg", "g", "mg", "µg"]
        case .volume: ["L", "mL", "µL"]
        case .amount: ["mol", "mmol", "µmol", "nmol"]
        case .temperature: ["°C", "K"]
        case .duration: ["s", "min", "h", "d"]
        case .pressure: ["Pa", "kPa", "MPa", "bar", "mbar", "Torr", "mTorr", "atm"]
        }
    }

    var dimension: AnchorageCore.Dimension {
        switch self {
        case .mass: .mass
        case .volume: .volume
        case .amount: .amount
        case .temperature: .temperature
        case .duration: .duration
        case .pressure: .pressure
        }
    }
}

/// A quantity as the chemist read it off the balance, the pipette, the thermometer or the clock.
public struct ObservedQuantity: Sendable, Hashable {
    public var kind: QuantityKind
    /// The decimal number as written (no binary rounding: 1.702 stays 1.702).
    public var value: String
    public var unit: String
    public var reagent: String?

    public init(kind: QuantityKind, value: String, unit: String, reagent: String? = nil) {
        self.kind = kind
        self.value = value
        self.unit = unit
        self.reagent = reagent
    }

    /// Reads "1.702g", "1.702 g", "25 °C", "2 h" for `kind` (with the recipe loader's units and messages);
    /// the number is kept as written.
    public init(parsing text: String, kind: QuantityKind, reagent: String? = nil) throws(NotebookError) {
        switch QuantityParser.parse(text, expecting: [kind.dimension]) {
        case .failure(let error):
            throw .invalidValue(field: kind.rawValue, message: error.message + (error.hint.map { " (\($0))" } ?? ""))
        case .success(let quantity):
            guard kind.units.contains(quantity.unit.symbol) else {
                throw .invalidValue(
                    field: kind.rawValue,
                    message: "'\(text)': the notebook takes a \(kind.rawValue) in " + kind.units.joined(separator: ", "))
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let written = String(trimmed.prefix { "0123456789.+-".contains($0) })
            let asWritten = ObservedQuantity.decimalText(written).flatMap { Double($0) == quantity.magnitude ? $0 : nil }
            let value = asWritten ?? DecimalText(quantity.magnitude)?.text ?? "0"
            self.init(kind: kind, value: value, unit: quantity.unit.symbol, reagent: reagent)
        }
    }

    /// The number in xs:decimal form, or nil when `text` is not a plain decimal number.
    static func decimalText(_ text: String) -> String? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            parts.contains(where: { !$0.isEmpty })
        else { return nil }
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        return parts.count == 2 && !parts[1].isEmpty ? "\(sign)\(whole).\(parts[1])" : "\(sign)\(whole)"
    }
}

/// What was observed at one step in one notebook entry.
public struct StepObservation: Sendable, Hashable {
    public var step: Int
    public var status: StepStatus
    public var started: Date?
    public var finished: Date?
    public var quantities: [ObservedQuantity]
    public var notes: [String]
    /// The offsets from UTC (seconds) of the clocks `started` and `finished` were read on, when given as local
    /// times (format 1.1); nil for a time given in UTC.
    public var startedOffset: Int?
    public var finishedOffset: Int?

    public init(
        step: Int, status: StepStatus = .done, started: Date? = nil, finished: Date? = nil,
        quantities: [ObservedQuantity] = [], notes: [String] = [], startedOffset: Int? = nil, finishedOffset: Int? = nil
    ) {
        self.step = step
        self.status = status
        self.started = started
        self.finished = finished
        self.quantities = quantities
        self.notes = notes
        self.startedOffset = startedOffset
        self.finishedOffset = finishedOffset
    }
}

public enum AuditAction: String, Sendable, Hashable, CaseIterable { case created, observed, amended, signed }

public struct AuditEntry: Sendable, Hashable {
    public var time: Date
    public var author: String
    public var action: AuditAction
    public var reason: String?

    public init(time: Date, author: String, action: AuditAction, reason: String? = nil) {
        self.time = time
        self.author = author
        self.action = action
        self.reason = reason
    }
}

/// The program that wrote an entry.
public struct SoftwareIdentity: Sendable, Hashable {
    public var name: String
    public var version: String
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

// MARK: - Entries

/// Where an entry sits in the notebook's hash chain.
public struct ChainLink: Sendable, Hashable {
    public var sequence: Int
    /// SHA-256 of the previous entry's file; nil for the first entry.
    public var previous: String?
    public init(sequence: Int, previous: String?) {
        self.sequence = sequence
        self.previous = previous
    }
}

/// One synthesis run as planned, with a place for each step's observation.
public struct RecordEntry: Sendable, Hashable {
    public var id: String
    public var chain: ChainLink
    public var created: Date
    public var operatorName: String
    public var software: SoftwareIdentity
    public var plan: PlannedRecord
    public var observations: [StepObservation]
    public var audit: [AuditEntry]
}

/// Observations (or a correction, or a signature) added later to one record.
public struct AmendmentEntry: Sendable, Hashable {
    public var id: String
    public var recordID: String
    public var chain: ChainLink
    public var created: Date
    public var operatorName: String
    public var software: SoftwareIdentity
    public var observations: [StepObservation]
    public var audit: [AuditEntry]
    /// Characterisation results (format 1.1).
    public var results: RunResults? = nil
    /// An ed25519 signature (format 1.1; absent in earlier entries, which are read as before).
    public var signature: EntrySignature? = nil
}

public enum NotebookEntry: Sendable, Hashable {
    case record(RecordEntry)
    case amendment(AmendmentEntry)

    public var id: String {
        switch self {
        case .record(let record): record.id
        case .amendment(let amendment): amendment.id
        }
    }

    public var chain: ChainLink {
        switch self {
        case .record(let record): record.chain
        case .amendment(let amendment): amendment.chain
        }
    }

    /// The record this entry belongs to (itself for a record).
    public var recordID: String {
        switch self {
        case .record(let record): record.id
        case .amendment(let amendment): amendment.recordID
        }
    }

    public var audit: [AuditEntry] {
        switch self {
        case .record(let record): record.audit
        case .amendment(let amendment): amendment.audit
        }
    }
}

func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}

/// Entry ids are `NB-` and the entry's position in the chain, at least four digits.
public enum EntryID {
    public static func make(sequence: Int) -> String {
        let digits = String(sequence)
        return "NB-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The position an id names, only for the canonical spelling `make(sequence:)` gives (`NB-0003`, not
    /// `NB-00003` nor `NB-0000`): any other name is not an entry.
    public static func sequence(of id: String) -> Int? {
        guard id.hasPrefix("NB-") else { return nil }
        let digits = id.dropFirst(3)
        guard digits.count >= 4, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let sequence = Int(digits), sequence >= 1, make(sequence: sequence) == id
        else { return nil }
        return sequence
    }
}
