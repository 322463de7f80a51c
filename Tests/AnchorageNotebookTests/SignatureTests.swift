import Foundation
import Testing

@testable import AnchorageNotebook

/// Signatures that lock and cover the chain's head, and receipts: each attack of the issue is found.
@Suite struct SignatureTests {
    static let supervisor = SigningKey(name: "C. Supervisor")
    static let trusted = TrustedKeys(keys: [supervisor.publicKey: supervisor.name])

    /// NB-0001 record, NB-0002 record, NB-0003 observation of NB-0001, NB-0004 signature of NB-0001 (approval),
    /// NB-0005 observation of NB-0002.
    static func signedNotebook(
        title: String = "Fe single atoms on N-doped carbon by confining Fe(acac)3 in ZIF-8", secondTitle: String = "second run"
    ) throws -> Notebook {
        let notebook = Notebook(directory: Fixtures.temporaryFolder().appendingPathComponent("nb"))
        try notebook.appendRecord(Fixtures.plan(title: title), operatorName: "A. Chemist", software: Fixtures.software)
        try notebook.appendRecord(Fixtures.plan(title: secondTitle), operatorName: "B. Chemist", software: Fixtures.software)
        try notebook.appendObservations(
            to: "NB-0001",
            observations: [StepObservation(step: 1, quantities: [try ObservedQuantity(parsing: "101.3 mg", kind: .mass, reagent: "fe")])],
            operatorName: "A. Chemist", software: Fixtures.software)
        try notebook.appendObservations(
            to: "NB-0001", observations: [], operatorName: "C. Supervisor", software: Fixtures.software, reason: "checked",
            signing: SigningRequest(key: supervisor, meaning: .approval))
        try notebook.appendObservations(
            to: "NB-0002", observations: [StepObservation(step: 2, status: .inProgress)], operatorName: "B. Chemist",
            software: Fixtures.software)
        return notebook
    }

