import AnchorageCore
import AnchorageNotebook
import AnchorageRules
import ArgumentParser
import Foundation

/// `anchorage record RECIPE --notebook DIR --operator NAME`, and `record observe` / `record sign` for what follows.
public struct RecordCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Keep an XML lab-notebook record of a synthesis run: plan it from a recipe, then add what was observed.",
        discussion: """
            A notebook is a folder of entries (NB-0001.xml, …), each valid against schemas/notebook.xsd, never \
            rewritten, and linked by SHA-256 in one chain; `anchorage notebook verify DIR` checks it.
            Exit status: 0 written, 1 not written (the recipe has errors, the entry is invalid, the notebook is \
            damaged), 2 unreadable input or wrong usage.
            """,
        subcommands: [New.self, Observe.self, Result.self, Sign.self],
        defaultSubcommand: New.self)

    public init() {}

    static let software = SoftwareIdentity(name: "anchorage", version: AnchorageVersion.current)

    /// Exit 2 for what could not be read or found, 1 for everything refused on its merits.
    static func failure(_ error: NotebookError) -> CommandOutput {
        let code: Int32
        switch error {
        case .notebookMissing, .fileSystem, .notWritten, .observationFile, .schemaMissing, .schemaUnusable: code = 2
        default: code = 1
        }
        return CommandOutput(standardError: "anchorage: \(error)\n", exitCode: code)
    }
}

