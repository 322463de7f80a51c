import AnchorageCore
import AnchorageNotebook
import AnchorageRender
import AnchorageRules
import ArgumentParser
import Foundation

extension NotebookCommand {
    public enum ExportFormat: String, CaseIterable, ExpressibleByArgument, Sendable { case eln }

    public struct Export: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the records as a .eln file (RO-Crate, ELN Consortium): entries as stored, a summary and the protocol as HTML.",
            discussion: "Takes the same filters as `notebook list`. The file is never written over an existing one.")

        @OptionGroup public var location: NotebookOption
        @Option(help: "eln (a zipped RO-Crate, application/vnd.eln+zip).") public var format: ExportFormat = .eln
        @Option(help: ArgumentHelp("The file to write (…/NAME.eln).", valueName: "FILE")) public var output: String
        @Option(help: "Only runs of this recipe.") public var recipe: String?
        @Option(help: "Only runs of this route.") public var route: String?
        @Option(help: "Only runs whose target metals include this one.") public var metal: String?

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve() else { return try NotebookOption.missing.emit() }
            try Export.execute(notebook: notebook, output: output, filter: RecordFilter(recipe: recipe, route: route, metal: metal)).emit()
        }

        public static func execute(notebook: String, output: String, filter: RecordFilter = RecordFilter()) -> CommandOutput {
            guard output.hasSuffix(".eln") else {
                return CommandOutput(standardError: "anchorage: --output must name a .eln file\n", exitCode: 2)
            }
            do throws(NotebookError) {
                let folder = Notebook(directory: URL(fileURLWithPath: notebook))
                var histories: [RecordHistory] = []
                for history in try folder.histories() where try filter.matches(history) { histories.append(history) }
                var extras: [String: [ELNExport.Extra]] = [:]
                var notes = ""
                for history in histories {
                    if let html = protocolHTML(history) {
                        extras[history.record.id] = [
                            ELNExport.Extra(name: "protocol.html", content: Data(html.utf8), encodingFormat: "text/html")
                        ]
                    } else {
                        notes += "anchorage: note: \(history.record.id): no protocol HTML (its recipe no longer reads with this version)\n"
                    }
                }
                try ELNExport.write(
                    histories, from: folder, to: URL(fileURLWithPath: output), extras: extras, software: RecordCommand.software)
                return CommandOutput(
                    standardOutput:
                        "\(output): \(histories.count) record\(histories.count == 1 ? "" : "s") exported (.eln, RO-Crate 1.1)\n",
                    standardError: notes)
            } catch {
                return RecordCommand.failure(error)
            }
        }

        /// The protocol of the record, rendered from the recipe text it keeps, with what was recorded written in.
        static func protocolHTML(_ history: RecordHistory) -> String? {
            try? RecordProtocol.render(history, as: .html).get()
        }
    }
}
