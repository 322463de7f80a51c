import AnchorageCore
import Foundation

/// A lab notebook: a folder of entries (`NB-0001.xml`, … one XML file each, never rewritten), linked in one
/// SHA-256 hash chain, plus `index.tsv` (each entry's hash, so the newest one is protected too) and `.lock`.
public struct Notebook: Sendable {
    public let directory: URL
    public static let indexFileName = "index.tsv"

    /// A write made to fail on purpose, as on a full disk (tests only).
    var writeFault: WriteFault?

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
            return .record(
                RecordEntry(
                    id: id, chain: chain, created: time, operatorName: author, software: software, plan: plan,
                    observations: plan.steps.map { StepObservation(step: $0.number, status: .planned) },
                    audit: [
                        AuditEntry(
                            time: time, author: author, action: .created,
                            reason: reason ?? "planned from recipe \(plan.recipeID)")
                    ]))
        }
        guard case .record(let record) = entry else { throw .damagedChain("internal: a record was not written") }
        return record
    }

    /// Appends what was observed at some steps of record `recordID`, or (with `signing` and no observations) a
    /// signature. Several observations of one step (a second reagent weighed, a status moving on, a note) are
    /// observations; giving again a value the step already has (the same reagent's mass, a start time) amends it
    /// and needs a reason. A signed record is locked: a later change needs a reason and a signature of its own
    /// (a post-signature amendment). Returns the new entry.
    @discardableResult
    public func appendObservations(
        to recordID: String, observations: [StepObservation], operatorName: String, software: SoftwareIdentity,
        reason: String? = nil, results: RunResults? = nil, signing: SigningRequest? = nil, now: Date = Date()
    ) throws(NotebookError) -> AmendmentEntry {
        let results = results.flatMap { $0.isEmpty ? nil : $0 }
        guard FileManager.default.fileExists(atPath: directory.path) else { throw .notebookMissing(path: directory.path) }
        let author = try nonEmpty(operatorName, field: "operator")
        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if signing == nil && observations.isEmpty && results == nil {
            throw .invalidValue(field: "observations", message: "nothing observed: give a step and what was seen")
        }
        let time = Timestamp.wholeSeconds(now)
        let entry = try append { (chain, stored) throws(NotebookError) in
            let history = try RecordHistory(recordID: recordID, entries: stored.map(\.entry))
            var action: AuditAction = observations.isEmpty && results == nil ? .signed : .observed
            if let signed = history.signatures.last, !observations.isEmpty || results != nil {
                guard reason != nil, signing != nil else { throw .recordLocked(record: history.record.id, signedIn: signed.entryID) }
                action = .amended
            }
            var seen = Set<Int>()
            for observation in observations {
                guard seen.insert(observation.step).inserted else {
                    throw .invalidValue(field: "step \(observation.step)", message: "observed twice in one amendment")
                }
                try history.check(observation)
                try history.checkAtTheBench(observation, now: now)
                if let earlier = history.amendedEntry(by: observation) {
                    guard reason != nil else {
                        throw .amendmentNeedsReason(record: recordID, step: observation.step, earlierEntry: earlier)
                    }
                    action = .amended
                }
            }
            let id = EntryID.make(sequence: chain.sequence)
            var amendment = AmendmentEntry(
                id: id, recordID: history.record.id, chain: chain, created: time,
                operatorName: author, software: software, observations: observations,
                audit: [AuditEntry(time: time, author: author, action: action, reason: reason)], results: results)
            if let signing, let head = stored.last {
                let content = RecordContent.hash(
                    stored.filter { $0.entry.recordID == history.record.id }.map { ($0.entry.id, $0.sha256) })
                let message = EntrySignature.message(
                    entryID: id, recordID: history.record.id, content: content, head: head.entry.id,
                    headSHA256: head.sha256, meaning: signing.meaning, signer: signing.key.name, time: time, reason: reason)
                amendment.signature = EntrySignature(
                    meaning: signing.meaning, signer: signing.key.name, publicKey: signing.key.publicKey, content: content,
                    head: head.entry.id, headSHA256: head.sha256, value: try signing.key.sign(message))
            }
            return .amendment(amendment)
        }
        guard case .amendment(let amendment) = entry else { throw .damagedChain("internal: an amendment was not written") }
        return amendment
    }

    /// Under the lock: check the chain's end against the index, build the next entry, validate it, write it
    /// (never over an existing file), then bring the index up to date. All or nothing, as the caller sees it:
    /// when the index cannot be written the new entry is taken back and the error says nothing was written, so
    /// a retry writes exactly one entry; only if taking it back fails too is the entry kept (it is whole and
    /// chained) and the next write adds it to the index.
    private func append(
        _ build: (ChainLink, [StoredEntry]) throws(NotebookError) -> NotebookEntry
    ) throws(NotebookError) -> NotebookEntry {
        let lock = try NotebookLock(directory: directory)
        defer { withExtendedLifetime(lock) {} }
        DurableFiles.removeLeftovers(in: directory)

        let stored = try readEntries()
        let index = readIndex()
        if let damage = Notebook.indexDamage(stored: stored, index: index) { throw .damagedChain(damage) }
        for (position, entry) in stored.enumerated() where entry.entry.chain.sequence != position + 1 {
            throw .damagedChain("the chain has no entry \(EntryID.make(sequence: position + 1))")
        }

        let lastSequence = stored.last?.entry.chain.sequence ?? 0
        let chain = ChainLink(sequence: lastSequence + 1, previous: stored.last?.sha256)
        let entry = try build(chain, stored)
        let bytes = try EntryDocument.encode(entry)
        let fileName = entry.id + ".xml"
        try DurableFiles.createNew(fileName, in: directory, bytes: bytes, fault: writeFault)

        // An entry a stopped writer left out of the index is added before the new one.
        var indexLines = index?.lines ?? []
        for missing in stored.dropFirst(indexLines.count) { indexLines.append(IndexLine(missing)) }
        indexLines.append(IndexLine(StoredEntry(fileName: fileName, sha256: sha256Hex(bytes), entry: entry)))
        do throws(NotebookError) {
            try DurableFiles.replace(
                Notebook.indexFileName, in: directory, bytes: Array(IndexLine.text(indexLines).utf8), fault: writeFault)
        } catch {
            do throws(NotebookError) {
                try DurableFiles.remove(fileName, in: directory)
            } catch _ {
                return entry
            }
            throw .notWritten(entry: entry.id, cause: error.description)
        }
        return entry
    }

    /// Why the writer must not append (the index and the entries disagree), or nil. The index lists every entry
    /// in chain order, each column as the entry's file gives it; only the newest entry may be absent from it
    /// (a writer stopped between the entry and the index), and no index at all only while there is one entry.
    static func indexDamage(stored: [StoredEntry], index: IndexContents?) -> String? {
        guard let index else {
            return stored.count > 1 ? "\(indexFileName) is missing although the notebook holds \(stored.count) entries" : nil
        }
        if let line = index.badLines.first { return "\(indexFileName) line \(line) cannot be read" }
        if index.lines.count > stored.count {
            let listed = index.lines[stored.count]
            let known = stored.contains { $0.entry.id == listed.id }
            return known
                ? "\(indexFileName) lists \(listed.id) twice or out of order"
                : "\(listed.id) is listed in the index but its file is missing"
        }
        for (line, entry) in zip(index.lines, stored) {
            guard line.id == entry.entry.id else {
                return stored.contains(where: { $0.entry.id == line.id })
                    ? "\(indexFileName) lists \(line.id) out of order" : "\(line.id) is listed in the index but its file is missing"
            }
            if line.sha256 != entry.sha256 { return "\(line.id) changed since it was written" }
            if line != IndexLine(entry) { return "\(indexFileName) and \(line.id).xml disagree on the entry's kind or record" }
        }
        if stored.count - index.lines.count > 1 {
            return "\(indexFileName) lists \(index.lines.count) of the \(stored.count) entries: it was cut short"
        }
        return nil
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

    /// What `index.tsv` holds: its readable lines, and the numbers of the lines that are not (a wrong number of
    /// columns, an id that is not canonical, a hash that is not 64 lower-case hex digits, a kind other than
    /// record or amendment, a record column that is not an id, or a record whose record column is not itself).
    struct IndexContents {
        var lines: [IndexLine]
        var badLines: [Int]
        /// Whether the file starts with the header the writer puts there.
        var hasHeader: Bool
    }

    /// The index, read; nil when there is no index.
    func readIndex() -> IndexContents? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(Notebook.indexFileName).path)
        else { return nil }
        var lines: [IndexLine] = []
        var badLines: [Int] = []
        let text = String(decoding: data, as: UTF8.self)
        let hexDigits = Set("0123456789abcdef")
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, EntryID.sequence(of: fields[0]) != nil, fields[1].count == 64,
                fields[1].allSatisfy(hexDigits.contains), fields[2] == "record" || fields[2] == "amendment",
                EntryID.sequence(of: fields[3]) != nil, (fields[2] == "record") == (fields[3] == fields[0])
            else {
                badLines.append(number + 1)
                continue
            }
            lines.append(IndexLine(id: fields[0], sha256: fields[1], kind: fields[2], recordID: fields[3]))
        }
        return IndexContents(lines: lines, badLines: badLines, hasHeader: text.hasPrefix(IndexLine.header))
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
            throw .recordNotFound(
                id: recordID,
                known: entries.compactMap {
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
        return inRecord
            + amendments.flatMap { amendment in
                amendment.observations.filter { $0.step == step }.map { (amendment.id, $0) }
            }
    }

    /// What the step has now, all its observations taken together: the latest status, start and finish; for each
    /// kind of quantity and reagent the latest value (a value given again corrects the earlier one), in the order
    /// first given; every note, each once. Nil when nothing was observed at the step.
    public func current(ofStep step: Int) -> StepObservation? {
        let observed = observations(ofStep: step).map(\.observation)
        guard let last = observed.last else { return nil }
        var merged = StepObservation(step: step, status: last.status)
        for observation in observed {
            if let started = observation.started { (merged.started, merged.startedOffset) = (started, observation.startedOffset) }
            if let finished = observation.finished { (merged.finished, merged.finishedOffset) = (finished, observation.finishedOffset) }
            for quantity in observation.quantities {
                if let index = merged.quantities.firstIndex(where: { $0.kind == quantity.kind && $0.reagent == quantity.reagent }) {
                    merged.quantities[index] = quantity
                } else {
                    merged.quantities.append(quantity)
                }
            }
            // A note given again (an amendment repeats what it corrects) is one note.
            merged.notes += observation.notes.filter { !merged.notes.contains($0) }
        }
        return merged
    }

    /// The step's latest status.
    public func status(ofStep step: Int) -> StepStatus {
        observations(ofStep: step).last?.observation.status ?? .planned
    }

    /// The run's results: the latest given for each field (an empty XRD list counts: none seen), notes and
    /// files from every results entry.
    public var results: RunResults? {
        let all = amendments.compactMap(\.results)
        guard !all.isEmpty else { return nil }
        var merged = RunResults()
        for result in all {
            if let mass = result.productMass { merged.productMass = mass }
            for loading in result.loadings {
                merged.loadings.removeAll { $0.metal == loading.metal }
                merged.loadings.append(loading)
            }
            if let haadf = result.haadf { merged.haadf = haadf }
            if let exafs = result.exafs { merged.exafs = exafs }
            if let phases = result.xrdPhases { merged.xrdPhases = phases }
            merged.notes += result.notes
            merged.files += result.files
        }
        return merged
    }

    /// Whether the record carries a signature: an ed25519 one, or (in entries written before signatures were
    /// cryptographic) a signing entry that names its signer only.
    public var isSigned: Bool { !signatures.isEmpty || amendments.contains { $0.audit.contains { $0.action == .signed } } }

    /// The record's ed25519 signatures, in chain order, with the entry that holds each.
    public var signatures: [(entryID: String, signature: EntrySignature)] {
        amendments.compactMap { amendment in amendment.signature.map { (amendment.id, $0) } }
    }

    /// Amendments made after the record's first signature (each with a reason and a signature of its own).
    public var postSignatureAmendments: [AmendmentEntry] {
        guard let first = signatures.first?.entryID, let start = EntryID.sequence(of: first) else { return [] }
        return amendments.filter { (EntryID.sequence(of: $0.id) ?? 0) > start && (!$0.observations.isEmpty || $0.results != nil) }
    }

    /// The entry whose value `observation` gives again for its step (so it amends it), or nil when it only adds
    /// to what the step has: a quantity of a kind and reagent not yet recorded, a note, a status moving on.
    func amendedEntry(by observation: StepObservation) -> String? {
        for (entryID, earlier) in observations(ofStep: observation.step).reversed() {
            let earlierKeys = Set(earlier.quantities.map { "\($0.kind.rawValue) \($0.reagent ?? "")" })
            if observation.quantities.contains(where: { earlierKeys.contains("\($0.kind.rawValue) \($0.reagent ?? "")") }) {
                return entryID
            }
            if observation.started != nil && earlier.started != nil { return entryID }
            if observation.finished != nil && earlier.finished != nil { return entryID }
        }
        if let last = observations(ofStep: observation.step).last,
            [.done, .skipped, .failed].contains(last.observation.status), observation.status != last.observation.status
        {
            return last.entryID
        }
        return nil
    }

    /// Greatest clock difference tolerated between the bench and this computer for a time in the future.
    public static let clockSkew: TimeInterval = 300

    /// What the bench can refuse on the spot: an amount of a reagent the step does not use, a finish before the
    /// start (also one given earlier for the step), a time in the future beyond the clock skew.
    func checkAtTheBench(_ observation: StepObservation, now: Date) throws(NotebookError) {
        guard let step = record.plan.steps.first(where: { $0.number == observation.step }) else { return }
        for quantity in observation.quantities {
            if let reagent = quantity.reagent, !step.reagentRefs.contains(reagent) {
                throw .reagentNotInStep(
                    record: record.id, step: step.number, kind: step.kind, reagent: reagent, used: step.reagentRefs)
            }
        }
        let earlier = observations(ofStep: observation.step).map(\.observation)
        let started = observation.started ?? earlier.compactMap(\.started).last
        let finished = observation.finished ?? earlier.compactMap(\.finished).last
        if let started, let finished, finished < started {
            throw .impossibleTime(
                field: observation.finished != nil ? "finished" : "started",
                message:
                    "step \(observation.step) would finish (\(Timestamp.text(finished))) before it started (\(Timestamp.text(started)))")
        }
        for (field, time) in [("started", observation.started), ("finished", observation.finished)] {
            if let time, time.timeIntervalSince(now) > RecordHistory.clockSkew {
                throw .impossibleTime(
                    field: field,
                    message: "\(Timestamp.text(time)) is in the future (this computer's clock says \(Timestamp.text(now)))")
            }
        }
    }

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
