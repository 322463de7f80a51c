import Foundation
import Testing

@testable import AnchorageNotebook

@Suite struct ObservationSheetTests {
    @Test func aSheetReadsEveryKindOfObservation() throws {
        let sheet = try ObservationSheet.parse(text: """
            record: NB-0003
            operator: A. Chemist
            reason: second weighing
            steps:
              - step: 1
                started: 2026-11-25T09:40:00Z
                reagent: zn
                mass: 1.702 g
                temperature: 24 °C
                note: white suspension
                quantities:
                  - {mass: 0.101 g, reagent: fe}
              - step: 4
                status: in-progress
                duration: 2 h
                notes: [stirring, slightly turbid]
            """, file: "obs.yaml")
        #expect(sheet.recordID == "NB-0003")
        #expect(sheet.operatorName == "A. Chemist")
        #expect(sheet.reason == "second weighing")
        #expect(sheet.observations.count == 2)
        let first = sheet.observations[0]
        #expect(first.step == 1 && first.status == .done)
        #expect(first.started == Timestamp.date("2026-11-25T09:40:00Z"))
        #expect(first.quantities == [
            ObservedQuantity(kind: .mass, value: "1.702", unit: "g", reagent: "zn"),
            ObservedQuantity(kind: .temperature, value: "24", unit: "°C"),
            ObservedQuantity(kind: .mass, value: "0.101", unit: "g", reagent: "fe"),
        ])
        #expect(first.notes == ["white suspension"])
        #expect(sheet.observations[1].status == .inProgress)
        #expect(sheet.observations[1].notes == ["stirring", "slightly turbid"])
    }

    @Test(arguments: [
        ("steps:\n  - step: 1\n    mas: 1 g\n", 3, 5, "did you mean 'mass'?"),
        ("steps:\n  - step: 1\n    mass: 1,7 g\n", 3, 11, "mass"),
        ("steps:\n  - step: 1\n    status: finished\n", 3, 13, "unknown status"),
        ("steps:\n  - mass: 1 g\n", 2, 5, "missing 'step'"),
        ("steps:\n  - step: one\n", 2, 11, "step number"),
        ("steps:\n  - step: 1\n    started: yesterday\n", 3, 14, "is not a time"),
        ("steps: [\n", 2, 1, ""),
        ("reason: x\n", 1, 1, "no observations"),
    ])
    func problemsAreLocated(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try ObservationSheet.parse(text: text, file: "obs.yaml")
        } throws: { error in
            guard case NotebookError.observationFile(let file, let atLine, let atColumn, let message) = error else { return false }
            return file == "obs.yaml" && atLine == line && atColumn == column && (fragment.isEmpty || message.contains(fragment))
        }
    }
}
