import Foundation
import Testing

@testable import AnchorageNotebook

/// The SQLite index is derived from the XML entries: rebuilt, it answers every query as before; it follows new
/// entries; queries cannot write.
@Suite struct NotebookIndexTests {
    static func notebook() throws -> Notebook {
        let notebook = try NotebookTests.filledNotebook()
        try notebook.appendObservations(
            to: "NB-0002", observations: [StepObservation(step: 1, quantities: [try ObservedQuantity(parsing: "1.71 g", kind: .mass, reagent: "zn")])],
            operatorName: "B. Chemist", software: Fixtures.software)
        try notebook.appendObservations(
            to: "NB-0001", observations: [], operatorName: "A. Chemist", software: Fixtures.software,
            results: RunResults(
                productMass: "0.41", loadings: [RunResults.Loading(metal: "Fe", value: "1.2", method: .icpOES)],
                haadf: RunResults.HAADF(verdict: .singleAtoms, singleAtoms: 120), xrdPhases: []))
        return notebook
    }

    static let queries = [
        "SELECT * FROM runs ORDER BY id", "SELECT * FROM reagents ORDER BY run, id", "SELECT * FROM steps ORDER BY run, number",
        "SELECT * FROM observations ORDER BY run, entry, step, kind", "SELECT * FROM results ORDER BY run, entry",
        "SELECT * FROM findings ORDER BY run, rule",
        "SELECT route, haadf, count(*) AS n FROM runs GROUP BY route, haadf ORDER BY route, haadf",
    ]

    @Test func aRebuiltIndexGivesTheSameAnswers() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        let index = NotebookIndex(notebook: notebook)
        let before = try Self.queries.map { try index.query($0) }
        #expect(before[0].rows.count == 3)
        #expect(before[0].columns.first == "id")
        let run = before[0].rows[0]
        let columns = before[0].columns
        #expect(run[columns.firstIndex(of: "haadf") ?? 0] == "single-atoms")
        #expect(run[columns.firstIndex(of: "loading_wt_percent") ?? 0] == "1.2")
        #expect(before[1].rows.contains { $0[0] == "NB-0001" && $0[1] == "zn" && $0.last == "1.702" }, "\(before[1].rows)")
        #expect(before[5].rows.map { $0[1] } == ["POC-003", "POC-003", "POC-003"])

        try FileManager.default.removeItem(at: index.url)
        #expect(try notebook.verify().isIntact, "the index is not part of what verify requires")
        #expect(try index.update(force: true))
        let after = try Self.queries.map { try index.query($0) }
        for (query, (first, second)) in zip(Self.queries, zip(before, after)) {
            #expect(first.columns == second.columns && first.rows == second.rows, "\(query)")
        }
        #expect(try notebook.verify().isIntact, "index.sqlite belongs in the notebook folder")
    }

    @Test func theIndexFollowsNewEntries() throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        let index = NotebookIndex(notebook: notebook)
        #expect(try index.query("SELECT count(*) FROM runs").rows == [["3"]])
        #expect(try !index.update())
        try notebook.appendRecord(Fixtures.plan(title: "fourth"), operatorName: "A", software: Fixtures.software)
        #expect(try index.query("SELECT count(*) FROM runs").rows == [["4"]])
    }

    @Test(arguments: [
        "DELETE FROM t_runs", "INSERT INTO t_runs (id) VALUES ('NB-9999')", "DROP VIEW runs", "CREATE TABLE x (a)",
        "UPDATE t_runs SET operator = 'X'", "ATTACH DATABASE 'elsewhere.sqlite' AS other", "PRAGMA query_only = OFF; DELETE FROM t_runs",
        "SELECT * FROM no_such_view",
    ])
    func queriesCannotWrite(sql: String) throws {
        let notebook = try Self.notebook()
        defer { Fixtures.remove(notebook.directory) }
        let index = NotebookIndex(notebook: notebook)
        #expect(throws: NotebookError.self) { try index.query(sql) }
        #expect(try index.query("SELECT count(*) FROM runs WHERE operator != 'X'").rows == [["3"]])
        #expect(!FileManager.default.fileExists(atPath: notebook.directory.appendingPathComponent("elsewhere.sqlite").path))
    }
}
