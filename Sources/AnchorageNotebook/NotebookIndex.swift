import Foundation
import GRDB

/// A SQLite index of the notebook (through GRDB) for queries: derived from the XML entries, which stay the source
/// of truth. It is rebuilt whenever the notebook's last entry differs from the one it was built from, so
/// deleting it loses nothing. Queries are read-only and see documented views (docs/notebook.md): runs, reagents,
/// steps, observations, results, findings.
public struct NotebookIndex: Sendable {
    public static let fileName = "index.sqlite"
    /// Names SQLite may put beside the index while it writes (a rollback journal).
    static let companionFileNames: Set<String> = [fileName, fileName + "-journal"]
    public static let views = ["runs", "reagents", "steps", "observations", "results", "findings"]

    public let notebook: Notebook
    public var url: URL { notebook.directory.appendingPathComponent(NotebookIndex.fileName) }

    public init(notebook: Notebook) { self.notebook = notebook }

    /// The index up to date with the entries: rebuilt if it is missing, stale or unreadable (or when `force`).
    /// Returns whether it was rebuilt.
    @discardableResult
    public func update(force: Bool = false) throws(NotebookError) -> Bool {
        let head = try currentHead()
        if !force, FileManager.default.fileExists(atPath: url.path), (try? storedHead()) == head { return false }
        try rebuild(head: head)
        return true
    }

