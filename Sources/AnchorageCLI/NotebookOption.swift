import AnchorageCore
import ArgumentParser
import Foundation

/// `--notebook DIR`, one option shared by every record and notebook command. Without it the notebook is
/// $ANCHORAGE_NOTEBOOK, else `notebook: DIR` in the nearest `.anchorage.yaml` above the file the command reads (the
/// recipe, the observations file), else above the current folder; a relative folder is taken from the file
/// that names it.
public struct NotebookOption: ParsableArguments, Sendable {
    @Option(
        name: .customLong("notebook"),
        help: ArgumentHelp(
            "The notebook folder (default: $ANCHORAGE_NOTEBOOK, else `notebook:` in the nearest .anchorage.yaml above the recipe or the current folder).",
            valueName: "DIR"))
    public var notebook: String?

    public init() {}

    public init(notebook: String?) { self.notebook = notebook }

    public static let environmentVariable = "ANCHORAGE_NOTEBOOK"

    struct Setting: Decodable { var notebook: String? }

    /// The notebook folder to use, or nil when none is given anywhere.
    public func resolve(
        searchingFrom files: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> String? {
        if let notebook, !notebook.isEmpty { return notebook }
        if let variable = environment[NotebookOption.environmentVariable], !variable.isEmpty { return variable }
        let folders = files.map { URL(fileURLWithPath: $0, relativeTo: currentDirectory).deletingLastPathComponent() } + [currentDirectory]
        for folder in folders {
            var current = folder.standardizedFileURL
            while true {
                let candidate = current.appendingPathComponent(ProjectConfiguration.fileName)
                if FileManager.default.fileExists(atPath: candidate.path),
                    let setting = try? BundledData.decode(Setting.self, at: candidate), let notebook = setting.notebook
                {
                    return notebook.hasPrefix("/") ? notebook : current.appendingPathComponent(notebook).path
                }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { break }
                current = parent
            }
        }
        return nil
    }

    static let missing = CommandOutput(
        standardError: "anchorage: which notebook? give --notebook DIR, set \(environmentVariable), or write `notebook: DIR` in .anchorage.yaml\n",
        exitCode: 2)
}
