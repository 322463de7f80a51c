import Foundation
import Testing

@testable import AnchorageNotebook

@Suite struct RecordDocumentTests {
    @Test func bundledSchemaIsByteIdenticalToSchemasFolder() throws {
        let source = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("schemas/notebook.xsd"))
        let bundled = try EntryDocument.schemaBytes()
        #expect([UInt8](source) == bundled, "copy schemas/notebook.xsd to Sources/AnchorageNotebook/Resources/")
    }

    @Test func schemaCompiles() throws {
        _ = try EntryDocument.schema()
    }

    static func record(sequence: Int = 1) -> RecordEntry {
        let plan = Fixtures.plan()
        let time = Timestamp.wholeSeconds(Date(timeIntervalSince1970: 1_795_000_000))
        return RecordEntry(
            id: EntryID.make(sequence: sequence), chain: ChainLink(sequence: sequence, previous: sequence == 1 ? nil : String(repeating: "a", count: 64)),
            created: time, operatorName: "A. Chemist", software: Fixtures.software, plan: plan,
            observations: plan.steps.map { StepObservation(step: $0.number, status: .planned) },
            audit: [AuditEntry(time: time, author: "A. Chemist", action: .created, reason: "planned")])
    }

    @Test func recordValidatesAndReadsBack() throws {
        let record = Self.record()
        let bytes = try EntryDocument.encode(.record(record))
        #expect(try EntryDocument.validate(bytes).isEmpty)
        let read = try EntryDocument.decode(bytes, file: "NB-0001.xml")
        guard case .record(let back) = read else {
            Issue.record("not read back as a record")
            return
        }
        #expect(back.plan.recipeText == Fixtures.recipeText)
        #expect(back.plan.recipeSHA256 == record.plan.recipeSHA256)
        #expect(back.plan.reagents == record.plan.reagents)
        #expect(back.plan.steps == record.plan.steps)
        #expect(back.plan.diagnostics == record.plan.diagnostics)
        #expect(back.plan.fitVerdicts == record.plan.fitVerdicts)
        #expect(back == record)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<![CDATA[anchorage: 1"))
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }

    @Test func recipeTextLineEndsAreNormalizedBeforeHashing() {
        let crlf = PlannedRecord(recipeID: "r", title: "t", recipeText: "a: 1\r\nb: 2\r\n")
        let lf = PlannedRecord(recipeID: "r", title: "t", recipeText: "a: 1\nb: 2\n")
        #expect(crlf.recipeSHA256 == lf.recipeSHA256)
        #expect(lf.recipeSHA256 == "d02b8bb58aa82e872f709035f39b734b9f28dde0c3d305698a95d04aec594cfa")
    }

    /// The system's xmllint, an independent implementation of the same check.
    @Test func recordValidatesWithSystemXmllint() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.remove(folder) }
        let file = folder.appendingPathComponent("NB-0001.xml")
        try Data(try EntryDocument.encode(.record(Self.record()))).write(to: file)
        let result = try Xmllint.validate(file)
        #expect(result.status == 0, "xmllint: \(result.output)")
    }

    @Test func aStepUsingAnUndeclaredReagentIsRefusedAtTheElement() throws {
        var record = Self.record()
        record.plan.steps[0].reagentRefs.append("cobalt")
        #expect {
            _ = try EntryDocument.encode(.record(record))
        } throws: { error in
            guard case NotebookError.invalidDocument(_, let problems) = error else { return false }
            return problems.contains { $0.element == "uses" && $0.message.contains("cobalt") }
        }
    }

    @Test(arguments: ["2-MeIm", "zinc salt", "Fe(acac)3", "ζ"])
    func reagentIdsAreKeptAsTheRecipeWroteThem(id: String) throws {
        var record = Self.record()
        record.plan.reagents[0].id = id
        record.plan.steps[0].reagentRefs[0] = id
        record.observations[0] = StepObservation(step: 1, quantities: [ObservedQuantity(kind: .mass, value: "1.7", unit: "g", reagent: id)])
        let bytes = try EntryDocument.encode(.record(record))
        guard case .record(let back) = try EntryDocument.decode(bytes, file: "NB-0001.xml") else {
            Issue.record("not a record")
            return
        }
        #expect(back.plan.reagents[0].id == id)
        #expect(back.plan.steps[0].reagentRefs[0] == id)
    }

    @Test func anObservationOfAnUnplannedStepIsRefused() throws {
        var record = Self.record()
        record.observations.append(StepObservation(step: 9, status: .done))
        #expect(throws: NotebookError.self) { _ = try EntryDocument.encode(.record(record)) }
    }

    @Test func controlCharactersAreRefusedWithTheField() throws {
        var record = Self.record()
        record.operatorName = "A.\u{1}Chemist"
        #expect(throws: NotebookError.invalidValue(field: "operator", message: "contains a control character XML cannot hold")) {
            _ = try EntryDocument.encode(.record(record))
        }
    }

    @Test(arguments: [0.0, 1.69, 0.000123456, 5.681, 45.07, 1234567.0, 30])
    func computedAmountsAreWrittenAsDecimals(value: Double) throws {
        let text = try #require(DecimalText(value)).text
        #expect(!text.contains("e"))
        let back = try #require(Double(text))
        #expect(abs(back - value) <= abs(value) * 1e-5)
    }

    @Test(arguments: [
        ("1.702g", QuantityKind.mass, "1.702", "g"), ("1.702 g", .mass, "1.702", "g"), ("25 °C", .temperature, "25", "°C"),
        ("25C", .temperature, "25", "°C"), ("2 h", .duration, "2", "h"), (".5 mL", .volume, "0.5", "mL"),
        ("10 uL", .volume, "10", "µL"), ("1e3 g", .mass, "1000", "g"), ("-5 °C", .temperature, "-5", "°C"),
        ("1 atm", .pressure, "1", "atm"),
    ])
    func observedQuantitiesParse(text: String, kind: QuantityKind, value: String, unit: String) throws {
        let quantity = try ObservedQuantity(parsing: text, kind: kind)
        #expect(quantity.value == value)
        #expect(quantity.unit == unit)
    }

    @Test(arguments: [("1,702 g", QuantityKind.mass), ("1.7 kelvins", .temperature), ("g", .mass), ("12", .mass), ("3 mL", .mass)])
    func badQuantitiesSayWhy(text: String, kind: QuantityKind) {
        #expect(throws: NotebookError.self) { _ = try ObservedQuantity(parsing: text, kind: kind) }
    }
}

/// Runs the system's `xmllint --schema schemas/notebook.xsd` on a file.
enum Xmllint {
    static func validate(_ file: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let schema = Fixtures.packageRoot.appendingPathComponent("schemas/notebook.xsd").path
        process.arguments = ["xmllint", "--noout", "--nonet", "--schema", schema, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
