import AnchorageCore

/// A run of the recipe as recorded at the bench (a notebook record): what the protocol writes into its blanks.
/// The caller builds it from the record; the protocol only reads it, so rendering needs nothing of the notebook.
public struct BenchRecord: Sendable {
    /// A quantity read at the bench, as written.
    public struct Quantity: Sendable {
        public enum Kind: String, Sendable { case mass, volume, amount, temperature, duration, pressure }
        public var kind: Kind
        /// The number and its unit as recorded: "1.702 g".
        public var text: String
        /// The reagent it is of, when one was named.
        public var reagent: String?

        public init(kind: Kind, text: String, reagent: String? = nil) {
            self.kind = kind
            self.text = text
            self.reagent = reagent
        }
    }

    /// What a step has: its latest status, start and finish, the value in force of each quantity, and every note.
    public struct Step: Sendable {
        /// planned, in-progress, done, skipped or failed.
        public var status: String
        public var started: String?
        public var finished: String?
        /// One per kind of quantity and reagent: the latest given, in the order first given.
        public var quantities: [Quantity]
        public var notes: [String]

        public init(status: String, started: String? = nil, finished: String? = nil, quantities: [Quantity] = [], notes: [String] = []) {
            self.status = status
            self.started = started
            self.finished = finished
            self.quantities = quantities
            self.notes = notes
        }
    }

    public var id: String
    public var operatorName: String
    /// When the run was planned, as the record gives it.
    public var created: String
    /// By step number; a step with nothing observed is absent.
    public var steps: [Int: Step]

    public init(id: String, operatorName: String, created: String, steps: [Int: Step]) {
        self.id = id
        self.operatorName = operatorName
        self.created = created
        self.steps = steps
    }
}

extension StepWording {
    /// Writes what `observed` holds into the blanks that measure it. A quantity or note no blank takes is listed
    /// beside them, so nothing recorded is left out of the sheet.
    static func fill(
        _ block: inout ProtocolDocument.StepBlock, blanks: [StepWords.Blank], observed: BenchRecord.Step, name: (String) -> String
    ) {
        var remaining = observed.quantities
        var notesTaken = observed.notes.isEmpty
        func take(_ matches: (BenchRecord.Quantity) -> Bool, all: Bool = false) -> String? {
            var taken: [String] = []
            while let index = remaining.firstIndex(where: matches) {
                taken.append(remaining.remove(at: index).text)
                if !all { break }
            }
            return taken.isEmpty ? nil : taken.joined(separator: ", ")
        }
        for (index, blank) in blanks.enumerated() where index < block.blanks.count {
            let value: String?
            switch blank.measures {
            case .reagent(let id): value = take({ $0.reagent == id }, all: true)
            case .temperature: value = take { $0.kind == .temperature && $0.reagent == nil }
            case .solidMass: value = take { $0.kind == .mass && $0.reagent == nil }
            case .duration: value = take { $0.kind == .duration && $0.reagent == nil }
            case .pressure: value = take { $0.kind == .pressure && $0.reagent == nil }
            case .appearance:
                value = notesTaken ? nil : observed.notes.joined(separator: "; ")
                notesTaken = true
            case nil: value = nil
            }
            block.blanks[index].value = value
        }
        var also: [String] = []
        if !["planned", "done"].contains(observed.status) { also.append("status: \(observed.status)") }
        also += remaining.map { "\($0.kind.rawValue) \($0.text)" + ($0.reagent.map { " (\(name($0)))" } ?? "") }
        if !notesTaken { also += observed.notes.map { "note: \($0)" } }
        block.done = observed.status == "done"
        block.started = observed.started
        block.finished = observed.finished
        block.alsoObserved = also
        block.hasAlsoObserved = !also.isEmpty
    }
}
