import AnchorageCore
import AnchorageNotebook
import AnchorageRender
import AnchorageRules
import ArgumentParser
import Foundation

/// `anchorage notebook verify|list|show`: read a notebook, never change it.
public struct NotebookCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Check, list and show the records of an XML lab notebook.",
        subcommands: [Verify.self, Head.self, List.self, Show.self, Compare.self, Outcomes.self, Index.self, Query.self, Export.self])

    public init() {}
}

extension NotebookCommand {
    public struct Verify: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Validate every entry against the XSD and check the hash chain, the index, every recipe hash and every signature.",
            discussion: """
                Every edited, removed or reordered entry is named by its id; so is every signature that does not \
                match or is made with a key not in the trusted keys file (default: trusted-keys.txt in the notebook). \
                --receipt takes the text `anchorage notebook head` printed and finds a tail removed since. \
                Exit status: 0 intact, 1 problems found, 2 no notebook.
                """)

        @Argument(help: ArgumentHelp("The notebook folder (or --notebook DIR).", valueName: "DIR"))
        public var directory: String?

        @OptionGroup public var location: NotebookOption

        @Option(help: ArgumentHelp("The public keys the lab trusts (default: DIR/trusted-keys.txt).", valueName: "FILE"))
        public var trustedKeys: String?

        @Option(help: ArgumentHelp("A receipt printed by `anchorage notebook head`.", valueName: "TEXT"))
        public var receipt: String?

        public init() {}

        public func run() async throws {
            guard let directory = directory ?? location.resolve() else { return try NotebookOption.missing.emit() }
            try Verify.execute(directory: directory, trustedKeys: trustedKeys, receipt: receipt).emit()
        }

        public static func execute(directory: String, trustedKeys: String? = nil, receipt: String? = nil) -> CommandOutput {
            let report: NotebookVerification
            do throws(NotebookError) {
                let folder = URL(fileURLWithPath: directory)
                var keys: TrustedKeys?
                if let trustedKeys {
                    keys = try TrustedKeys(contentsOf: URL(fileURLWithPath: trustedKeys))
                } else {
                    let file = folder.appendingPathComponent(Notebook.trustedKeysFileName)
                    if FileManager.default.fileExists(atPath: file.path) { keys = try TrustedKeys(contentsOf: file) }
                }
                var parsedReceipt: NotebookReceipt?
                if let receipt {
                    guard let parsed = NotebookReceipt(parsing: receipt) else {
                        return CommandOutput(
                            standardError:
                                "anchorage: --receipt: not a receipt (it names an entry and its sha256:…, as `anchorage notebook head` prints)\n",
                            exitCode: 2)
                    }
                    parsedReceipt = parsed
                }
                report = try Notebook(directory: folder).verify(trustedKeys: keys, receipt: parsedReceipt)
            } catch {
                return RecordCommand.failure(error)
            }
            var output = CommandOutput()
            output.standardOutput = report.problems.map { "\(directory): \($0)\n" }.joined()
            output.standardError = report.notes.map { "\(directory): note: \($0)\n" }.joined()
            if !report.unsignedRecords.isEmpty {
                let shown = report.unsignedRecords.prefix(20).joined(separator: ", ")
                let more = report.unsignedRecords.count > 20 ? " and \(report.unsignedRecords.count - 20) more" : ""
                output.standardOutput += "\(directory): not signed: \(shown)\(more)\n"
            }
            let entries = "\(report.entriesChecked) entr\(report.entriesChecked == 1 ? "y" : "ies") checked"
            if report.isIntact {
                output.standardOutput += "\(directory): \(entries): the notebook is intact\n"
            } else {
                let ids = report.entriesWithProblems
                output.standardOutput +=
                    "\(directory): \(entries): \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")"
                    + (ids.isEmpty ? "" : " in " + ids.joined(separator: ", ")) + "\n"
                output.exitCode = 1
            }
            return output
        }
    }

    public struct Head: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print a receipt of the notebook's end (last entry, its SHA-256, count, date) to keep elsewhere.",
            discussion:
                "Paste it into a paper notebook, an e-mail or a commit; `notebook verify DIR --receipt TEXT` then finds a tail removed since."
        )

        @OptionGroup public var location: NotebookOption

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            try Head.execute(notebook: notebook).emit()
        }

        public static func execute(notebook: String) -> CommandOutput {
            do throws(NotebookError) {
                let receipt = try Notebook(directory: URL(fileURLWithPath: notebook)).head()
                return CommandOutput(standardOutput: "\(receipt)\n")
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }

    public enum ListFormat: String, CaseIterable, ExpressibleByArgument, Sendable { case table, csv, json }
}

extension RecordFilter.State: ExpressibleByArgument {}

