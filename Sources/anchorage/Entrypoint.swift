import AnchorageCLI
import ArgumentParser
import Foundation

@main
struct Entrypoint {
    /// Runs the command line. Wrong usage (an unknown option, a missing argument) exits with status 2, as every command's
    /// help says, rather than the argument parser's own 64.
    static func main() async {
        StandardStreams.prepare()
        do {
            var command = try AnchorageCommand.parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if AnchorageCommand.exitCode(for: error) == .validationFailure {
                try? StandardStreams.write(AnchorageCommand.fullMessage(for: error) + "\n", to: .error)
                exit(2)
            }
            AnchorageCommand.exit(withError: error)
        }
    }
}
