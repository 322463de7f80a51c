import AnchorageNotebook
import ArgumentParser
import Foundation

/// `anchorage key new`: a person's ed25519 signing key, kept outside any notebook.
public struct KeyCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Make a signing key for notebook signatures.", subcommands: [New.self])

    public init() {}

    /// Where keys go by default: $ANCHORAGE_KEYS, else $XDG_CONFIG_HOME/anchorage/keys, else ~/.config/anchorage/keys.
    static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let folder = environment["ANCHORAGE_KEYS"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return URL(fileURLWithPath: config).appendingPathComponent("anchorage/keys")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config/anchorage/keys")
    }

    /// A file name from a person's name: letters and digits, the rest as '-'.
    static func slug(_ name: String) -> String {
        let mapped = name.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" }
        let joined = String(mapped).split(separator: "-").joined(separator: "-")
        return joined.isEmpty ? "key" : joined
    }
}

extension KeyCommand {
    public struct New: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Make an ed25519 key: the private key (mode 0600) and its public key line for the trusted keys file.",
            discussion: """
                The private key goes to --output, or to $ANCHORAGE_KEYS/NAME.key (default ~/.config/anchorage/keys); \
                it is never written into a notebook. Add the printed public key line to the notebook's \
                trusted-keys.txt (a file the lab controls, kept in git for instance).
                """)

        @Option(help: ArgumentHelp("Whose key (kept in each signature).", valueName: "NAME"))
        public var name: String

        @Option(help: ArgumentHelp("The private key file to make (never over an existing one).", valueName: "FILE"))
        public var output: String?

        public init() {}

        public func run() async throws { try execute().emit() }

        public func execute() -> CommandOutput {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.contains("\n") else {
                return CommandOutput(standardError: "anchorage: --name must be a person's name\n", exitCode: 2)
            }
            let url = output.map { URL(fileURLWithPath: $0) }
                ?? KeyCommand.defaultFolder().appendingPathComponent(KeyCommand.slug(trimmed) + ".key")
            do throws(NotebookError) {
                let key = SigningKey(name: trimmed)
                let written = try key.write(to: url)
                return CommandOutput(
                    standardOutput: "private key: \(written.privateKey.path) (mode 0600; keep it to yourself)\n"
                        + "public key:  \(written.publicKey.path)\n"
                        + "add this line to the notebook's \(Notebook.trustedKeysFileName):\n\(key.trustedKeyLine)\n")
            } catch {
                return RecordCommand.failure(error)
            }
        }
    }
}
