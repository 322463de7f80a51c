import AnchorageCore
import Foundation

/// A lab notebook: a folder of entries (`NB-0001.xml`, … one XML file each, never rewritten), linked in one
/// SHA-256 hash chain, plus `index.tsv` (each entry's hash, so the newest one is protected too) and `.lock`.
public struct Notebook: Sendable {
    public let directory: URL
    public static let indexFileName = "index.tsv"

    public init(directory: URL) {
        self.directory = directory
    }

    /// An entry as read from its file.
    public struct StoredEntry: Sendable, Hashable {
        public var fileName: String
        public var sha256: String
        public var entry: NotebookEntry
    }

    // MARK: Writing

    /// Writes a new record of `plan` (the notebook folder is made if needed) and returns it.
    @discardableResult
    public func appendRecord(
        _ plan: PlannedRecord, operatorName: String, software: SoftwareIdentity, reason: String? = nil,
        now: Date = Date()
    ) throws(NotebookError) -> RecordEntry {
        try checkPlan(plan)
        let author = try nonEmpty(operatorName, field: "operator")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(operation: "create the notebook folder", path: directory.path, reason: "\(error)")
        }
        let time = Timestamp.wholeSeconds(now)
        let entry = try append { (chain, _) throws(NotebookError) in
            let id = EntryID.make(sequence: chain.sequence)
            return .record(RecordEntry(
                id: id, chain: chain, created: time, operatorName: author, software: software, plan: plan,
                observations: plan.steps.map { StepObservation(step: $0.number, status: .planned) },
                audit: [AuditEntry(
                    time: time, author: author, action: .created,
                    reason: reason ?? "planned from recipe \(plan.recipeID)")]))
        }
        guard case .record(let record) = entry else { throw .damagedChain("internal: a record was not written") }
        return record
    }

    /// Appends what was observed at some steps of record `recordID` (or, with no observations and `sign`, a
    /// signature). A step observed before is amended, which needs a reason. Returns the new entry.
    @discardableResult
    public func appendObservations(
        to recordID: String, observations: [StepObservation], operatorName: String, software: SoftwareIdentity,
        reason: String? = nil, sign: Bool = false, now: Date = Date()
    ) throws(NotebookError) -> AmendmentEntry {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw .notebookMissing(path: directory.path) }
        let author = try nonEmpty(operatorName, field: "operator")
        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if !sign && observations.isEmpty {
            throw .invalidValue(field: "observations", message: "nothing observed: give a step and what was seen")
        }
        let time = Timestamp.wholeSeconds(now)
        let entry = try append { (chain, stored) throws(NotebookError) in
            let history = try RecordHistory(recordID: recordID, entries: stored.map(\.entry))
            var action: AuditAction = sign ? .signed : .observed
            var seen = Set<Int>()
            for observation in observations {
                guard seen.insert(observation.step).inserted else {
                    throw .invalidValue(field: "step \(observation.step)", message: "observed twice in one amendment")
                }
                try history.check(observation)
                if let earlier = history.observations(ofStep: observation.step).last {
                    guard reason != nil else {
                        throw .amendmentNeedsReason(record: recordID, step: observation.step, earlierEntry: earlier.entryID)
                    }
                    if !sign { action = .amended }
                }
            }
            return .amendment(AmendmentEntry(
                id: EntryID.make(sequence: chain.sequence), recordID: history.record.id, chain: chain, created: time,
                operatorName: author, software: software, observations: observations,
                audit: [AuditEntry(time: time, author: author, action: action, reason: reason)]))
        }
        guard case .amendment(let amendment) = entry else { throw .damagedChain("internal: an amendment was not written") }
        return amendment
    }

    /// Under the lock: check the chain's end against the index, build the next entry, validate it, write it
    /// (never over an existing file), then bring the index up to date.
    private func append(
        _ build: (ChainLink, [StoredEntry]) throws(NotebookError) -> NotebookEntry
    ) throws(NotebookError) -> NotebookEntry {
        let lock = try NotebookLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        DurableFiles.removeLeftovers(in: directory)

        let stored = try readEntries()
        let index = readIndex()
        var indexLines = index?.lines ?? []
        let lastSequence = stored.last?.entry.chain.sequence ?? 0
        if let listed = indexLines.last, let listedSequence = EntryID.sequence(of: listed.id), listedSequence > lastSequence {
            throw .damagedChain("\(listed.id) is listed in the index but its file is missing")
        }
        for line in indexLines {
            guard let entry = stored.first(where: { $0.entry.id == line.id }) else {
                throw .damagedChain("\(line.id) is listed in the index but its file is missing")
            }
            if entry.sha256 != line.sha256 { throw .damagedChain("\(line.id) changed since it was written") }
        }
        for (position, entry) in stored.enumerated() where entry.entry.chain.sequence != position + 1 {
            throw .damagedChain("the chain has no entry \(EntryID.make(sequence: position + 1))")
        }

        let chain = ChainLink(sequence: lastSequence + 1, previous: stored.last?.sha256)
        let entry = try build(chain, stored)
        let bytes = try EntryDocument.encode(entry)
        let fileName = entry.id + ".xml"
        try DurableFiles.createNew(fileName, in: directory, bytes: bytes)

        // Entries a stopped writer left out of the index are added before the new one.
        for missing in stored where !indexLines.contains(where: { $0.id == missing.entry.id }) {
            indexLines.append(IndexLine(missing))
        }
        indexLines.append(IndexLine(StoredEntry(fileName: fileName, sha256: sha256Hex(bytes), entry: entry)))
        try DurableFiles.replace(Notebook.indexFileName, in: directory, bytes: Array(IndexLine.text(indexLines).utf8))
        return entry
    }

    private func checkPlan(_ plan: PlannedRecord) throws(NotebookError) {
        _ = try nonEmpty(plan.recipeID, field: "recipe id")
        _ = try nonEmpty(plan.title, field: "recipe title")
        for reagent in plan.reagents {
            let values = [
                ("molar mass", reagent.molarMass), ("mass", reagent.massGrams), ("amount", reagent.amountMillimoles),
                ("volume", reagent.volumeMillilitres),
            ]
            for (name, value) in values {
                if let value, !value.isFinite {
                    throw .invalidValue(field: "reagent \(reagent.id)", message: "its \(name) is not a finite number")
                }
            }
        }
    }

    private func nonEmpty(_ text: String, field: String) throws(NotebookError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidValue(field: field, message: "must not be empty") }
        return trimmed
    }

    // MARK: Reading

    /// Every entry file's name and the sequence its name gives, in chain order.
    func entryFileNames() throws(NotebookError) -> [(sequence: Int, name: String)] {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw .notebookMissing(path: directory.path) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .fileSystem(operation: "read", path: directory.path, reason: "\(error)")
        }
        return names.compactMap { name in
            guard name.hasSuffix(".xml"), let sequence = EntryID.sequence(of: String(name.dropLast(4))) else { return nil }
            return (sequence, name)
        }.sorted { $0.sequence < $1.sequence }
    }

    /// Entries hold a recipe (at most 2 MiB) and a few kilobytes more; a bigger file is not read.
    static let maximumEntryBytes = 8 * 1024 * 1024

    func readBytes(_ name: String) throws(NotebookError) -> [UInt8] {
        let path = directory.appendingPathComponent(name).path
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Notebook.maximumEntryBytes {
            throw .unreadableEntry(
                file: name, problems: [XMLProblem(line: 0, element: nil, message: "\(size) bytes: larger than any notebook entry")])
        }
        do {
            return [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
        } catch {
            throw .fileSystem(operation: "read", path: name, reason: "\(error)")
        }
    }

    /// Every entry, read and validated, in chain order; the first unreadable one stops the reading.
    public func readEntries() throws(NotebookError) -> [StoredEntry] {
        var result: [StoredEntry] = []
        for file in try entryFileNames() {
            let bytes = try readBytes(file.name)
            let entry = try EntryDocument.decode(bytes, file: file.name)
            result.append(StoredEntry(fileName: file.name, sha256: sha256Hex(bytes), entry: entry))
        }
        return result
    }

    /// The record `id` with every amendment made to it, in chain order.
    public func history(of id: String) throws(NotebookError) -> RecordHistory {
        try RecordHistory(recordID: id, entries: try readEntries().map(\.entry))
    }

    /// Every record with its amendments, in chain order.
    public func histories() throws(NotebookError) -> [RecordHistory] {
        let entries = try readEntries().map(\.entry)
        var result: [RecordHistory] = []
        for case .record(let record) in entries {
            result.append(try RecordHistory(recordID: record.id, entries: entries))
        }
        return result
    }

    // MARK: Index

    struct IndexLine: Hashable {
        var id: String
        var sha256: String
        var kind: String
        var recordID: String

        init(id: String, sha256: String, kind: String, recordID: String) {
            self.id = id
            self.sha256 = sha256
            self.kind = kind
            self.recordID = recordID
        }

        init(_ stored: StoredEntry) {
            let kind: String
            switch stored.entry {
            case .record: kind = "record"
            case .amendment: kind = "amendment"
            }
            self.init(id: stored.entry.id, sha256: stored.sha256, kind: kind, recordID: stored.entry.recordID)
        }

        static let header = "# anchorage notebook index, format 1\n# entry\tsha256 of the entry's file\tkind\trecord\n"

        static func text(_ lines: [IndexLine]) -> String {
            header + lines.map { "\($0.id)\t\($0.sha256)\t\($0.kind)\t\($0.recordID)\n" }.joined()
        }
    }

    /// The index's lines, and the numbers of lines that could not be read; nil when there is no index.
    func readIndex() -> (lines: [IndexLine], badLines: [Int])? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(Notebook.indexFileName).path)
        else { return nil }
        var lines: [IndexLine] = []
        var badLines: [Int] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, EntryID.sequence(of: fields[0]) != nil, fields[1].count == 64 else {
                badLines.append(number + 1)
                continue
            }
            lines.append(IndexLine(id: fields[0], sha256: fields[1], kind: fields[2], recordID: fields[3]))
        }
        return (lines, badLines)
    }
}

