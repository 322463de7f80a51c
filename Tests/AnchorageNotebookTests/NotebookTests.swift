import Foundation
import Testing

@testable import AnchorageNotebook

@Suite struct NotebookTests {
    /// A notebook with three records and two amendments: NB-0001 … NB-0005.
    static func filledNotebook() throws -> Notebook {
        let notebook = Notebook(directory: Fixtures.temporaryFolder().appendingPathComponent("nb"))
        try notebook.appendRecord(Fixtures.plan(), operatorName: "A. Chemist", software: Fixtures.software)
        try notebook.appendRecord(Fixtures.plan(title: "second run"), operatorName: "B. Chemist", software: Fixtures.software)
        try notebook.appendObservations(
            to: "NB-0001",
            observations: [StepObservation(step: 1, quantities: [try ObservedQuantity(parsing: "1.702 g", kind: .mass, reagent: "zn")], notes: ["white suspension"])],
            operatorName: "A. Chemist", software: Fixtures.software)
        try notebook.appendRecord(Fixtures.plan(title: "third run"), operatorName: "A. Chemist", software: Fixtures.software)
        try notebook.appendObservations(
            to: "NB-0002", observations: [StepObservation(step: 2, status: .inProgress)], operatorName: "B. Chemist",
            software: Fixtures.software)
        return notebook
    }

    static func file(_ notebook: Notebook, _ id: String) -> URL { notebook.directory.appendingPathComponent(id + ".xml") }

