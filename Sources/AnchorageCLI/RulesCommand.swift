import AnchorageCore
import AnchorageRules
import ArgumentParser
import Foundation

public struct RulesCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule: id, severity, summary.")

    @Option(help: "Output format: text or json.")
    public var format: OutputFormat = .text

    public init() {}

    public func run() async throws {
        try RulesCommand.execute(format: format).emit()
    }

    struct Entry: Encodable {
        var id: String
        var name: String
        var family: String
        var severity: String
        var basis: String
        var basisCitation: String?
        var summary: String
        var references: [String]
    }

    public static func execute(format: OutputFormat) -> CommandOutput {
        let descriptions = RuleRegistry.descriptions
        switch format {
        case .json, .sarif:
            let entries = descriptions.map {
                Entry(
                    id: $0.id, name: $0.name, family: $0.family.title, severity: $0.severity.rawValue, basis: $0.basis.label,
                    basisCitation: $0.basis.citation, summary: $0.summary, references: $0.references)
            }
            return CommandOutput(standardOutput: DiagnosticFormatter.encode(entries))
        case .text:
            var out = ""
            var family: RuleFamily?
            for rule in descriptions {
                if rule.family != family {
                    family = rule.family
                    out += (out.isEmpty ? "" : "\n") + "\(rule.family.rawValue) — \(rule.family.title)\n"
                }
                out +=
                    "  \(rule.id.padding(toLength: 9, withPad: " ", startingAt: 0)) \(rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                    + "\(rule.basis.label.padding(toLength: 15, withPad: " ", startingAt: 0)) \(rule.summary)\n"
            }
            out +=
                "\n\(descriptions.count) rules. The second column is the severity, the third its basis (docs/rules.md, severity policy).\n"
            out += "`anchorage explain ID` shows one with its rationale, references and examples.\n"
            return CommandOutput(standardOutput: out)
        }
    }
}

public struct ExplainCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show one rule: its rationale, references and examples.")

    @Argument(help: "A rule id, e.g. CONF-001.")
    public var id: String

    public init() {}

    public func run() async throws {
        try ExplainCommand.execute(id: id).emit()
    }

    public static func execute(id: String) -> CommandOutput {
        guard let rule = RuleRegistry.description(for: id) else {
            let suggestion = Suggestion.closest(to: id.uppercased(), among: RuleRegistry.descriptions.map(\.id))
            return CommandOutput(
                standardError: "anchorage: no rule '\(id)'"
                    + (suggestion.map { "; did you mean \($0)?" } ?? "; `anchorage rules` lists them") + "\n",
                exitCode: 2)
        }
        let citations = (try? CitationIndex.bundled()) ?? CitationIndex([])
        var out = "\(rule.id) \(rule.name) (\(rule.severity.rawValue), \(rule.family.title))\n\n\(rule.summary)\n\n"
        out += "Severity\n" + wrap(severityReason(rule, citations: citations), indent: "  ") + "\n\n"
        out += "Why\n" + wrap(rule.rationale, indent: "  ") + "\n"
        if !rule.references.isEmpty {
            out += "\nReferences\n"
            for reference in rule.references {
                out += "  [\(reference)] " + (citations[reference]?.formatted ?? "(not in the citation data)") + "\n"
            }
        }
        let examples = [
            ("Triggers", rule.triggering), ("Does not trigger", rule.nonTriggering), ("Cannot run (a datum is missing)", rule.unknown),
        ]
        for (title, examples) in examples where !examples.isEmpty || title != "Cannot run (a datum is missing)" {
            out += "\n\(title)\n"
            for example in examples {
                out += example.unmarked.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  | " + $0 }.joined(
                    separator: "\n")
                if let marker = example.unmarked.marker { out += "  ← finding at line \(marker.line), column \(marker.column)" }
                out += "\n\n"
            }
        }
        return CommandOutput(standardOutput: out)
    }

    /// The severity and the basis it rests on, in words.
    static func severityReason(_ rule: RuleDescription, citations: CitationIndex) -> String {
        let source = rule.basis.citation.map { id in " [\(id)] " + (citations[id]?.formatted ?? "(not in the citation data)") } ?? ""
        switch rule.basis {
        case .ruledOut: return "\(rule.severity.rawValue): the chemistry or physics rules the outcome out, as reported in" + source
        case .publishedRisk:
            return "\(rule.severity.rawValue): a published risk, or a limit crossed by a margin the data supports, as reported in" + source
        case .recipeDefect: return "\(rule.severity.rawValue): the recipe cannot be read as written, or contradicts itself."
        case .writingSlip: return "\(rule.severity.rawValue): a likely slip in writing the recipe."
        case .information: return "\(rule.severity.rawValue): information; nothing is wrong."
        case .missingData:
            return
                "\(rule.severity.rawValue): the check cannot run without a datum that is not on record; the finding names it and where to add it."
        }
    }

    static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        if line != indent { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

public struct SchemaCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the recipe format as JSON Schema, for an editor's YAML language server.")

    public init() {}

    public func run() async throws {
        try CommandOutput(standardOutput: RecipeSchema.generate()).emit()
    }
}
