import Foundation
import Testing

@testable import AnchorageNotebook

/// Recording at the bench: several weighings per step are observations, times are read as the bench clock shows
/// them, and what cannot be is refused on the spot.
@Suite struct BenchTests {
    static func notebook() throws -> Notebook {
        let notebook = Notebook(directory: Fixtures.temporaryFolder().appendingPathComponent("nb"))
        try notebook.appendRecord(Fixtures.plan(), operatorName: "A. Chemist", software: Fixtures.software)
        return notebook
    }

    static func weighing(_ step: Int, _ mass: String, _ reagent: String) throws -> StepObservation {
        StepObservation(step: step, quantities: [try ObservedQuantity(parsing: mass, kind: .mass, reagent: reagent)])
    }

    static func add(_ notebook: Notebook, _ observation: StepObservation, reason: String? = nil, now: Date = Date()) throws -> AmendmentEntry {
        try notebook.appendObservations(
            to: "NB-0001", observations: [observation], operatorName: "A. Chemist", software: Fixtures.software, reason: reason, now: now)
    }

    @Test func aSecondReagentWeighedAtAStepIsAnObservationAndTheSameReagentAgainAnAmendment() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        #expect(try Self.add(notebook, try Self.weighing(1, "1.702 g", "zn")).audit.first?.action == .observed)
        #expect(try Self.add(notebook, try Self.weighing(1, "101.3 mg", "fe")).audit.first?.action == .observed)
        #expect(try Self.add(notebook, StepObservation(step: 1, notes: ["clear solution"])).audit.first?.action == .observed)
        #expect(throws: NotebookError.amendmentNeedsReason(record: "NB-0001", step: 1, earlierEntry: "NB-0002")) {
            try Self.add(notebook, try Self.weighing(1, "1.712 g", "zn"))
        }
        #expect(try Self.add(notebook, try Self.weighing(1, "1.712 g", "zn"), reason: "recalibrated").audit.first?.action == .amended)
        let history = try notebook.history(of: "NB-0001")
        #expect(RecordText.listLine(history).contains("0/3 steps done, 3 observations, 1 amendment") == false)
        #expect(RecordText.listLine(history).contains("3 observations, 1 amendment"), "\(RecordText.listLine(history))")
    }

    @Test func aStatusMovingOnIsAnObservationAndMovingBackAnAmendment() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        #expect(try Self.add(notebook, StepObservation(step: 2, status: .inProgress)).audit.first?.action == .observed)
        #expect(try Self.add(notebook, StepObservation(step: 2, status: .done)).audit.first?.action == .observed)
        #expect(throws: NotebookError.self) { try Self.add(notebook, StepObservation(step: 2, status: .inProgress)) }
        #expect(try Self.add(notebook, StepObservation(step: 2, status: .inProgress), reason: "stirring resumed").audit.first?.action == .amended)
    }

    @Test(arguments: [
        (1, "hmim", "step 1 (dissolve) of record NB-0001 does not use 'hmim' (its reagents are zn, fe, meoh)"),
        (2, "zn", "step 2 (stir) of record NB-0001 does not use 'zn' (it uses no reagent)"),
    ])
    func anAmountOfAReagentTheStepDoesNotUseIsRefusedNamingItsReagents(step: Int, reagent: String, message: String) throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        #expect {
            try Self.add(notebook, try Self.weighing(step, "1 g", reagent))
        } throws: { error in
            (error as? NotebookError)?.description == message
        }
        #expect(try notebook.readEntries().count == 1)
    }

    @Test func aFinishBeforeTheStartIsRefusedAlsoAgainstAnEarlierStart() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        let now = Date()
        let start = Timestamp.wholeSeconds(now.addingTimeInterval(-3600))
        #expect(throws: NotebookError.self) {
            try Self.add(notebook, StepObservation(step: 2, status: .done, started: start, finished: start.addingTimeInterval(-60)), now: now)
        }
        _ = try Self.add(notebook, StepObservation(step: 2, status: .inProgress, started: start), now: now)
        #expect {
            try Self.add(notebook, StepObservation(step: 2, status: .done, finished: start.addingTimeInterval(-1)), now: now)
        } throws: { error in
            (error as? NotebookError)?.description.contains("would finish") ?? false
        }
        #expect(try Self.add(notebook, StepObservation(step: 2, status: .done, finished: start.addingTimeInterval(1800)), now: now)
            .audit.first?.action == .observed)
    }

    @Test func aTimeInTheFutureBeyondTheClockSkewIsRefused() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        let now = Date()
        #expect(throws: NotebookError.self) {
            try Self.add(notebook, StepObservation(step: 3, status: .inProgress, started: now.addingTimeInterval(3600)), now: now)
        }
        // Within the skew (the bench clock a little ahead) it is taken.
        _ = try Self.add(notebook, StepObservation(step: 3, status: .inProgress, started: Timestamp.wholeSeconds(now.addingTimeInterval(120))), now: now)
    }

    @Test(arguments: [
        ("2026-11-25T09:40:00Z", "2026-11-25T09:40:00Z", nil),
        ("2026-11-25T10:40+01:00", "2026-11-25T09:40:00Z", 3600),
        ("2026-11-25T04:40:30-05:00", "2026-11-25T09:40:30Z", -18000),
        ("2026-11-25 10:40", "2026-11-25T09:40:00Z", 3600),  // local, read in the zone given (Europe/Paris, winter)
        ("2026-07-01 10:40", "2026-07-01T08:40:00Z", 7200),  // summer time
    ] as [(String, String, Int?)])
    func benchTimesKeepTheirOffset(text: String, utc: String, offset: Int?) throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let time = try #require(BenchTime.parse(text, timeZone: paris))
        #expect(Timestamp.text(time.date) == utc)
        #expect(time.offset == offset)
    }

    @Test func nowAndATimeOfDayAreReadOnTheLocalClock() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let now = try #require(Timestamp.date("2026-11-25T09:41:07Z"))
        let current = try #require(BenchTime.parse("now", now: now, timeZone: paris))
        #expect(current.date == now && current.offset == 3600)
        let morning = try #require(BenchTime.parse("08:15", now: now, timeZone: paris))
        #expect(Timestamp.text(morning.date) == "2026-11-25T07:15:00Z" && morning.offset == 3600)
        #expect(BenchTime.text(morning.date, offset: morning.offset) == "2026-11-25T08:15:00+01:00")
    }

    @Test(arguments: ["25:00", "2026-02-30 10:00", "10:61", "yesterday", "2026-11-25T10:40+25:00", "10:4", ""])
    func impossibleTimesAreNotRead(text: String) {
        #expect(BenchTime.parse(text, timeZone: TimeZone(identifier: "UTC") ?? .gmt) == nil)
    }

    @Test func anOffsetIsWrittenAsFormat11AndReadBack() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        let now = Date()
        let start = Timestamp.wholeSeconds(now.addingTimeInterval(-600))
        _ = try Self.add(notebook, StepObservation(step: 2, status: .inProgress, started: start, startedOffset: -18000), now: now)
        let text = try String(contentsOf: NotebookTests.file(notebook, "NB-0002"), encoding: .utf8)
        #expect(text.contains(#"version="1.1""#))
        #expect(text.contains(#"<started offset="-05:00">\#(Timestamp.text(start))</started>"#), "\(text)")
        let read = try notebook.history(of: "NB-0001").observations(ofStep: 2).first?.observation
        #expect(read?.started == start && read?.startedOffset == -18000)
        #expect(try notebook.verify().isIntact)
        let result = try Xmllint.validate(NotebookTests.file(notebook, "NB-0002"))
        #expect(result.status == 0, "\(result.output)")
    }
}