/// A record and everything later added to it.
public struct RecordHistory: Sendable, Hashable {
    public var record: RecordEntry
    public var amendments: [AmendmentEntry]

    init(recordID: String, entries: [NotebookEntry]) throws(NotebookError) {
        var found: RecordEntry?
        var amendments: [AmendmentEntry] = []
        for entry in entries {
            switch entry {
            case .record(let record) where record.id == recordID:
                found = record
            case .amendment(let amendment) where amendment.id == recordID:
                throw .notARecord(id: recordID, recordID: amendment.recordID)
            case .amendment(let amendment) where amendment.recordID == recordID:
                amendments.append(amendment)
            default:
                break
            }
        }
        guard let found else {
            throw .recordNotFound(id: recordID, known: entries.compactMap {
                if case .record(let record) = $0 { return record.id }
                return nil
            })
        }
        record = found
        self.amendments = amendments
    }

    /// The audit trail: the record's entries, then each amendment's, with the id of the entry that holds it.
    public var auditTrail: [(entryID: String, entry: AuditEntry)] {
        record.audit.map { (record.id, $0) } + amendments.flatMap { amendment in amendment.audit.map { (amendment.id, $0) } }
    }

    /// What was observed at `step`, oldest first (the planned placeholder is not an observation).
    public func observations(ofStep step: Int) -> [(entryID: String, observation: StepObservation)] {
        let inRecord = record.observations.filter { $0.step == step && $0.status != .planned }.map { (record.id, $0) }
        return inRecord + amendments.flatMap { amendment in
            amendment.observations.filter { $0.step == step }.map { (amendment.id, $0) }
        }
    }

    /// The step's latest status.
    public func status(ofStep step: Int) -> StepStatus {
        observations(ofStep: step).last?.observation.status ?? .planned
    }

    /// Whether the latest entry is a signature.
    public var isSigned: Bool { amendments.last?.audit.contains { $0.action == .signed } ?? false }

    /// Refuses an observation of a step the record does not have, or of a reagent it does not use.
    func check(_ observation: StepObservation) throws(NotebookError) {
        let steps = record.plan.steps.map(\.number)
        guard steps.contains(observation.step) else {
            throw .unknownStep(record: record.id, step: observation.step, known: steps)
        }
        let reagents = record.plan.reagents.map(\.id)
        for quantity in observation.quantities {
            if let reagent = quantity.reagent, !reagents.contains(reagent) {
                throw .unknownReagent(
                    record: record.id, step: observation.step, reagent: reagent, known: reagents,
                    suggestion: Suggestion.closest(to: reagent, among: reagents))
            }
        }
    }
}
