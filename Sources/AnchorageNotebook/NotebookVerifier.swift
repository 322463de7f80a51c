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
        /// The index itself is unreadable, cut short, or disagrees with an entry in a column other than the hash.
        case index
        /// A file in the notebook's folder that is not part of the notebook (not a canonical entry name).
        case foreign
        /// A signature that does not match the entries, by a key not trusted, or a change after signing without one.
        case signature
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
    /// Records that carry no ed25519 signature (named, not counted as problems).
    public var unsignedRecords: [String] = []
    public var isIntact: Bool { problems.isEmpty }

    /// Ids of the entries with problems, each once, in chain order.
    public var entriesWithProblems: [String] {
        var seen = Set<String>()
        return problems.compactMap(\.entryID).filter { seen.insert($0).inserted }
            .sorted { (EntryID.sequence(of: $0) ?? 0) < (EntryID.sequence(of: $1) ?? 0) }
    }
}

extension Notebook {
    /// Names a notebook folder may hold besides its entries: the index, the lock, and a `.gitignore` (for the lock).
    static let knownFileNames: Set<String> = [indexFileName, NotebookLock.fileName, ".gitignore", trustedKeysFileName]

    /// Checks every entry against the XSD, every link of the hash chain, every recipe hash, every column of the
    /// index, that every amendment names a record, step and reagent that exist, and that the folder holds nothing
    /// else. Reads under the notebook's lock (shared), so writers at work never make it see half a change.
    ///
    /// Every ed25519 signature is checked against the entries as they are now and against `trustedKeys` (a
    /// signature by a key not in it is a problem; with no trusted keys given, every signature is); an amendment
    /// made to a signed record without a signature of its own is a problem; records with no signature are named
    /// in a note. A `receipt` (from `head()`) pins the chain's end as it was: its entry must still be there,
    /// byte for byte.
    public func verify(trustedKeys: TrustedKeys? = nil, receipt: NotebookReceipt? = nil) throws(NotebookError) -> NotebookVerification {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw .notebookMissing(path: directory.path) }
        let lock = try NotebookLock(directory: directory, shared: true)
        defer { withExtendedLifetime(lock) {} }

        var problems: [NotebookFinding] = []
        var reported = Set<NotebookFinding>()
        var idsWithProblems = Set<String>()
        var notes: [String] = []
        func report(_ id: String?, _ kind: NotebookFinding.Kind, _ message: String) {
            let finding = NotebookFinding(entryID: id, kind: kind, message: message)
            guard reported.insert(finding).inserted else { return }
            problems.append(finding)
            if let id { idsWithProblems.insert(id) }
        }