extension NotebookCommand {

    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "One line per record (id, date, operator, recipe, progress, title), filtered; as a table, CSV or JSON.",
            discussion: "Filters combine (all must hold). Dates are UTC days, YYYY-MM-DD, both ends included.")

        @Argument(help: ArgumentHelp("The notebook folder (or --notebook DIR).", valueName: "DIR"))
        public var directory: String?

        @OptionGroup public var location: NotebookOption

        @Option(help: "Only runs of this recipe (its id).") public var recipe: String?
        @Option(help: "Only runs of this route.") public var route: String?
        @Option(help: "Only runs on this host framework.") public var host: String?
        @Option(help: "Only runs whose target metals include this one (e.g. Fe).") public var metal: String?
        @Option(name: .customLong("operator"), help: "Only runs planned or observed by this person.") public var operatorName: String?
        @Option(help: "Only runs planned on or after this day (YYYY-MM-DD).") public var since: String?
        @Option(help: "Only runs planned on or before this day (YYYY-MM-DD).") public var until: String?
        @Option(help: "Only runs in this state: planned, in-progress or done.") public var status: RecordFilter.State?
        @Flag(inversion: .prefixedNo, help: "Only signed runs (--signed) or only runs not signed (--no-signed).")
        public var signed: Bool?
        @Option(help: "table (default), csv or json.") public var format: ListFormat = .table

        public init() {}

        public func run() async throws {
            guard let directory = directory ?? location.resolve() else { return try NotebookOption.missing.emit() }
            let filter = RecordFilter(
                recipe: recipe, route: route, host: host, metal: metal, operatorName: operatorName, since: since, until: until,
                state: status, signed: signed)
            try List.execute(directory: directory, filter: filter, format: format).emit()
        }

        public static func execute(directory: String, filter: RecordFilter = RecordFilter(), format: ListFormat = .table) -> CommandOutput {
            do throws(NotebookError) {
                var histories: [RecordHistory] = []
                for history in try Notebook(directory: URL(fileURLWithPath: directory)).histories() where try filter.matches(history) {
                    histories.append(history)
                }
                switch format {
                case .table:
                    if histories.isEmpty {
                        return CommandOutput(standardOutput: "\(directory): no records\(filter.isEmpty ? " yet" : " match")\n")
                    }
                    return CommandOutput(standardOutput: histories.map { RecordText.listLine($0) + "\n" }.joined())
                case .csv:
                    return CommandOutput(standardOutput: RecordListing.csv(histories))
                case .json:
                    return CommandOutput(standardOutput: RecordListing.json(histories))
                }
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }

    public enum ShowFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
        /// Summary: plan, findings, steps with what was observed, audit trail.
        case text
        /// The bench protocol with the observed values written in.
        case `protocol`
        /// The record's XML file and its amendments' files, as stored.
        case xml
    }

    public struct Show: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a record with everything added to it since.")

        @Argument(help: ArgumentHelp("The record's id.", valueName: "ID"))
        public var id: String

        @OptionGroup public var location: NotebookOption

        @Option(
            name: .customLong("as"),
            help: "text (summary), protocol (the recipe's protocol with the observed values filled in) or xml.")
        public var format: ShowFormat = .text

        @Option(name: .customLong("format"), help: "With --as protocol: html, md or text (default text).")
        public var protocolFormat: ProtocolFormat?

        @Option(
            help: ArgumentHelp(
                "With --as protocol: a lab's own templates (protocol.html.mustache, protocol.md.mustache, protocol.txt.mustache).",
                valueName: "DIR"))
        public var templateDir: String?

        @OptionGroup public var knowledgeOptions: KnowledgeOptions

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            if format != .protocol && (protocolFormat != nil || templateDir != nil) {
                return try CommandOutput(standardError: "anchorage: --format and --template-dir go with --as protocol\n", exitCode: 2)
                    .emit()
            }
            let knowledge: Knowledge
            do {
                knowledge = try KnowledgeOptions.load(
                    catalogFiles: knowledgeOptions.catalogFiles, searchingFrom: URL(fileURLWithPath: notebook))
            } catch {
                return try CommandOutput(standardError: "anchorage: \(error)\n", exitCode: 2).emit()
            }
            try Show.execute(
                id: id, notebook: notebook, format: format, protocolFormat: protocolFormat ?? .text,
                templateDirectory: templateDir.map { URL(fileURLWithPath: $0, isDirectory: true) }, knowledge: knowledge
            ).emit()
        }

        /// `protocolFormat`, `templateDirectory` and `knowledge` (the shipped knowledge when nil) serve `--as protocol`.
        public static func execute(
            id: String, notebook: String, format: ShowFormat = .text, protocolFormat: ProtocolFormat = .text,
            templateDirectory: URL? = nil, knowledge: Knowledge? = nil
        ) -> CommandOutput {
            do throws(NotebookError) {
                let folder = URL(fileURLWithPath: notebook)
                let history = try Notebook(directory: folder).history(of: id)
                switch format {
                case .text:
                    return CommandOutput(standardOutput: RecordText.summary(history))
                case .protocol:
                    switch RecordProtocol.render(history, as: protocolFormat, knowledge: knowledge, templateDirectory: templateDirectory) {
                    case .success(let text): return CommandOutput(standardOutput: text)
                    case .failure(let failure):
                        let code: Int32 = if case .setup = failure { 2 } else { 1 }
                        return CommandOutput(standardError: "anchorage: \(failure)\n", exitCode: code)
                    }
                case .xml:
                    let ids = [history.record.id] + history.amendments.map(\.id)
                    var text = ""
                    for entryID in ids {
                        let url = folder.appendingPathComponent(entryID + ".xml")
                        guard let data = FileManager.default.contents(atPath: url.path) else {
                            throw NotebookError.fileSystem(operation: "read", path: url.lastPathComponent, reason: "no such file")
                        }
                        text += String(decoding: data, as: UTF8.self)
                    }
                    return CommandOutput(standardOutput: text)
                }
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }
}
