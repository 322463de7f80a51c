import Foundation

/// A way in which a notebook is not as it was written, named by the entry it concerns.
public struct NotebookFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file is not a valid notebook entry (not XML, or it fails the XSD).
        case invalid
        /// The file's bytes differ from those the chain or the index recorded.
        case changed
        /// An entry the chain or the index expects is not there.
        case missing
        /// An entry is not where its id and sequence put it (files swapped, renamed or renumbered).
        case reordered
        /// The recipe text no longer matches the SHA-256 the record carries.
        case recipeChanged = "recipe-changed"
        /// An amendment names a record, step or reagent that is not there.
        case dangling
        /// The index itself is unreadable.
        case index
    }

    public var entryID: String?
    public var kind: Kind
    public var message: String

    public var description: String { "\(entryID ?? "notebook"): \(kind.rawValue): \(message)" }
}

/// What `verify` found: problems (the notebook is not as written) and notes (harmless, e.g. left by a stopped writer).
public struct NotebookVerification: Sendable {
    public var entriesChecked: Int
    public var problems: [NotebookFinding]
    public var notes: [String]
    public var isIntact: Bool { problems.isEmpty }

    /// Ids of the entries with problems, each once, in chain order.
    public var entriesWithProblems: [String] {
        var seen = Set<String>()
        return problems.compactMap(\.entryID).filter { seen.insert($0).inserted }
            .sorted { (EntryID.sequence(of: $0) ?? 0) < (EntryID.sequence(of: $1) ?? 0) }
    }
}