        // The folder: canonical entry names, the known files, a stopped writer's leftovers; anything else is reported.
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw .fileSystem(operation: "read", path: directory.path, reason: "\(error)")
        }
        var files: [(sequence: Int, name: String)] = []
        var foreign: [String] = []
        for name in names {
            if name.hasSuffix(".xml"), let sequence = EntryID.sequence(of: String(name.dropLast(4))) {
                files.append((sequence, name))
            } else if name.hasPrefix(DurableFiles.temporaryPrefix) {
                notes.append("\(name) was left by a writer that was stopped; it is not part of the notebook and is removed by the next write")
            } else if !Notebook.knownFileNames.contains(name) && !NotebookIndex.companionFileNames.contains(name) {
                foreign.append(name)
            }
        }
        files.sort { $0.sequence < $1.sequence }
        let shownForeign = 20
        for name in foreign.prefix(shownForeign) {
            var message = "\(name) is not part of the notebook: only entries (NB-0001.xml, …), \(Notebook.indexFileName) and \(NotebookLock.fileName) belong here"
            let stem = name.hasSuffix(".xml") ? String(name.dropLast(4)) : name
            if stem.hasPrefix("NB-"), let number = Int(stem.dropFirst(3)), number >= 1 {
                message += "; an entry at position \(number) is named \(EntryID.make(sequence: number)).xml"
            }
            report(nil, .foreign, message)
        }
        if foreign.count > shownForeign {
            report(nil, .foreign, "\(foreign.count - shownForeign) more files that are not part of the notebook")
        }

        // Each file: its bytes, its hash, and what it says.
        var hashes: [Int: String] = [:]
        var entries: [Int: NotebookEntry] = [:]
        for file in files {
            let id = EntryID.make(sequence: file.sequence)
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
        let present = Set(files.map(\.sequence))
        var expectedEnd = files.last?.sequence ?? 0

        // The index: every line readable, in chain order, once each, every column as the entry's file gives it.
        if let index = readIndex() {
            if !index.hasHeader { report(nil, .index, "\(Notebook.indexFileName) does not begin with its header line") }
            for line in index.badLines.prefix(shownForeign) {
                report(nil, .index, "\(Notebook.indexFileName) line \(line) cannot be read")
            }
            if index.badLines.count > shownForeign {
                report(nil, .index, "\(index.badLines.count - shownForeign) more lines of \(Notebook.indexFileName) cannot be read")
            }
            var listedBefore = 0
            var listed = Set<Int>()
            for line in index.lines {
                guard let sequence = EntryID.sequence(of: line.id) else { continue }
                if !listed.insert(sequence).inserted {
                    report(line.id, .index, "\(Notebook.indexFileName) lists \(line.id) more than once")
                } else if sequence < listedBefore {
                    report(line.id, .index, "\(Notebook.indexFileName) lists \(line.id) after \(EntryID.make(sequence: listedBefore))")
                }
                listedBefore = max(listedBefore, sequence)
                expectedEnd = max(expectedEnd, sequence)
                guard present.contains(sequence) else { continue }
                if let hash = hashes[sequence], hash != line.sha256 {
                    report(line.id, .changed, "\(line.id).xml changed after it was written (its SHA-256 differs from the index)")
                } else if let entry = entries[sequence], entry.id == line.id {
                    let actual = IndexLine(StoredEntry(fileName: line.id + ".xml", sha256: line.sha256, entry: entry))
                    if actual.kind != line.kind || actual.recordID != line.recordID {
                        report(
                            line.id, .index,
                            "\(Notebook.indexFileName) says \(line.id) is \(line.kind == "record" ? "a record" : "an amendment of \(line.recordID)"), "
                                + "its file holds \(actual.kind == "record" ? "a record" : "an amendment of \(actual.recordID)")")
                    }
                }
            }
            let unlisted = files.map(\.sequence).filter { !listed.contains($0) }
            let indexEnd = listed.max() ?? 0
            for sequence in unlisted where sequence < indexEnd {
                report(EntryID.make(sequence: sequence), .reordered, "\(EntryID.make(sequence: sequence)) is not in the index")
            }
            let trailing = unlisted.filter { $0 > indexEnd }
            if trailing.count == 1 && !index.lines.isEmpty {
                notes.append(
                    "the index does not list yet \(EntryID.make(sequence: trailing[0])) (a writer was stopped before updating it); the next write adds it")
            } else if !trailing.isEmpty {
                report(
                    nil, .index,
                    "\(Notebook.indexFileName) lists \(index.lines.count) entr\(index.lines.count == 1 ? "y" : "ies") but the notebook holds "
                        + "\(files.count): it was cut short (only the newest entry can be missing from it, after a write was stopped)")
            }
        } else if files.count > 1 {
            report(nil, .index, "there is no \(Notebook.indexFileName), although the notebook holds \(files.count) entries")
        } else if !files.isEmpty {
            notes.append("no \(Notebook.indexFileName): the newest entry is protected only once another follows it; the next write makes the index")
        }

        // The chain: positions 1…end all present. A gap is one finding, named by its first entry, however long.
        var sequence = 1
        let sortedPresent = files.map(\.sequence)
        while sequence <= expectedEnd {
            if present.contains(sequence) {
                sequence += 1
                continue
            }
            let first = sequence
            let next = sortedPresent.first { $0 > first }
            let last = (next ?? (expectedEnd + 1)) - 1
            let before = sortedPresent.last { $0 < first }
            let gap = first == last
                ? "\(EntryID.make(sequence: first)) is missing"
                : "\(EntryID.make(sequence: first)) to \(EntryID.make(sequence: last)) are missing (\(last - first + 1) entries)"
            let context: String
            switch (before, next) {
            case (let before?, let next?):
                context = "the chain goes from \(EntryID.make(sequence: before)) to \(EntryID.make(sequence: next))"
            case (nil, let next?):
                context = "the chain starts at \(EntryID.make(sequence: next))"
            case (let before?, nil):
                context = "the index lists \(first == last ? "it" : "them"), but the chain ends at \(EntryID.make(sequence: before))"
            case (nil, nil):
                context = "the index lists \(first == last ? "it" : "them"), but no entry is there"
            }
            report(EntryID.make(sequence: first), .missing, "\(gap): \(context)")
            sequence = last + 1
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
            } else if entry.chain.previous != previousHash, !idsWithProblems.contains(previousID) {
                report(previousID, .changed, "\(previousID).xml does not match the SHA-256 that \(id) carries for it: one of the two was changed")
            }
        }

        // Amendments name a record before them, and only its steps and reagents.
        for (sequence, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard case .amendment(let amendment) = entry else { continue }
            let id = EntryID.make(sequence: sequence)
            guard let target = EntryID.sequence(of: amendment.recordID), target < sequence,
                case .record(let record)? = entries[target]
            else {
                if !idsWithProblems.contains(amendment.recordID) {
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

        // Signatures: each one checked against the entries as they are, and against the trusted keys.
        var signedAt: [String: Int] = [:]
        var unsigned: [String] = []
        var recordsWithSignatures = Set<String>()
        for case .amendment(let amendment) in entries.values where amendment.signature != nil {
            recordsWithSignatures.insert(amendment.recordID)
        }
        for (sequence, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let id = EntryID.make(sequence: sequence)
            switch entry {
            case .record:
                if !recordsWithSignatures.contains(id) { unsigned.append(id) }
            case .amendment(let amendment):
                guard let signature = amendment.signature else {
                    if let signed = signedAt[amendment.recordID] {
                        report(
                            id, .signature,
                            "\(id) changes \(amendment.recordID) after it was signed in \(EntryID.make(sequence: signed)), without a signature of its own")
                    }
                    continue
                }
                let headSequence = sequence - 1
                let content = RecordContent.hash(
                    entries.filter { $0.key < sequence && $0.value.recordID == amendment.recordID }
                        .sorted { $0.key < $1.key }.map { (EntryID.make(sequence: $0.key), hashes[$0.key] ?? "") })
                let message = EntrySignature.message(
                    entryID: id, recordID: amendment.recordID, content: content, head: EntryID.make(sequence: headSequence),
                    headSHA256: hashes[headSequence] ?? "", meaning: signature.meaning, signer: signature.signer,
                    time: amendment.created, reason: amendment.audit.first?.reason)
                if !signature.isValid(for: message) {
                    report(
                        id, .signature,
                        "the \(signature.meaning.rawValue) signature of \(signature.signer) in \(id) does not match the notebook: "
                            + "\(amendment.recordID) or an entry up to \(EntryID.make(sequence: headSequence)) was changed, removed or replaced after it was signed")
                } else if trustedKeys?.keys[signature.publicKey] == nil {
                    report(
                        id, .signature,
                        "\(id) is signed by a key that is not trusted (key \(EntrySignature.keyID(signature.publicKey)), "
                            + "named '\(signature.signer)' in the entry)"
                            + (trustedKeys == nil ? ": the notebook has no \(Notebook.trustedKeysFileName)" : ""))
                }
                if signedAt[amendment.recordID] == nil { signedAt[amendment.recordID] = sequence }
            }
        }

        // A receipt: its entry is still there, byte for byte.
        if let receipt, let sequence = EntryID.sequence(of: receipt.head) {
            if !present.contains(sequence) {
                report(
                    receipt.head, .missing,
                    "the receipt of \(Timestamp.text(receipt.time)) names \(receipt.head), which is not in the notebook: "
                        + "entries were removed from its end (it ends at \(files.last.map { EntryID.make(sequence: $0.sequence) } ?? "nothing"))")
            } else if hashes[sequence] != receipt.sha256 {
                report(receipt.head, .changed, "\(receipt.head).xml is not the file the receipt of \(Timestamp.text(receipt.time)) names (its SHA-256 differs)")
            }
        }

        problems.sort { (EntryID.sequence(of: $0.entryID ?? "") ?? 0) < (EntryID.sequence(of: $1.entryID ?? "") ?? 0) }
        if !lock.isHeld {
            notes.append("the notebook's folder cannot be written, so it was read without its lock")
        }
        return NotebookVerification(entriesChecked: files.count, problems: problems, notes: notes, unsignedRecords: unsigned)
    }
}

extension RecordHistory {
    init(record: RecordEntry, amendments: [AmendmentEntry]) {
        self.record = record
        self.amendments = amendments
    }
}

/// A short receipt of a notebook's end: the last entry's id and SHA-256, how many entries, and when. Pasted into a
/// paper notebook, an e-mail or a commit, it lets `verify` find a tail removed after it was taken.
public struct NotebookReceipt: Sendable, Hashable, CustomStringConvertible {
    public var head: String
    public var sha256: String
    public var count: Int
    public var time: Date

    public var description: String {
        "anchorage notebook receipt: \(head) sha256:\(sha256) \(count) entr\(count == 1 ? "y" : "ies") \(Timestamp.text(time))"
    }

    public init(head: String, sha256: String, count: Int, time: Date) {
        self.head = head
        self.sha256 = sha256
        self.count = count
        self.time = time
    }

    /// Reads a receipt from its text (as printed, also with words around it).
    public init?(parsing text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard let head = words.first(where: { EntryID.sequence(of: $0.trimmingCharacters(in: CharacterSet(charactersIn: ":,"))) != nil }),
            let hash = words.first(where: { $0.hasPrefix("sha256:") }).map({ String($0.dropFirst(7)) }),
            hash.count == 64, hash.allSatisfy({ "0123456789abcdef".contains($0) })
        else { return nil }
        self.head = head.trimmingCharacters(in: CharacterSet(charactersIn: ":,"))
        self.sha256 = hash
        let countIndex = words.firstIndex { $0 == "entries" || $0 == "entry" }
        self.count = countIndex.flatMap { $0 > 0 ? Int(words[$0 - 1]) : nil } ?? 0
        self.time = words.compactMap { Timestamp.date($0) }.first ?? Date(timeIntervalSince1970: 0)
    }
}

extension Notebook {
    /// The receipt of the notebook as it is now (read under the lock).
    public func head(now: Date = Date()) throws(NotebookError) -> NotebookReceipt {
        guard FileManager.default.fileExists(atPath: directory.path) else { throw .notebookMissing(path: directory.path) }
        let lock = try NotebookLock(directory: directory, shared: true)
        defer { withExtendedLifetime(lock) {} }
        let files = try entryFileNames()
        guard let last = files.last else { throw .invalidValue(field: "notebook", message: "the notebook has no entries yet") }
        let bytes = try readBytes(last.name)
        return NotebookReceipt(
            head: EntryID.make(sequence: last.sequence), sha256: sha256Hex(bytes), count: files.count,
            time: Timestamp.wholeSeconds(now))
    }
}