    /// What an attacker with write access can do without a trusted private key: change entries, renumber them,
    /// recompute every chain link and the index, so that the hash chain alone is consistent again.
    static func rechain(_ notebook: Notebook, _ entries: [NotebookEntry]) throws {
        let folder = notebook.directory
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("NB-") {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        var renamed: [String: String] = [:]
        for (position, entry) in entries.enumerated() { renamed[entry.id] = EntryID.make(sequence: position + 1) }
        var previous: String?
        var index: [Notebook.IndexLine] = []
        for (position, entry) in entries.enumerated() {
            let id = EntryID.make(sequence: position + 1)
            let chain = ChainLink(sequence: position + 1, previous: previous)
            var rewritten = entry
            switch entry {
            case .record(var record):
                record.id = id
                record.chain = chain
                rewritten = .record(record)
            case .amendment(var amendment):
                amendment.id = id
                amendment.chain = chain
                amendment.recordID = renamed[amendment.recordID] ?? amendment.recordID
                rewritten = .amendment(amendment)
            }
            let bytes = try EntryDocument.encode(rewritten)
            try Data(bytes).write(to: folder.appendingPathComponent(id + ".xml"))
            previous = sha256Hex(bytes)
            index.append(Notebook.IndexLine(Notebook.StoredEntry(fileName: id + ".xml", sha256: sha256Hex(bytes), entry: rewritten)))
        }
        try Data(Notebook.IndexLine.text(index).utf8).write(to: folder.appendingPathComponent(Notebook.indexFileName))
    }

    static func signatureProblems(_ notebook: Notebook, keys: TrustedKeys = trusted) throws -> [NotebookFinding] {
        try notebook.verify(trustedKeys: keys).problems.filter { $0.kind == .signature }
    }

    @Test func aSignedNotebookVerifiesAndNamesItsUnsignedRecords() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let report = try notebook.verify(trustedKeys: Self.trusted)
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.unsignedRecords == ["NB-0002"])
        let history = try notebook.history(of: "NB-0001")
        #expect(history.signatures.map(\.entryID) == ["NB-0004"])
        #expect(history.signatures.first?.signature.head == "NB-0003")
        #expect(history.signatures.first?.signature.meaning == .approval)
        // The signature entry validates with an independent XSD validator.
        let result = try Xmllint.validate(NotebookTests.file(notebook, "NB-0004"))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aTamperedEntryThatIsRechainedFailsTheSignature() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        // Without re-chaining the edit is found by the hash chain; with it, only the signature can find it.
        var entries = try notebook.readEntries().map(\.entry)
        guard case .amendment(var observed) = entries[2] else { throw Unexpected() }
        observed.observations[0].quantities[0].value = "110.3"
        entries[2] = .amendment(observed)
        try Self.rechain(notebook, entries)
        let report = try notebook.verify(trustedKeys: Self.trusted)
        #expect(report.problems.map(\.kind) == [.signature], "\(report.problems)")
        #expect(report.problems.first?.entryID == "NB-0004")
    }

    @Test(arguments: [0, 1, 2])
    func anyEarlierEntryDeletedAndRechainedFailsTheSignature(deleted: Int) throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        var entries = try notebook.readEntries().map(\.entry)
        entries.remove(at: deleted)
        if deleted == 0 {
            // Deleting the signed record itself: its observation and signature go too, or they would dangle.
            entries.removeAll { $0.recordID == "NB-0001" }
            try Self.rechain(notebook, entries)
            // Nothing signed is left: only a receipt finds this (see receiptsFindATailRemovedAfterThem).
            #expect(try notebook.verify(trustedKeys: Self.trusted).unsignedRecords == ["NB-0001"])
            return
        }
        try Self.rechain(notebook, entries)
        let problems = try Self.signatureProblems(notebook)
        #expect(!problems.isEmpty)
    }

    @Test func anEarlierEntryDeletedWithoutRechainingIsMissing() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        try FileManager.default.removeItem(at: NotebookTests.file(notebook, "NB-0002"))
        let report = try notebook.verify(trustedKeys: Self.trusted)
        #expect(report.problems.contains { $0.kind == .missing && $0.entryID == "NB-0002" })
    }

    @Test func aRecordSwappedForAnotherValidlySignedRecordIsFound() throws {
        // Two notebooks made alike, each record signed with the same trusted key.
        let notebook = try Self.signedNotebook()
        // (Its other record differs too: were every other entry identical, byte for byte, the result would be
        // that notebook, validly signed throughout, which only a receipt tells apart; see below.)
        let other = try Self.signedNotebook(title: "another run, signed in another notebook", secondTitle: "another second run")
        let receipt = try notebook.head()
        defer {
            Fixtures.remove(notebook.directory)
            Fixtures.remove(other.directory)
        }
        // The other notebook's signed record and its signature replace this one's (same ids and positions),
        // the index is rewritten to match, and the chain after them is re-linked.
        var entries = try notebook.readEntries().map(\.entry)
        let foreign = try other.readEntries().map(\.entry)
        for position in [0, 2, 3] { entries[position] = foreign[position] }
        #expect(entries != (try notebook.readEntries().map(\.entry)))
        try Self.rechain(notebook, entries)
        #expect(!(try Self.signatureProblems(notebook)).isEmpty)
        #expect(try notebook.verify(trustedKeys: Self.trusted, receipt: receipt).problems.contains { $0.kind == .changed && $0.entryID == "NB-0005" })
    }

    @Test func aSignatureByAKeyNotTrustedIsAProblem() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let intruder = SigningKey(name: "C. Supervisor")
        try notebook.appendObservations(
            to: "NB-0002", observations: [], operatorName: "C. Supervisor", software: Fixtures.software,
            signing: SigningRequest(key: intruder, meaning: .review))
        let problems = try Self.signatureProblems(notebook)
        #expect(problems.map(\.entryID) == ["NB-0006"], "\(problems)")
        #expect(problems.first?.message.contains("not trusted") == true)
        // With no trusted keys at all, no signature is trusted.
        #expect(try notebook.verify().problems.filter { $0.kind == .signature }.count == 2)
        // Re-signing tampered content with one's own key does not help either.
        var entries = try notebook.readEntries().map(\.entry)
        guard case .amendment(var observed) = entries[2] else { throw Unexpected() }
        observed.observations[0].quantities[0].value = "110.3"
        entries[2] = .amendment(observed)
        try Self.rechain(notebook, Array(entries.prefix(3)))
        try notebook.appendObservations(
            to: "NB-0001", observations: [], operatorName: "C. Supervisor", software: Fixtures.software,
            signing: SigningRequest(key: intruder, meaning: .approval))
        #expect(try Self.signatureProblems(notebook).contains { $0.message.contains("not trusted") })
    }

    @Test func aSignedRecordIsLockedAndAChangeIsAPostSignatureAmendment() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let late = StepObservation(step: 3, status: .done, notes: ["black powder"])
        #expect(throws: NotebookError.recordLocked(record: "NB-0001", signedIn: "NB-0004")) {
            try notebook.appendObservations(to: "NB-0001", observations: [late], operatorName: "A. Chemist", software: Fixtures.software)
        }
        #expect(throws: NotebookError.recordLocked(record: "NB-0001", signedIn: "NB-0004")) {
            try notebook.appendObservations(
                to: "NB-0001", observations: [late], operatorName: "A. Chemist", software: Fixtures.software, reason: "forgot")
        }
        let amendment = try notebook.appendObservations(
            to: "NB-0001", observations: [late], operatorName: "C. Supervisor", software: Fixtures.software,
            reason: "pyrolysis seen done", signing: SigningRequest(key: Self.supervisor, meaning: .witness))
        #expect(amendment.audit.first?.action == .amended)
        #expect(amendment.signature?.head == "NB-0005")
        #expect(try notebook.verify(trustedKeys: Self.trusted).isIntact)
        let history = try notebook.history(of: "NB-0001")
        #expect(history.postSignatureAmendments.map(\.id) == ["NB-0006"])
        #expect(RecordText.summary(history).contains("[post-signature amendment]"))
    }

    @Test func anEditAfterSigningWrittenAroundTheToolIsFound() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        // An amendment made by hand (as an older writer would): valid, chained and indexed, but unsigned.
        let stored = try notebook.readEntries()
        let time = Timestamp.wholeSeconds(Date())
        let edit = NotebookEntry.amendment(AmendmentEntry(
            id: "NB-0006", recordID: "NB-0001", chain: ChainLink(sequence: 6, previous: stored.last?.sha256), created: time,
            operatorName: "A. Chemist", software: Fixtures.software,
            observations: [StepObservation(step: 1, quantities: [ObservedQuantity(kind: .mass, value: "0.1103", unit: "g", reagent: "fe")])],
            audit: [AuditEntry(time: time, author: "A. Chemist", action: .amended, reason: "typo")]))
        let bytes = try EntryDocument.encode(edit)
        try Data(bytes).write(to: NotebookTests.file(notebook, "NB-0006"))
        let lines = stored.map(Notebook.IndexLine.init) + [Notebook.IndexLine(Notebook.StoredEntry(fileName: "NB-0006.xml", sha256: sha256Hex(bytes), entry: edit))]
        try Data(Notebook.IndexLine.text(lines).utf8).write(to: notebook.directory.appendingPathComponent(Notebook.indexFileName))
        let problems = try Self.signatureProblems(notebook)
        #expect(problems.map(\.entryID) == ["NB-0006"], "\(problems)")
        #expect(problems.first?.message.contains("after it was signed in NB-0004") == true)
    }

    @Test func receiptsFindATailRemovedAfterThem() throws {
        let notebook = try Self.signedNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let receipt = try notebook.head()
        #expect(receipt.head == "NB-0005" && receipt.count == 5)
        #expect(NotebookReceipt(parsing: "for the record: \(receipt) (pasted)") == receipt)
        #expect(try notebook.verify(trustedKeys: Self.trusted, receipt: receipt).isIntact)

        // The newest entry removed with its index line: the chain and the index are consistent again.
        try FileManager.default.removeItem(at: NotebookTests.file(notebook, "NB-0005"))
        let index = notebook.directory.appendingPathComponent(Notebook.indexFileName)
        let lines = try String(contentsOf: index, encoding: .utf8).split(separator: "\n").dropLast()
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: index)
        #expect(try notebook.verify(trustedKeys: Self.trusted).isIntact, "without the receipt nothing shows it: the documented limit")
        let report = try notebook.verify(trustedKeys: Self.trusted, receipt: receipt)
        #expect(report.problems.map(\.kind) == [.missing], "\(report.problems)")
        #expect(report.problems.first?.message.contains("removed from its end") == true)

        // A receipt whose entry was rewritten (and re-chained) is found too.
        var entries = try notebook.readEntries().map(\.entry)
        let taken = try notebook.head()
        guard case .amendment(var signature) = entries[3] else { throw Unexpected() }
        signature.audit[0].reason = "checked twice"
        entries[3] = .amendment(signature)
        try Self.rechain(notebook, entries)
        #expect(try notebook.verify(trustedKeys: Self.trusted, receipt: taken).problems.contains { $0.kind == .changed && $0.entryID == "NB-0004" })
    }

    @Test func keyFilesArePrivateAndNeverGoIntoANotebook() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.remove(folder) }
        let key = SigningKey(name: "A. Chemist")
        let written = try key.write(to: folder.appendingPathComponent("keys/a-chemist.key"))
        let attributes = try FileManager.default.attributesOfItem(atPath: written.privateKey.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let read = try SigningKey(contentsOf: written.privateKey)
        #expect(read.publicKey == key.publicKey && read.name == "A. Chemist")
        let trusted = try TrustedKeys(contentsOf: written.publicKey)
        #expect(trusted.keys[key.publicKey] == "A. Chemist")
        // Never over an existing file, never into a notebook.
        #expect(throws: NotebookError.self) { try key.write(to: written.privateKey) }
        let notebook = try NotebookTests.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        #expect(throws: NotebookError.self) { try key.write(to: notebook.directory.appendingPathComponent("mine.key")) }
        #expect(!FileManager.default.fileExists(atPath: notebook.directory.appendingPathComponent("mine.key").path))
    }

    struct Unexpected: Error {}
}