extension Notebook {
    /// Checks every entry against the XSD, every link of the hash chain, every recipe hash, the index, and that
    /// every amendment names a record, step and reagent that exist.
    public func verify() throws(NotebookError) -> NotebookVerification {
        let files = try entryFileNames()
        var problems: [NotebookFinding] = []
        var notes: [String] = []
        func report(_ id: String?, _ kind: NotebookFinding.Kind, _ message: String) {
            let finding = NotebookFinding(entryID: id, kind: kind, message: message)
            if !problems.contains(finding) { problems.append(finding) }
        }

        let others = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in others.sorted() where name.hasPrefix(DurableFiles.temporaryPrefix) {
            notes.append("\(name) was left by a writer that was stopped; it is not part of the notebook and is removed by the next write")
        }

        // Each file: its bytes, its hash, and what it says.
        var present = Set<Int>()
        var hashes: [Int: String] = [:]
        var entries: [Int: NotebookEntry] = [:]
        for file in files {
            let id = EntryID.make(sequence: file.sequence)
            guard present.insert(file.sequence).inserted else {
                report(id, .reordered, "two files claim position \(file.sequence) (\(file.name))")
                continue
            }
            let entry: NotebookEntry
            do throws(NotebookError) {
                let bytes = try readBytes(file.name)
                hashes[file.sequence] = sha256Hex(bytes)
                entry = try EntryDocument.decode(bytes, file: file.name)
            } catch {
                switch error {
                case .unreadableEntry(_, let found):
                    let shown = found.prefix(3).map(\.description).joined(separator: "; ")
                    report(id, .invalid, "\(file.name) is not a valid entry: \(shown)")
                case .schemaMissing, .schemaUnusable:
                    throw error
                default:
                    report(id, .invalid, error.description)
                }
                continue
            }
            entries[file.sequence] = entry
            if entry.id != id {
                report(id, .reordered, "\(file.name) holds entry \(entry.id): entries were swapped or renamed")
            }
            if entry.chain.sequence != file.sequence {
                report(id, .reordered, "\(entry.id) says it is entry \(entry.chain.sequence) of the chain, its file puts it at \(file.sequence)")
            }
            if case .record(let record) = entry {
                let actual = sha256Hex(Array(record.plan.recipeText.utf8))
                if actual != record.plan.recipeSHA256 {
                    report(id, .recipeChanged, "the recipe text in \(entry.id) no longer matches the SHA-256 it carries")
                }
            }
        }
        let lastSequence = files.last?.sequence ?? 0

        // The index: every entry it lists is there, with the bytes it had when written.
        if let index = readIndex() {
            for line in index.badLines { report(nil, .index, "\(Notebook.indexFileName) line \(line) cannot be read") }
            for line in index.lines {
                guard let sequence = EntryID.sequence(of: line.id) else { continue }
                guard present.contains(sequence) else {
                    report(line.id, .missing, "\(line.id) is listed in the index but its file is gone")
                    continue
                }
                if let hash = hashes[sequence], hash != line.sha256 {
                    report(line.id, .changed, "\(line.id).xml changed after it was written (its SHA-256 differs from the index)")
                }
            }
            let listed = Set(index.lines.compactMap { EntryID.sequence(of: $0.id) })
            let unlisted = files.map(\.sequence).filter { !listed.contains($0) }
            let indexEnd = listed.max() ?? 0
            for sequence in unlisted where sequence < indexEnd {
                report(EntryID.make(sequence: sequence), .reordered, "\(EntryID.make(sequence: sequence)) is not in the index")
            }
            let trailing = unlisted.filter { $0 > indexEnd }
            if !trailing.isEmpty {
                notes.append(
                    "the index does not list yet " + trailing.map { EntryID.make(sequence: $0) }.joined(separator: ", ")
                        + " (a writer was stopped before updating it); the next write adds them")
            }
        } else if !files.isEmpty {
            notes.append("no \(Notebook.indexFileName): the newest entry is protected only once another follows it; the next write makes the index")
        }

        // The chain: positions 1…last all present, each entry carrying the previous entry's SHA-256.
        if lastSequence > 0 {
            for sequence in 1...lastSequence where !present.contains(sequence) {
                let id = EntryID.make(sequence: sequence)
                report(id, .missing, "\(id) is missing: the chain goes from \(EntryID.make(sequence: sequence - 1)) to \(EntryID.make(sequence: sequence + 1))")
            }
        }
        for (sequence, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let id = EntryID.make(sequence: sequence)
            if sequence == 1 {
                if entry.chain.previous != nil { report(id, .reordered, "\(id) is first in the chain but names a previous entry") }
                continue
            }
            guard let previousHash = hashes[sequence - 1] else { continue }
            let previousID = EntryID.make(sequence: sequence - 1)
            if entry.chain.previous == nil {
                report(id, .reordered, "\(id) names no previous entry, but \(previousID) precedes it")
            } else if entry.chain.previous != previousHash, !problems.contains(where: { $0.entryID == previousID }) {
                report(previousID, .changed, "\(previousID).xml does not match the SHA-256 that \(id) carries for it: one of the two was changed")
            }
        }

        // Amendments name a record before them, and only its steps and reagents.
        for (sequence, entry) in entries {
            guard case .amendment(let amendment) = entry else { continue }
            let id = EntryID.make(sequence: sequence)
            guard let target = EntryID.sequence(of: amendment.recordID), target < sequence,
                case .record(let record)? = entries[target]
            else {
                if !problems.contains(where: { $0.entryID == amendment.recordID }) {
                    report(id, .dangling, "\(id) amends \(amendment.recordID), which is not a record before it")
                }
                continue
            }
            let history = RecordHistory(record: record, amendments: [])
            for observation in amendment.observations {
                do throws(NotebookError) {
                    try history.check(observation)
                } catch {
                    report(id, .dangling, error.description)
                }
            }
        }

        problems.sort { (EntryID.sequence(of: $0.entryID ?? "") ?? 0) < (EntryID.sequence(of: $1.entryID ?? "") ?? 0) }
        return NotebookVerification(entriesChecked: files.count, problems: problems, notes: notes)
    }
}

extension RecordHistory {
    init(record: RecordEntry, amendments: [AmendmentEntry]) {
        self.record = record
        self.amendments = amendments
    }
}