    @Test func aFilledNotebookVerifiesAndEveryEntryValidatesWithXmllint() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let report = try notebook.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.notes.isEmpty, "\(report.notes)")
        #expect(report.entriesChecked == 5)
        for sequence in 1...5 {
            let result = try Xmllint.validate(Self.file(notebook, EntryID.make(sequence: sequence)))
            #expect(result.status == 0, "\(result.output)")
        }
        let entries = try notebook.readEntries()
        #expect(entries.map(\.entry.chain.sequence) == [1, 2, 3, 4, 5])
        #expect(entries[0].entry.chain.previous == nil)
        for position in 1..<entries.count { #expect(entries[position].entry.chain.previous == entries[position - 1].sha256) }
    }

    @Test func observationsJoinTheirRecordAndTheAuditTrailGrows() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let history = try notebook.history(of: "NB-0001")
        #expect(history.amendments.map(\.id) == ["NB-0003"])
        #expect(history.status(ofStep: 1) == .done)
        #expect(history.status(ofStep: 2) == .planned)
        #expect(history.auditTrail.map(\.entry.action) == [.created, .observed])
        #expect(history.observations(ofStep: 1).first?.observation.quantities.first?.value == "1.702")
        #expect(try notebook.histories().map(\.record.id) == ["NB-0001", "NB-0002", "NB-0004"])
    }

    @Test func amendingAnObservedStepNeedsAReasonAndKeepsTheEarlierValue() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let correction = StepObservation(step: 1, quantities: [try ObservedQuantity(parsing: "1.720 g", kind: .mass, reagent: "zn")])
        #expect(throws: NotebookError.amendmentNeedsReason(record: "NB-0001", step: 1, earlierEntry: "NB-0003")) {
            try notebook.appendObservations(to: "NB-0001", observations: [correction], operatorName: "A. Chemist", software: Fixtures.software)
        }
        let amendment = try notebook.appendObservations(
            to: "NB-0001", observations: [correction], operatorName: "A. Chemist", software: Fixtures.software,
            reason: "balance read wrongly")
        #expect(amendment.audit.first?.action == .amended)
        let history = try notebook.history(of: "NB-0001")
        #expect(history.observations(ofStep: 1).map { $0.observation.quantities.first?.value } == ["1.702", "1.720"])
        #expect(try notebook.verify().isIntact)

        let signature = try notebook.appendObservations(
            to: "NB-0001", observations: [], operatorName: "C. Supervisor", software: Fixtures.software, reason: "checked",
            signing: SigningRequest(key: SigningKey(name: "C. Supervisor"), meaning: .approval))
        #expect(signature.audit.first?.action == .signed)
        #expect(try notebook.history(of: "NB-0001").isSigned)
    }

    @Test func observationsOfUnknownRecordsStepsAndReagentsAreRefused() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let software = Fixtures.software
        #expect(throws: NotebookError.recordNotFound(id: "NB-0042", known: ["NB-0001", "NB-0002", "NB-0004"])) {
            try notebook.appendObservations(to: "NB-0042", observations: [StepObservation(step: 1)], operatorName: "A", software: software)
        }
        #expect(throws: NotebookError.notARecord(id: "NB-0003", recordID: "NB-0001")) {
            try notebook.appendObservations(to: "NB-0003", observations: [StepObservation(step: 1)], operatorName: "A", software: software)
        }
        #expect(throws: NotebookError.unknownStep(record: "NB-0001", step: 7, known: [1, 2, 3])) {
            try notebook.appendObservations(to: "NB-0001", observations: [StepObservation(step: 7)], operatorName: "A", software: software)
        }
        let typo = StepObservation(step: 2, quantities: [ObservedQuantity(kind: .mass, value: "1", unit: "g", reagent: "hmin")])
        #expect(throws: NotebookError.unknownReagent(record: "NB-0001", step: 2, reagent: "hmin", known: ["zn", "fe", "hmim", "meoh"], suggestion: "hmim")) {
            try notebook.appendObservations(to: "NB-0001", observations: [typo], operatorName: "A", software: software)
        }
        #expect(try notebook.readEntries().count == 5, "a refused observation writes nothing")
    }

    // MARK: Tampering

    @Test(arguments: ["NB-0001", "NB-0003", "NB-0005"], [0.0, 0.05, 0.2, 0.45, 0.6, 0.8, 0.97, 0.999])
    func aChangedByteIsReportedByID(id: String, position: Double) throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let url = Self.file(notebook, id)
        var bytes = [UInt8](try Data(contentsOf: url))
        let offset = min(bytes.count - 1, Int(Double(bytes.count) * position))
        bytes[offset] = bytes[offset] == UInt8(ascii: " ") ? UInt8(ascii: "\t") : (bytes[offset] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: " "))
        try Data(bytes).write(to: url)
        let report = try notebook.verify()
        #expect(!report.isIntact)
        #expect(report.entriesWithProblems == [id], "\(report.problems)")
    }

    @Test func anEditedRecipeTextIsReportedAsSuch() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let url = Self.file(notebook, "NB-0002")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "mass: 0.10 g", with: "mass: 0.30 g")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let report = try notebook.verify()
        #expect(report.problems.contains { $0.entryID == "NB-0002" && $0.kind == .recipeChanged })
        #expect(report.entriesWithProblems == ["NB-0002"])
    }

    @Test(arguments: ["NB-0001", "NB-0003", "NB-0005"])
    func aDeletedEntryIsReportedByID(id: String) throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        try FileManager.default.removeItem(at: Self.file(notebook, id))
        let report = try notebook.verify()
        #expect(report.problems.contains { $0.entryID == id && $0.kind == .missing }, "\(report.problems)")
        if id == "NB-0001" {
            // NB-0003 amends the deleted record: that is named too.
            #expect(report.entriesWithProblems == ["NB-0001"] || report.entriesWithProblems == ["NB-0001", "NB-0003"])
        } else {
            #expect(report.entriesWithProblems == [id])
        }
    }

    @Test(arguments: [("NB-0001", "NB-0002"), ("NB-0002", "NB-0004"), ("NB-0004", "NB-0005")])
    func swappedEntriesAreReportedByID(first: String, second: String) throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let a = Self.file(notebook, first)
        let b = Self.file(notebook, second)
        let aBytes = try Data(contentsOf: a)
        try Data(contentsOf: b).write(to: a)
        try aBytes.write(to: b)
        let report = try notebook.verify()
        #expect(report.entriesWithProblems.contains(first), "\(report.problems)")
        #expect(report.entriesWithProblems.contains(second), "\(report.problems)")
        #expect(report.problems.contains { $0.kind == .reordered })
    }

    @Test func anOversizedFileIsReportedWithoutBeingRead() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: Notebook.maximumEntryBytes + 1)
        try Data(huge).write(to: Self.file(notebook, "NB-0004"))
        let report = try notebook.verify()
        #expect(report.problems.map(\.kind) == [.invalid], "\(report.problems)")
        #expect(report.entriesWithProblems == ["NB-0004"])
    }

    @Test func nothingIsAppendedToADamagedChain() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        try FileManager.default.removeItem(at: Self.file(notebook, "NB-0005"))
        #expect(throws: NotebookError.self) {
            try notebook.appendRecord(Fixtures.plan(), operatorName: "A", software: Fixtures.software)
        }
        #expect(!FileManager.default.fileExists(atPath: Self.file(notebook, "NB-0005").path))
    }

    // MARK: Interrupted and concurrent writers

    @Test func leftoversOfAStoppedWriterAreHarmlessAndCleanedByTheNextWrite() throws {
        let notebook = try Self.filledNotebook()
        defer { Fixtures.remove(notebook.directory) }
        let leftover = notebook.directory.appendingPathComponent(".tmp-NB-0006.xml.999.abcdef")
        try Data("<record".utf8).write(to: leftover)
        // The index lost its last line, as if the writer stopped between the entry and the index.
        let index = notebook.directory.appendingPathComponent(Notebook.indexFileName)
        let lines = try String(contentsOf: index, encoding: .utf8).split(separator: "\n").dropLast()
        try (lines.joined(separator: "\n") + "\n").write(to: index, atomically: true, encoding: .utf8)

        let report = try notebook.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.notes.count == 2)

        try notebook.appendRecord(Fixtures.plan(), operatorName: "A", software: Fixtures.software)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        let after = try notebook.verify()
        #expect(after.isIntact && after.notes.isEmpty, "\(after.problems) \(after.notes)")
        #expect(notebook.readIndex()?.lines.map(\.id) == (1...6).map { EntryID.make(sequence: $0) })
    }

    @Test func concurrentWritersInOneProcessKeepTheChainLinear() async throws {
        let notebook = Notebook(directory: Fixtures.temporaryFolder().appendingPathComponent("shared"))
        defer { Fixtures.remove(notebook.directory) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for run in 0..<3 {
                        try notebook.appendRecord(Fixtures.plan(title: "writer \(writer) run \(run)"), operatorName: "W\(writer)", software: Fixtures.software)
                    }
                }
            }
            try await group.waitForAll()
        }
        let report = try notebook.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(try notebook.readEntries().map(\.entry.chain.sequence) == Array(1...12))
    }
}