    /// Runs read-only SQL over the views and returns the column names and the rows as text (nil for NULL).
    public func query(_ sql: String) throws(NotebookError) -> (columns: [String], rows: [[String?]]) {
        try update()
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            let result: QueryResult = try queue.read { (db: Database) throws -> QueryResult in
                try db.execute(sql: "PRAGMA query_only = ON")
                let statement = try db.makeStatement(sql: sql)
                let columns: [String] = statement.columnNames
                let rows: [Row] = try Row.fetchAll(statement)
                return QueryResult(columns: columns, rows: rows.map(NotebookIndex.texts))
            }
            return (result.columns, result.rows)
        } catch let error as DatabaseError {
            throw .invalidValue(field: "query", message: error.message ?? "\(error)")
        } catch {
            throw .invalidValue(field: "query", message: "\(error)")
        }
    }

    private struct QueryResult: Sendable {
        var columns: [String]
        var rows: [[String?]]
    }

    private static func texts(_ row: Row) -> [String?] {
        var result: [String?] = []
        for value in row.databaseValues {
            switch value.storage {
            case .null: result.append(nil)
            case .int64(let number): result.append(String(number))
            case .double(let number): result.append(String(number))
            case .string(let text): result.append(text)
            case .blob(let data): result.append("x'" + data.map { String(format: "%02x", $0) }.joined() + "'")
            }
        }
        return result
    }

    // MARK: Building

    private func currentHead() throws(NotebookError) -> String {
        let files = try notebook.entryFileNames()
        guard let last = files.last else { return "empty" }
        return "\(EntryID.make(sequence: last.sequence)) \(sha256Hex(try notebook.readBytes(last.name)))"
    }

    private func storedHead() throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'head'") }
    }

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE t_runs (id TEXT PRIMARY KEY, created TEXT, operator TEXT, recipe TEXT, title TEXT, route TEXT, host TEXT,
            metals TEXT, state TEXT, steps INTEGER, steps_done INTEGER, signed INTEGER, product_g REAL, haadf TEXT,
            loading_metal TEXT, loading_wt_percent REAL, loading_method TEXT, exafs_shell TEXT, exafs_cn REAL, metal_metal INTEGER,
            xrd_phases TEXT, findings TEXT);
        CREATE TABLE t_reagents (run TEXT, id TEXT, name TEXT, formula TEXT, role TEXT, molar_mass REAL, planned_g REAL,
            planned_mmol REAL, planned_ml REAL, actual_g REAL);
        CREATE TABLE t_steps (run TEXT, number INTEGER, kind TEXT, status TEXT, planned_h REAL, actual_h REAL);
        CREATE TABLE t_observations (run TEXT, entry TEXT, step INTEGER, status TEXT, started TEXT, finished TEXT, kind TEXT,
            value REAL, value_text TEXT, unit TEXT, reagent TEXT, notes TEXT);
        CREATE TABLE t_results (run TEXT, entry TEXT, product_g REAL, loading_metal TEXT, loading_wt_percent REAL, loading_method TEXT,
            haadf TEXT, single_atoms INTEGER, clusters INTEGER, particles INTEGER, exafs_shell TEXT, exafs_cn REAL, metal_metal INTEGER,
            xrd_phases TEXT, notes TEXT, files TEXT);
        CREATE TABLE t_findings (run TEXT, rule TEXT, severity TEXT, message TEXT);
        CREATE VIEW runs AS SELECT * FROM t_runs;
        CREATE VIEW reagents AS SELECT * FROM t_reagents;
        CREATE VIEW steps AS SELECT * FROM t_steps;
        CREATE VIEW observations AS SELECT * FROM t_observations;
        CREATE VIEW results AS SELECT * FROM t_results;
        CREATE VIEW findings AS SELECT * FROM t_findings;
        """

    private func rebuild(head: String) throws(NotebookError) {
        let histories = try notebook.histories()
        let temporary = notebook.directory.appendingPathComponent("\(DurableFiles.temporaryPrefix)\(NotebookIndex.fileName).\(getpid()).\(UUID().uuidString.prefix(8))")
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try queue.write { db in
                try db.execute(sql: NotebookIndex.schema)
                try db.execute(sql: "INSERT INTO meta VALUES ('head', ?), ('format', '1')", arguments: [head])
                for history in histories { try NotebookIndex.insert(history, into: db) }
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .fileSystem(operation: "build the index", path: NotebookIndex.fileName, reason: "\(error)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = DurableFiles.errnoText()
            try? FileManager.default.removeItem(at: temporary)
            throw .fileSystem(operation: "replace", path: NotebookIndex.fileName, reason: reason)
        }
    }

    private static func insert(_ history: RecordHistory, into db: Database) throws {
        let record = history.record
        let plan = record.plan
        let id = record.id
        let results = history.results
        let comparison = RunComparison([history])
        let loading = results?.loadings.first
        let findings = comparison.findings[id] ?? []
        try db.execute(
            sql: "INSERT INTO t_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                id, Timestamp.text(record.created), record.operatorName, plan.recipeID, plan.title, plan.route, plan.host,
                RecordListing.targetMetals(plan).joined(separator: " "), RecordListing.state(history).rawValue, plan.steps.count,
                plan.steps.filter { history.status(ofStep: $0.number) == .done }.count, history.isSigned ? 1 : 0,
                results?.productMass.flatMap(Double.init), results?.haadf?.verdict.rawValue, loading?.metal,
                loading.flatMap { Double($0.value) }, loading?.method.rawValue, results?.exafs?.shell,
                results?.exafs?.coordination.flatMap(Double.init), results?.exafs.map { $0.metalMetalPathSeen ? 1 : 0 },
                results?.xrdPhases.map { $0.joined(separator: ", ") }, findings.joined(separator: " "),
            ])
        for reagent in plan.reagents {
            let row = comparison.rows.first { $0.label == "reagent \(reagent.id) (\(reagent.name))" }
            try db.execute(
                sql: "INSERT INTO t_reagents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, reagent.id, reagent.name, reagent.formula, reagent.role, reagent.molarMass, reagent.massGrams,
                    reagent.amountMillimoles, reagent.volumeMillilitres, row?.cells[id]?.actual,
                ])
        }
        for step in plan.steps {
            let row = comparison.rows.first { $0.label == "step \(step.number) \(step.kind)" }
            try db.execute(
                sql: "INSERT INTO t_steps VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, step.number, step.kind, history.status(ofStep: step.number).rawValue, row?.cells[id]?.planned,
                    row?.cells[id]?.actual,
                ])
            for (entryID, observation) in history.observations(ofStep: step.number) {
                let quantities: [ObservedQuantity?] = observation.quantities.isEmpty ? [nil] : observation.quantities
                for quantity in quantities {
                    try db.execute(
                        sql: "INSERT INTO t_observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            id, entryID, step.number, observation.status.rawValue, observation.started.map(Timestamp.text),
                            observation.finished.map(Timestamp.text), quantity?.kind.rawValue, quantity.flatMap { Double($0.value) },
                            quantity?.value, quantity?.unit, quantity?.reagent,
                            observation.notes.isEmpty ? nil : observation.notes.joined(separator: "\n"),
                        ])
                }
            }
        }
        for amendment in history.amendments {
            guard let result = amendment.results else { continue }
            let loading = result.loadings.first
            try db.execute(
                sql: "INSERT INTO t_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, amendment.id, result.productMass.flatMap(Double.init), loading?.metal, loading.flatMap { Double($0.value) },
                    loading?.method.rawValue, result.haadf?.verdict.rawValue, result.haadf?.singleAtoms, result.haadf?.clusters,
                    result.haadf?.particles, result.exafs?.shell, result.exafs?.coordination.flatMap(Double.init),
                    result.exafs.map { $0.metalMetalPathSeen ? 1 : 0 }, result.xrdPhases.map { $0.joined(separator: ", ") },
                    result.notes.isEmpty ? nil : result.notes.joined(separator: "\n"),
                    result.files.isEmpty ? nil : result.files.map { "\($0.name) \($0.sha256)" }.joined(separator: "\n"),
                ])
        }
        for diagnostic in plan.diagnostics {
            try db.execute(
                sql: "INSERT INTO t_findings VALUES (?, ?, ?, ?)",
                arguments: [id, diagnostic.ruleID, diagnostic.severity.rawValue, diagnostic.message])
        }
    }
}
