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

    @Option(help: "Files checked at once (default: the number of cores).")
    public var jobs: Int?

    public func run() async throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs is a whole number of 1 or more, not \(jobs)") }
        let rowsToTerminal = isatty(STDOUT_FILENO) == 1
        var output = ValidateCommand.stream(
            files: files, format: format, strict: strict, catalogFiles: knowledgeOptions.catalogFiles, jobs: jobs,
            showsProgress: isatty(STDERR_FILENO) == 1, clearsProgress: rowsToTerminal
        ) { text in
            try StandardStreams.write(text, to: .output)
        }
        output.standardOutput = ""
        try output.emit()
    }

    public static func execute(files: [String], format: OutputFormat, strict: Bool, catalogFiles: [String] = [], jobs: Int? = nil)
        -> CommandOutput
    {
        var text = ""
        var output = stream(files: files, format: format, strict: strict, catalogFiles: catalogFiles, jobs: jobs, showsProgress: false) {
            text += $0
        }
        output.standardOutput = text
        return output
    }

    /// What one file gave: its findings, and for text output the finished text (with the source lines it quotes), so
    /// that nothing of the file is kept once it is written.
    struct FileResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var text = ""
        var unreadable: String?
    }

    /// Checks the files on every core (or `jobs` at once) and hands the output to `write` in the order of the files,
    /// each file's text as soon as it and those before it are done: memory stays flat in the number of files for text
    /// output (JSON and SARIF are one document, written at the end, which keeps the findings but not the files).
    /// The returned output holds standard error (unreadable files, the summary) and the exit status.
    static func stream(
        files: [String], format: OutputFormat, strict: Bool, catalogFiles: [String], jobs: Int?, showsProgress: Bool,
        clearsProgress: Bool = false, write: (String) throws -> Void
    ) -> CommandOutput {
        let knowledge: Knowledge
        do {
            knowledge = try KnowledgeOptions.load(catalogFiles: catalogFiles)
        } catch {
            return CommandOutput(standardError: "anchorage: \(error)\n", exitCode: 2)
        }
        let validator = Validator(knowledge: knowledge)
        let formatter = DiagnosticFormatter(citations: knowledge.citations)
        let isText = format == .text
        var kept: [Diagnostic] = []
        var counts: [Severity: Int] = [:]
        var done = 0
        var unreadable: [String] = []
        var writeError: (any Error)?
        var progress = ProgressLine(total: files.count, noun: "files", enabled: showsProgress && files.count >= 50)
        orderedConcurrentWork(count: files.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { index in
            let file = files[index]
            var result = FileResult()
            do {
                let validated = try validator.validate(path: file)
                result.diagnostics = validated.diagnostics
                if strict {
                    for i in result.diagnostics.indices where result.diagnostics[i].severity == .warning {
                        result.diagnostics[i].severity = .error
                    }
                }
                if isText, !result.diagnostics.isEmpty {
                    var local = formatter
                    if let source = validated.recipe?.text ?? (try? String(contentsOfFile: file, encoding: .utf8)) {
                        local.sources = [file: source]
                    }
                    result.text = local.text(result.diagnostics)
                }
            } catch {
                result.unreadable = "anchorage: \(error)"
            }
            return result
        } deliver: { _, result in
            if let message = result.unreadable { unreadable.append(message) }
            for d in result.diagnostics { counts[d.severity, default: 0] += 1 }
            if isText {
                if !result.text.isEmpty {
                    if clearsProgress { progress.clear() }
                    do { try write(result.text) } catch {
                        writeError = error
                        return false
                    }
                }
            } else {
                kept += result.diagnostics
            }
            done += 1
            progress.update(done: done, failed: unreadable.count)
            return true
        }
        progress.clear()
        var output = CommandOutput()
        if let writeError {
            return CommandOutput(standardError: "anchorage: \(writeError)\n", exitCode: 2)
        }
        do {
            switch format {
            case .text:
                let checked = files.count - unreadable.count
                // Nothing was read: the unreadable-file messages say it all; "0 files checked: no problems" would mislead.
                output.standardError = checked == 0 ? "" : DiagnosticFormatter.summary(severityCounts: counts, files: checked) + "\n"
            case .json:
                try write(formatter.json(kept, files: files))
            case .sarif:
                try write(formatter.sarif(kept))
            }
        } catch {
            return CommandOutput(standardError: "anchorage: \(error)\n", exitCode: 2)
        }
        if !unreadable.isEmpty {
            output.standardError = unreadable.joined(separator: "\n") + "\n" + output.standardError
            output.exitCode = 2
        } else if counts[.error, default: 0] > 0 || (strict && counts[.unknown, default: 0] > 0) {
            output.exitCode = 1
        }
        return output
    }
}
