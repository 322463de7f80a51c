import AnchorageNotebook
import ArgumentParser
import Foundation

extension RunResults.HAADFVerdict: ExpressibleByArgument {}
extension RunResults.LoadingMethod: ExpressibleByArgument {}

extension RecordCommand {
    public struct Result: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "result",
            abstract: "Attach characterisation results to a record: loading, HAADF-STEM, EXAFS, XRD, product mass, notes, raw files by hash.",
            discussion: """
                Example: anchorage record result NB-0003 --operator "A. Chemist" --loading 1.2 --method ICP-OES \
                --haadf single-atoms --single-atoms 140 --clusters 3 --exafs-shell Fe-N --coordination 4.1 --no-metal-metal \
                --xrd-phase none --attach haadf-01.dm4
                """)

        @Argument(help: ArgumentHelp("The record's id.", valueName: "RECORD-ID"))
        public var recordID: String

        @OptionGroup public var location: NotebookOption

        @Option(name: .customLong("operator"), help: ArgumentHelp("Who reports the results.", valueName: "NAME"))
        public var operatorName: String

        @Option(help: "Product mass in g, as weighed.") public var product: String?
        @Option(help: "Metal loading, wt% of the solid.") public var loading: String?
        @Option(help: "Which metal the loading is of (default: the recipe's first target metal).") public var metal: String?
        @Option(help: "How the loading was measured: ICP-OES, AAS, ICP-MS, XPS or other.") public var method: RunResults.LoadingMethod?
        @Option(help: "What HAADF-STEM showed: single-atoms, clusters or particles.") public var haadf: RunResults.HAADFVerdict?
        @Option(help: "Single atoms counted.") public var singleAtoms: Int?
        @Option(help: "Clusters counted.") public var clusters: Int?
        @Option(help: "Particles counted.") public var particles: Int?
        @Option(help: "EXAFS first-shell path, e.g. Fe-N or Co-O.") public var exafsShell: String?
        @Option(help: "Its coordination number.") public var coordination: String?
        @Flag(inversion: .prefixedNo, help: "Whether EXAFS shows a metal–metal path (with --exafs-shell).") public var metalMetal: Bool = false
        @Option(help: "A metal or carbide phase XRD showed (repeatable), or 'none'.") public var xrdPhase: [String] = []
        @Option(name: .customLong("note"), help: "A note (repeatable).") public var notes: [String] = []
        @Option(help: ArgumentHelp("A raw data file, kept by name and SHA-256 (repeatable).", valueName: "FILE")) public var attach: [String] = []
        @Option(help: "Why (needed once the record is signed).") public var reason: String?
        @Option(help: ArgumentHelp("Sign this entry with this private key (needed once the record is signed).", valueName: "FILE"))
        public var key: String?

        public init() {}

        public func run() async throws { try execute().emit() }

        public func execute() -> CommandOutput {
            guard let notebook = location.resolve() else { return NotebookOption.missing }
            do throws(NotebookError) {
                let folder = Notebook(directory: URL(fileURLWithPath: notebook))
                var results = RunResults()
                if let product {
                    guard let value = RunResults.decimal(product) else { throw .invalidValue(field: "--product", message: "'\(product)' is not a mass in g") }
                    results.productMass = value
                }
                if let loading {
                    guard let value = RunResults.decimal(loading.replacingOccurrences(of: "wt%", with: "")) else {
                        throw .invalidValue(field: "--loading", message: "'\(loading)' is not a wt% value")
                    }
                    guard let method else { throw .invalidValue(field: "--method", message: "give how the loading was measured (ICP-OES, AAS, …)") }
                    var target = metal
                    if target == nil { target = RecordListing.targetMetals(try folder.history(of: recordID).record.plan).first }
                    guard let target else { throw .invalidValue(field: "--metal", message: "which metal is the loading of?") }
                    results.loadings = [RunResults.Loading(metal: target, value: value, method: method)]
                }
                if let haadf {
                    results.haadf = RunResults.HAADF(verdict: haadf, singleAtoms: singleAtoms, clusters: clusters, particles: particles)
                }
                if let exafsShell {
                    if let coordination, RunResults.decimal(coordination) == nil {
                        throw .invalidValue(field: "--coordination", message: "'\(coordination)' is not a coordination number")
                    }
                    results.exafs = RunResults.EXAFS(
                        shell: exafsShell, coordination: coordination.flatMap(RunResults.decimal), metalMetalPathSeen: metalMetal)
                }
                if !xrdPhase.isEmpty { results.xrdPhases = xrdPhase.filter { $0.lowercased() != "none" } }
                results.notes = notes
                for path in attach { results.files.append(try RunResults.attach(URL(fileURLWithPath: path))) }
                if results.isEmpty { throw .invalidValue(field: "results", message: "nothing given: --loading, --haadf, --exafs-shell, --xrd-phase, --product, --note or --attach") }
                let signing = try key.map { (path) throws(NotebookError) in
                    SigningRequest(key: try SigningKey(contentsOf: URL(fileURLWithPath: path)), meaning: .performed)
                }
                let entry = try folder.appendObservations(
                    to: recordID, observations: [], operatorName: operatorName, software: RecordCommand.software, reason: reason,
                    results: results, signing: signing)
                return CommandOutput(standardOutput: "\(entry.id) written to \(notebook)/\(entry.id).xml: results of \(recordID)\n")
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }
}