extension RecordCommand {
    public struct New: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a new planned record of a recipe (the default: `anchorage record RECIPE …`).",
            discussion: "The recipe is checked first; a recipe with errors is not recorded. Warnings and notes are kept in the record.")

        @Argument(help: ArgumentHelp("The recipe (YAML).", valueName: "RECIPE"))
        public var recipe: String

        @OptionGroup public var location: NotebookOption

        @Option(name: .customLong("operator"), help: ArgumentHelp("Who runs the synthesis.", valueName: "NAME"))
        public var operatorName: String

        @Option(help: "Why the record is made (kept in the audit trail).")
        public var reason: String?

        @OptionGroup public var knowledgeOptions: KnowledgeOptions

        public init() {}

        public func run() async throws {
            guard let notebook = location.resolve(searchingFrom: [recipe]) else { return try NotebookOption.missing.emit() }
            try New.execute(
                recipe: recipe, notebook: notebook, operatorName: operatorName, reason: reason,
                knowledgeOptions: knowledgeOptions
            ).emit()
        }

        public static func execute(
            recipe path: String, notebook: String, operatorName: String, reason: String? = nil,
            knowledgeOptions: KnowledgeOptions? = nil
        ) -> CommandOutput {
            let knowledge: Knowledge
            let result: ValidationResult
            do {
                knowledge = try (knowledgeOptions ?? KnowledgeOptions.parse([])).load()
                result = try Validator(knowledge: knowledge).validate(path: path)
            } catch {
                return CommandOutput(standardError: "anchorage: \(error)\n", exitCode: 2)
            }
            let formatter = DiagnosticFormatter(citations: knowledge.citations, sources: [path: result.recipe?.text ?? ""])
            guard let recipe = result.recipe, let resolved = result.resolved, !result.diagnostics.hasErrors else {
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                return CommandOutput(
                    standardError: formatter.text(result.diagnostics)
                        + "anchorage: \(path) not recorded: the recipe has \(errors) error\(errors == 1 ? "" : "s")\n",
                    exitCode: 1)
            }
            // The size verdicts the rules used at planning time, kept with the record.
            let verdicts = result.confinedPrecursors.compactMap(\.verdict).map {
                PlannedFitVerdict(precursor: $0.precursor.name, framework: $0.framework.name, mode: $0.mode.rawValue, summary: $0.explanation)
            }
            let plan = PlannedRecord(recipe: recipe, resolved: resolved, diagnostics: result.diagnostics, fitVerdicts: verdicts)
            do throws(NotebookError) {
                let record = try Notebook(directory: URL(fileURLWithPath: notebook)).appendRecord(
                    plan, operatorName: operatorName, software: RecordCommand.software, reason: reason)
                let findings = result.diagnostics.isEmpty ? "" : ", \(result.diagnostics.count) finding\(result.diagnostics.count == 1 ? "" : "s") recorded"
                return CommandOutput(
                    standardOutput: "\(record.id) written to \(notebook)/\(record.id).xml: \(plan.title) "
                        + "(\(plan.steps.count) steps to observe\(findings))\n",
                    standardError: formatter.text(result.diagnostics))
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }

    public struct Observe: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "observe",
            abstract: "Add what was observed at a step (or several, from a YAML file) to a record, as a new entry.",
            discussion: """
                Example: anchorage record observe NB-0003 --notebook lab --operator "A. Chemist" --step 1 \
                --reagent zn --mass 1.702g --note "white suspension"
                A step observed before is amended only with --reason; the earlier entry stays as it was.
                """)

        @Argument(help: ArgumentHelp("The record's id.", valueName: "RECORD-ID"))
        public var recordID: String

        @OptionGroup public var location: NotebookOption

        @Option(name: .customLong("operator"), help: ArgumentHelp("Who observed (or `operator:` in the file).", valueName: "NAME"))
        public var operatorName: String?

        @Option(help: ArgumentHelp("Observations from a YAML file (see docs/notebook.md).", valueName: "FILE"))
        public var from: String?

        @Option(help: "The step observed (its number in the record).")
        public var step: Int?

        @Option(help: "The step's status: planned, in-progress, done, skipped, failed.")
        public var status: String = "done"

        @Option(help: "The reagent the mass, volume or amount belongs to.")
        public var reagent: String?

        @Option(help: "Mass weighed, e.g. 1.702g.") public var mass: String?
        @Option(help: "Volume measured, e.g. 30 mL.") public var volume: String?
        @Option(help: "Amount of substance, e.g. 5.68 mmol.") public var amount: String?
        @Option(help: "Temperature read, e.g. 25 °C.") public var temperature: String?
        @Option(help: "Time taken, e.g. 24 h.") public var duration: String?
        @Option(help: "Pressure read, e.g. 1 bar.") public var pressure: String?

        @Option(help: "When the step started: now, 10:40 (local, today), 2026-11-25 10:40 (local), with an offset (+01:00) or in UTC (…Z).")
        public var started: String?
        @Option(help: "When the step finished (as --started).") public var finished: String?

        @Option(name: .customLong("note"), help: "A note (repeatable).")
        public var notes: [String] = []

        @Option(help: "Why (needed to amend a step observed before, and after the record was signed).")
        public var reason: String?

        @Option(help: ArgumentHelp("Sign this entry with this private key (needed once the record is signed).", valueName: "FILE"))
        public var key: String?

        @Option(help: "What the signature of this entry means (with --key): approval, review, witness or performed.")
        public var meaning: EntrySignature.Meaning = .performed

        public init() {}

        public func run() async throws { try execute().emit() }

        public func execute() -> CommandOutput {
            guard let notebook = location.resolve(searchingFrom: [from].compactMap { $0 }) else { return NotebookOption.missing }
            do throws(NotebookError) {
                var author = operatorName
                var why = reason
                let observations: [StepObservation]
                if let from {
                    if step != nil {
                        return CommandOutput(standardError: "anchorage: give either --from FILE or --step N, not both\n", exitCode: 2)
                    }
                    let sheet = try ObservationSheet.read(path: from)
                    if let named = sheet.recordID, named != recordID {
                        return CommandOutput(
                            standardError: "anchorage: \(from) is for record \(named), not \(recordID)\n", exitCode: 2)
                    }
                    author = author ?? sheet.operatorName
                    why = why ?? sheet.reason
                    observations = sheet.observations
                } else {
                    guard let step else {
                        return CommandOutput(standardError: "anchorage: which step? give --step N (or --from FILE)\n", exitCode: 2)
                    }
                    observations = [try commandLineObservation(step: step)]
                }
                guard let author else {
                    return CommandOutput(standardError: "anchorage: who observed? give --operator NAME\n", exitCode: 2)
                }
                let signing = try key.map { (path) throws(NotebookError) in
                    SigningRequest(key: try SigningKey(contentsOf: URL(fileURLWithPath: path)), meaning: meaning)
                }
                let entry = try Notebook(directory: URL(fileURLWithPath: notebook)).appendObservations(
                    to: recordID, observations: observations, operatorName: author, software: RecordCommand.software,
                    reason: why, signing: signing)
                let action = entry.audit.first?.action.rawValue ?? "observed"
                let steps = observations.map { String($0.step) }.joined(separator: ", ")
                return CommandOutput(
                    standardOutput: "\(entry.id) written to \(notebook)/\(entry.id).xml: \(recordID) \(action), step\(observations.count == 1 ? "" : "s") \(steps)\n")
            } catch {
                return RecordCommand.failure(error)
            }
        }

        func commandLineObservation(step: Int) throws(NotebookError) -> StepObservation {
            guard let status = StepStatus(rawValue: status) else {
                throw .invalidValue(
                    field: "--status", message: "'\(status)' is not one of " + StepStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var observation = StepObservation(step: step, status: status, notes: notes)
            let given: [(QuantityKind, String?)] = [
                (.mass, mass), (.volume, volume), (.amount, amount), (.temperature, temperature), (.duration, duration),
                (.pressure, pressure),
            ]
            for case (let kind, let text?) in given {
                let ofReagent = kind == .mass || kind == .volume || kind == .amount
                observation.quantities.append(try ObservedQuantity(parsing: text, kind: kind, reagent: ofReagent ? reagent : nil))
            }
            for (flag, text) in [("--started", started), ("--finished", finished)] {
                guard let text else { continue }
                guard let time = BenchTime.parse(text) else {
                    throw .invalidValue(
                        field: flag,
                        message: "'\(text)' is not a time: give now, 10:40 (today, local), 2026-11-25 10:40 (local), "
                            + "2026-11-25T10:40+01:00 or 2026-11-25T09:40:00Z")
                }
                if flag == "--started" {
                    observation.started = time.date
                    observation.startedOffset = time.offset
                } else {
                    observation.finished = time.date
                    observation.finishedOffset = time.offset
                }
            }
            return observation
        }
    }

    public struct Sign: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "sign",
            abstract: "Sign a record with an ed25519 key: its content and the notebook's chain head as they are now.",
            discussion: """
                The signature is a new entry; the record is locked from then on (a later change needs --reason and \
                --key: a post-signature amendment). Make a key with `anchorage key new`.
                """)

        @Argument(help: ArgumentHelp("The record's id.", valueName: "RECORD-ID"))
        public var recordID: String

        @OptionGroup public var location: NotebookOption

        @Option(help: ArgumentHelp("The signer's private key file (from `anchorage key new`).", valueName: "FILE"))
        public var key: String

        @Option(help: "What the signature means: approval, review, witness or performed.")
        public var meaning: EntrySignature.Meaning

        @Option(name: .customLong("operator"), help: ArgumentHelp("Who signs (the key's name if not given).", valueName: "NAME"))
        public var operatorName: String?

        @Option(help: "What the signature attests.")
        public var reason: String?

        public init() {}

        public func run() async throws { try execute().emit() }

        public func execute() -> CommandOutput {
            guard let notebook = location.resolve() else { return NotebookOption.missing }
            do throws(NotebookError) {
                let signingKey = try SigningKey(contentsOf: URL(fileURLWithPath: key))
                let entry = try Notebook(directory: URL(fileURLWithPath: notebook)).appendObservations(
                    to: recordID, observations: [], operatorName: operatorName ?? signingKey.name,
                    software: RecordCommand.software, reason: reason,
                    signing: SigningRequest(key: signingKey, meaning: meaning))
                let head = entry.signature?.head ?? ""
                return CommandOutput(
                    standardOutput: "\(entry.id) written to \(notebook)/\(entry.id).xml: \(recordID) signed (\(meaning.rawValue)) "
                        + "by \(signingKey.name), covering the chain up to \(head)\n")
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }
}

extension EntrySignature.Meaning: ExpressibleByArgument {}
