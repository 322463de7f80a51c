import AnchorageCore
import AnchorageRender
import AnchorageRules
import ArgumentParser
import Foundation

public struct ProtocolCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "Print a bench protocol for a recipe: HTML for print, Markdown or plain text.",
        discussion: """
            A recipe with errors is refused (the diagnostics are printed, exit 1) unless --force is given; the protocol then \
            shows the errors at the top. --output never replaces an existing file unless --overwrite is given.
            Exit status: 0 written, 1 the recipe has errors, 2 unreadable files or wrong usage.
            """)

    @Argument(help: ArgumentHelp("The recipe file (YAML).", valueName: "FILE"))
    public var file: String

    @Option(help: "Output format: html, md or text.")
    public var format: ProtocolFormat = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the protocol to this file instead of standard output.", valueName: "FILE"))
    public var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    public var overwrite = false

    @Option(help: ArgumentHelp("Multiply every amount and liquid volume by this factor.", valueName: "FACTOR"))
    public var scale: Double?

    @Option(help: ArgumentHelp(
        "Scale the batch so that the limiting reagent (the metal source with the fewest moles) is this amount or mass, e.g. '5 mmol' or '0.5 g'.",
        valueName: "QUANTITY"))
    public var batch: String?

    @Option(help: "Paper size: a4 or letter.")
    public var paper: Paper = .a4

    @Option(help: ArgumentHelp("A lab's own templates: a directory with protocol.html.mustache, protocol.md.mustache and protocol.txt.mustache.", valueName: "DIR"))
    public var templateDir: String?

    @Flag(help: "Render even when the recipe has errors; they are shown at the top of the protocol.")
    public var force = false

    @OptionGroup public var knowledgeOptions: KnowledgeOptions

    public init() {}

    public func run() async throws {
        try ProtocolCommand.execute(
            file: file, format: format, output: output, overwrite: overwrite, scale: scale, batch: batch, paper: paper,
            templateDir: templateDir, force: force, knowledgeOptions: knowledgeOptions
        ).emit()
    }

    /// Today's date, as the protocol prints it.
    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    public static func execute(
        file: String, format: ProtocolFormat, output: String? = nil, overwrite: Bool = false, scale: Double? = nil, batch: String? = nil,
        paper: Paper = .a4, templateDir: String? = nil, force: Bool = false, knowledgeOptions: KnowledgeOptions? = nil,
        date: String = today(), version: String = AnchorageVersion.current
    ) -> CommandOutput {
        func usage(_ message: String) -> CommandOutput { CommandOutput(standardError: "anchorage: \(message)\n", exitCode: 2) }
        if scale != nil && batch != nil { return usage("give --scale or --batch, not both") }
        if let scale, !(scale > 0 && scale.isFinite) { return usage("--scale must be a positive number, not \(QuantityFormat.number(scale))") }
        if let output, URL(fileURLWithPath: output).resolvingSymlinksInPath().path == URL(fileURLWithPath: file).resolvingSymlinksInPath().path {
            return usage("--output \(output) is the recipe itself; a recipe is never overwritten")
        }
        if let output, !overwrite, FileManager.default.fileExists(atPath: output) {
            return usage("\(output) exists; it is not replaced without --overwrite")
        }
        // --overwrite replaces a protocol written before: a regular file. A FIFO, a device, a socket, a folder or a
        // symbolic link is something else the user made, and a new file written in its place would destroy it.
        if let output, overwrite, let kind = Self.nonRegularKind(atPath: output) {
            return usage("\(output) is \(kind), not a regular file; it is not replaced, even with --overwrite")
        }
        let knowledge: Knowledge
        let protocolKnowledge: ProtocolKnowledge
        let renderer: ProtocolRenderer
        do {
            // Without options (a caller that did not parse a command line), the shipped knowledge alone.
            knowledge = try knowledgeOptions?.load() ?? Knowledge.bundled()
            protocolKnowledge = try ProtocolKnowledge.bundled()
            renderer = try ProtocolRenderer(templateDirectory: templateDir.map { URL(fileURLWithPath: $0, isDirectory: true) })
        } catch {
            return usage("\(error)")
        }
        let result: ValidationResult
        do {
            result = try Validator(knowledge: knowledge).validate(path: file)
        } catch {
            return usage("\(error)")
        }
        let formatter = DiagnosticFormatter(citations: knowledge.citations, sources: result.recipe.map { [file: $0.text] } ?? [:])
        guard let recipe = result.recipe else {
            return CommandOutput(standardOutput: "", standardError: formatter.text(result.diagnostics) + "anchorage: \(file) is not a recipe; no protocol written\n", exitCode: 1)
        }
        if result.diagnostics.hasErrors && !force {
            return CommandOutput(
                standardError: formatter.text(result.diagnostics)
                    + DiagnosticFormatter.summary(result.diagnostics, files: 1) + "\nanchorage: no protocol written: fix the errors, or use --force to print it with them\n",
                exitCode: 1)
        }
        var factor = scale ?? 1
        if let batch {
            guard let resolved = result.resolved else { return usage("--batch: the recipe's amounts could not be computed") }
            switch QuantityParser.parse(batch, expecting: [.amount, .mass]) {
            case .failure(let error):
                return usage("--batch: \(error.message)" + (error.hint.map { " (\($0))" } ?? ""))
            case .success(let quantity):
                switch RecipeScaling.factor(forBatch: quantity, resolved: resolved) {
                case .success(let f): factor = f
                case .failure(let error): return usage("\(error)")
                }
            }
        }
        let builder = ProtocolBuilder(
            knowledge: protocolKnowledge, catalog: knowledge.chemicals, elements: knowledge.elements, citations: knowledge.citations)
        let settings = ProtocolSettings(scale: factor, paper: paper, file: file, sha256: ProtocolSettings.sha256(of: recipe.text), date: date, version: version)
        let document = builder.build(recipe: recipe, diagnostics: result.diagnostics, settings: settings, course: result.course ?? knowledge.courseKnowledge(for: recipe))
        let text = renderer.render(document, as: format)

        var messages = document.scalingWarnings.map { "anchorage: warning: \($0)\n" }.joined()
        if result.diagnostics.hasErrors { messages += "anchorage: warning: protocol printed with \(result.diagnostics.filter { $0.severity == .error }.count) error(s) (--force)\n" }
        guard let output else { return CommandOutput(standardOutput: text, standardError: messages) }
        do {
            // Written whole or not at all; --overwrite was checked above.
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: overwrite ? [.atomic] : [.withoutOverwriting])
        } catch {
            return usage("cannot write \(output): \(error.localizedDescription)")
        }
        return CommandOutput(standardError: messages + "anchorage: protocol written to \(output)\n")
    }
}

extension ProtocolCommand {
    /// What is at `path` when it exists and is not a regular file ("a FIFO", "a device"), without following a link.
    static func nonRegularKind(atPath path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}

extension ProtocolFormat: ExpressibleByArgument {}
extension Paper: ExpressibleByArgument {}