extension NotebookCommand {
    public enum ReportFormat: String, CaseIterable, ExpressibleByArgument, Sendable { case text, json }

    public struct Outcomes: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "outcomes",
            abstract: "How the runs came out (HAADF-STEM verdicts, loadings, EXAFS, XRD), by route and by finding at planning time.",
            discussion: "Takes the same filters as `notebook list`.")

        @OptionGroup public var location: NotebookOption
        @Option(help: "Only runs of this recipe.") public var recipe: String?
        @Option(help: "Only runs of this route.") public var route: String?
        @Option(help: "Only runs whose target metals include this one.") public var metal: String?

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            try Outcomes.execute(notebook: notebook, filter: RecordFilter(recipe: recipe, route: route, metal: metal)).emit()
        }

        public static func execute(notebook: String, filter: RecordFilter = RecordFilter()) -> CommandOutput {
            do throws(NotebookError) {
                var histories: [RecordHistory] = []
                for history in try Notebook(directory: URL(fileURLWithPath: notebook)).histories() where try filter.matches(history) {
                    histories.append(history)
                }
                return CommandOutput(standardOutput: OutcomeReport(histories).text)
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }

    public struct Compare: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Planned against actual for several runs: reagent masses and step durations with deviation %, product mass, findings.")

        @Argument(help: ArgumentHelp("Records to compare.", valueName: "RECORD-ID")) public var ids: [String]
        @OptionGroup public var location: NotebookOption
        @Option(help: "text (default) or json.") public var format: ReportFormat = .text

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            try Compare.execute(ids: ids, notebook: notebook, format: format).emit()
        }

        public static func execute(ids: [String], notebook: String, format: ReportFormat = .text) -> CommandOutput {
            guard !ids.isEmpty else { return CommandOutput(standardError: "anchorage: which records? give one or more ids\n", exitCode: 2) }
            do throws(NotebookError) {
                let folder = Notebook(directory: URL(fileURLWithPath: notebook))
                var histories: [RecordHistory] = []
                for id in ids { histories.append(try folder.history(of: id)) }
                let comparison = RunComparison(histories)
                return CommandOutput(standardOutput: format == .json ? comparison.json : comparison.text)
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }
}

extension NotebookCommand {
    public struct Index: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "Bring the SQLite index (index.sqlite) up to date with the entries, or rebuild it from them.",
            discussion: "The XML entries are the source of truth; the index is derived from them and can be deleted at any time.")

        @OptionGroup public var location: NotebookOption
        @Flag(help: "Rebuild it even if it is up to date.") public var rebuild = false

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            try Index.execute(notebook: notebook, rebuild: rebuild).emit()
        }

        public static func execute(notebook: String, rebuild: Bool = false) -> CommandOutput {
            do throws(NotebookError) {
                let index = NotebookIndex(notebook: Notebook(directory: URL(fileURLWithPath: notebook)))
                let rebuilt = try index.update(force: rebuild)
                return CommandOutput(
                    standardOutput: "\(notebook)/\(NotebookIndex.fileName): \(rebuilt ? "rebuilt from the entries" : "up to date")\n")
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }

    public struct Query: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Run read-only SQL over the notebook's views: runs, reagents, steps, observations, results, findings.",
            discussion: """
                Example: anchorage notebook query "SELECT route, haadf, count(*) FROM runs GROUP BY route, haadf" \
                The views are described in docs/notebook.md; the index is brought up to date first.
                """)

        @Argument(help: ArgumentHelp("One SQL statement (SELECT …).", valueName: "SQL")) public var sql: String
        @OptionGroup public var location: NotebookOption
        @Option(help: "table (default), csv or json.") public var format: ListFormat = .table

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            try Query.execute(sql: sql, notebook: notebook, format: format).emit()
        }

        public static func execute(sql: String, notebook: String, format: ListFormat = .table) -> CommandOutput {
            do throws(NotebookError) {
                let index = NotebookIndex(notebook: Notebook(directory: URL(fileURLWithPath: notebook)))
                let (columns, rows) = try index.query(sql)
                switch format {
                case .table:
                    let table = [columns] + rows.map { $0.map { $0 ?? "NULL" } }
                    let widths = columns.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
                    let text = table.map { line in
                        line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
                    }.joined(separator: "\n")
                    return CommandOutput(standardOutput: text + "\n")
                case .csv:
                    func field(_ text: String?) -> String {
                        guard let text else { return "" }
                        return text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
                    }
                    let lines = [columns.map(field).joined(separator: ",")] + rows.map { $0.map(field).joined(separator: ",") }
                    return CommandOutput(standardOutput: lines.joined(separator: "\r\n") + "\r\n")
                case .json:
                    let objects = rows.map { row in
                        Dictionary(zip(columns, row.map { $0.map { $0 as Any } ?? NSNull() }), uniquingKeysWith: { first, _ in first })
                    }
                    let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
                    return CommandOutput(standardOutput: String(decoding: data, as: UTF8.self) + "\n")
                }
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }
}
