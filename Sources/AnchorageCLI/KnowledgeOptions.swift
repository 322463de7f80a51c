import AnchorageCore
import AnchorageRules
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

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

    /// Prints and exits as the command line expects. Output that cannot be written (a closed or full standard output)
    /// is exit status 2, with one line on standard error when that can still be written.
    public func emit() throws {
        do {
            try StandardStreams.write(standardOutput, to: .output)
        } catch {
            try? StandardStreams.write("anchorage: \(error)\n", to: .error)
            throw ExitCode(2)
        }
        do {
            try StandardStreams.write(standardError, to: .error)
        } catch {
            throw ExitCode(2)
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

/// Writes to standard output and standard error with `write(2)`, so that a failed write is an error the command can
/// report, not a trap (Foundation's `FileHandle.write(_:)` traps when the write fails).
public enum StandardStreams {
    public enum Stream: Sendable {
        case output, error

        var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
        var name: String { self == .output ? "standard output" : "standard error" }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var stream: Stream
        public var code: Int32

        public var description: String { "cannot write to \(stream.name): \(String(cString: strerror(code)))" }
    }

    /// Streams that were closed when the program started (`anchorage validate x.yaml >&-`); set once, at start-up.
    nonisolated(unsafe) static var closedAtStart: [Stream] = []

    /// Call first thing in `main`. Ignores SIGPIPE, so that writing to a closed pipe is the error EPIPE rather than the
    /// process's death; and puts /dev/null on a closed standard descriptor, so that no file the program opens later
    /// (a recipe, a notebook entry) takes its number and receives the output. Output meant for a stream that was closed
    /// is then a write error, as it would have been.
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for (descriptor, stream) in [(STDIN_FILENO, nil), (STDOUT_FILENO, Stream.output), (STDERR_FILENO, Stream.error)] as [(Int32, Stream?)] {
            guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { continue }
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            if let stream { closedAtStart.append(stream) }
        }
    }

    public static func write(_ text: String, to stream: Stream) throws(WriteError) {
        guard !text.isEmpty else { return }
        if closedAtStart.contains(stream) { throw WriteError(stream: stream, code: EBADF) }
        var bytes = Array(text.utf8)
        var written = 0
        let count = bytes.count
        while written < count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(stream.descriptor, buffer.baseAddress! + written, count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(stream: stream, code: errno)
            }
            if result == 0 { throw WriteError(stream: stream, code: EIO) }
            written += result
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
