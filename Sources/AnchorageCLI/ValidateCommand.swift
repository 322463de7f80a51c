import AnchorageCore
import AnchorageRules
import ArgumentParser
import Foundation

public struct ValidateCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check recipes like a compiler: file:line:col: error[RULE-ID]: message, with the reason and the paper behind it.",
        discussion: """
            Checks that could not run for want of a datum are listed after the findings as 'not checked' lines, each naming \
            the datum and where to add it, and counted in the summary. Exit status: 0 no errors, 1 errors found (or, with \
            --strict, warnings or checks that could not run), 2 unreadable files or wrong usage.
            """)

    @Argument(help: ArgumentHelp("Recipe files (YAML).", valueName: "FILE"))
    public var files: [String]

    @Option(help: "Output format: text, json or sarif (SARIF 2.1.0 for code-scanning views).")
    public var format: OutputFormat = .text

    @Flag(help: "Treat warnings as errors, and fail when a check could not run.")
    public var strict = false

    @OptionGroup public var knowledgeOptions: KnowledgeOptions

    public init() {}

    public func run() async throws {
        try ValidateCommand.execute(files: files, format: format, strict: strict, catalogFiles: knowledgeOptions.catalogFiles).emit()
    }

    public static func execute(files: [String], format: OutputFormat, strict: Bool, catalogFiles: [String] = []) -> CommandOutput {
        let knowledge: Knowledge
        do {
            knowledge = try KnowledgeOptions.load(catalogFiles: catalogFiles)
        } catch {
            return CommandOutput(standardError: "anchorage: \(error)\n", exitCode: 2)
        }
        let validator = Validator(knowledge: knowledge)
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var unreadable: [String] = []
        for file in files {
            do {
                let result = try validator.validate(path: file)
                diagnostics += result.diagnostics
                if let text = result.recipe?.text ?? (try? String(contentsOfFile: file, encoding: .utf8)) { sources[file] = text }
            } catch {
                unreadable.append("anchorage: \(error)")
            }
        }
        if strict {
            diagnostics = diagnostics.map { d in
                var d = d
                if d.severity == .warning { d.severity = .error }
                return d
            }
        }
        let formatter = DiagnosticFormatter(citations: knowledge.citations, sources: sources)
        var output = CommandOutput()
        switch format {
        case .text:
            output.standardOutput = formatter.text(diagnostics)
            let checked = files.count - unreadable.count
            // Nothing was read: the unreadable-file messages say it all; "0 files checked: no problems" would mislead.
            output.standardError = checked == 0 ? "" : DiagnosticFormatter.summary(diagnostics, files: checked) + "\n"
        case .json:
            output.standardOutput = formatter.json(diagnostics, files: files)
        case .sarif:
            output.standardOutput = formatter.sarif(diagnostics)
        }
        if !unreadable.isEmpty {
            output.standardError = unreadable.joined(separator: "\n") + "\n" + output.standardError
            output.exitCode = 2
        } else if diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .unknown }) {
            output.exitCode = 1
        }
        return output
    }
}
