import AnchorageCore
import AnchorageRules
import ArgumentParser
import Foundation

/// Options every command that reads the knowledge shares: a lab's own catalog files.
public struct KnowledgeOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: ArgumentHelp("A lab's own chemical catalog file (YAML, same format as the shipped chemicals.yaml); repeatable.", valueName: "FILE"))
    public var catalogFiles: [String] = []

    public init() {}

    public func load() throws -> Knowledge {
        try Self.load(catalogFiles: catalogFiles)
    }

    /// The shipped knowledge, plus the catalogs a lab names in its project file (`.anchorage.yaml`, found in the current
    /// folder or above), plus those given with `--catalog`.
    public static func load(catalogFiles: [String], searchingFrom folder: URL? = nil) throws -> Knowledge {
        do {
            let start = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let project = try ProjectConfiguration.find(from: start)
            return try Knowledge.bundled(addingChemicalFiles: (project?.catalogFiles ?? []) + catalogFiles.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}

/// A failure a command reports on standard error, with its exit code: 1 findings, 2 usage or unreadable input.
public enum CommandFailure: Error, CustomStringConvertible {
    case usage(String)

    public var description: String {
        switch self {
        case .usage(let message): message
        }
    }
}

/// What a command produced: text for standard output, text for standard error, and its exit code.
public struct CommandOutput: Sendable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: Int32

    public init(standardOutput: String = "", standardError: String = "", exitCode: Int32 = 0) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    /// Prints and exits as the command line expects.
    public func emit() throws {
        if !standardOutput.isEmpty { FileHandle.standardOutput.write(Data(standardOutput.utf8)) }
        if !standardError.isEmpty { FileHandle.standardError.write(Data(standardError.utf8)) }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
