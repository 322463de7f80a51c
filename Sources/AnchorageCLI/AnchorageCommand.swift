import AnchorageCore
import ArgumentParser

public struct AnchorageCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "anchorage",
        abstract: "Synthesis planning and lab protocols for atomically dispersed metal catalysts on MOFs, COFs and HOFs.",
        version: AnchorageVersion.current,
        subcommands: [
            ValidateCommand.self, ProtocolCommand.self, FitCommand.self, PoresCommand.self, PlanCommand.self, RecordCommand.self,
            NotebookCommand.self, KeyCommand.self, RulesCommand.self, ExplainCommand.self, SchemaCommand.self,
        ]
    )
    public init() {}
}
