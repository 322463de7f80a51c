import Foundation
import Testing

@testable import AnchorageNotebook

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `anchorage` binary as a subprocess: killed part-way through a write, and run side by side.
@Suite(.serialized) struct WriterProcessTests {
    /// `anchorage`, built next to the test bundle.
    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Fixtures.packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("anchorage") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let recipe = Fixtures.packageRoot.appendingPathComponent("recipes/fe-sa-nc-fe-acac3-zif8.yaml").path

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String { "the anchorage binary is not built next to the tests (swift build first)" }
    }

    static func binaryURL() throws -> URL {
        guard let binary else { throw BinaryMissing() }
        return binary
    }

    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try binaryURL()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try binaryURL()
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func theBinaryKnowsTheRecordCommand() throws {
        let result = try Self.run(["record", "--help"])
        #expect(result.status == 0, "register RecordCommand and NotebookCommand in AnchorageCommand: \(result.output)")
    }

    @Test(.timeLimit(.minutes(5))) func aWriterKilledAtRandomPointsLeavesAValidNotebook() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("killed")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let record = ["record", Self.recipe, "--notebook", folder.path, "--operator", "A. Chemist"]
        let first = try Self.run(record)
        try #require(first.status == 0, "\(first.output)")

        // How long a whole write takes, so the kills fall across all of it.
        let start = Date()
        let observe = ["record", "observe", "NB-0001", "--notebook", folder.path, "--operator", "A. Chemist", "--step", "1",
                       "--reagent", "zn", "--mass", "1.702g", "--reason", "weighed again"]
        try #require(try Self.run(observe).status == 0)
        let span = max(0.05, Date().timeIntervalSince(start))

        var generator = SystemRandomNumberGenerator()
        var killedAt: [Int] = []
        for round in 0..<24 {
            let delay = Double.random(in: 0...(span * 1.2), using: &generator)
            killedAt.append(Int(delay * 1000))
            let process = try Self.launch(round.isMultiple(of: 2) ? record : observe)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let report = try Notebook(directory: folder).verify()
            #expect(report.isIntact, "killed after \(Int(delay * 1000)) ms: \(report.problems)")
        }
        // The notebook still takes entries, and the chain runs unbroken from the first to the last.
        #expect(try Self.run(record).status == 0)
        let report = try Notebook(directory: folder).verify()
        #expect(report.isIntact && report.notes.isEmpty, "\(report.problems) \(report.notes); kills at \(killedAt) ms")
        let sequences = try Notebook(directory: folder).readEntries().map(\.entry.chain.sequence)
        #expect(sequences == Array(1...sequences.count))
    }

    @Test(.timeLimit(.minutes(5))) func writersInSeveralProcessesKeepTheChainLinear() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("shared")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try #require(try Self.run(["record", Self.recipe, "--notebook", folder.path, "--operator", "first"]).status == 0)
        var expected = 1
        for round in 0..<3 {
            let processes = try (0..<4).map { writer in
                try Self.launch(
                    writer == 3
                        ? ["record", "observe", "NB-0001", "--notebook", folder.path, "--operator", "W\(writer)", "--step", "2",
                           "--status", "in-progress", "--reason", "round \(round)"]
                        : ["record", Self.recipe, "--notebook", folder.path, "--operator", "W\(writer)"])
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            expected += processes.count
        }
        let report = try Notebook(directory: folder).verify()
        #expect(report.isIntact && report.notes.isEmpty, "\(report.problems) \(report.notes)")
        let entries = try Notebook(directory: folder).readEntries()
        #expect(entries.map(\.entry.chain.sequence) == Array(1...expected))
        let verify = try Self.run(["notebook", "verify", folder.path])
        #expect(verify.status == 0, "\(verify.output)")
    }

    /// `verify` reads under the lock (shared): with four writers at work it never reports an entry as missing
    /// or changed because it looked while a writer was between the entry and the index.
    @Test(.timeLimit(.minutes(10))) func verifyWhileFourWritersRunRaisesNoFalseAlarm() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("busy")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try #require(try Self.run(["record", Self.recipe, "--notebook", folder.path, "--operator", "first"]).status == 0)
        var writers: [Process] = []
        var launched = 0
        var alarms: [String] = []
        for run in 0..<100 {
            writers.removeAll { !$0.isRunning }
            while writers.count < 4 {
                let arguments =
                    launched % 4 == 3
                    ? ["record", "observe", "NB-0001", "--notebook", folder.path, "--operator", "W", "--step", "2",
                       "--status", "in-progress", "--reason", "again"]
                    : ["record", Self.recipe, "--notebook", folder.path, "--operator", "W\(launched)"]
                writers.append(try Self.launch(arguments))
                launched += 1
            }
            let report = try Notebook(directory: folder).verify()
            if !report.isIntact { alarms.append("run \(run): \(report.problems.prefix(3))") }
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        #expect(alarms.isEmpty, "\(alarms.count) of 100 runs: \(alarms.prefix(3))")
        let report = try Notebook(directory: folder).verify()
        #expect(report.isIntact && report.notes.isEmpty, "\(report.problems) \(report.notes)")
    }

    @Test func verifyReportsAFileThatIsNotAnEntryAndExitsWithOne() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("foreign")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try #require(try Self.run(["record", Self.recipe, "--notebook", folder.path, "--operator", "A"]).status == 0)
        try Data("<r/>".utf8).write(to: folder.appendingPathComponent("evil.xml"))
        let result = try Self.run(["notebook", "verify", folder.path])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("notebook: foreign: evil.xml is not part of the notebook"), "\(result.output)")
    }

    @Test func verifyNamesTamperedEntriesAndExitsWithOne() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("tampered")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        for _ in 0..<3 {
            try #require(try Self.run(["record", Self.recipe, "--notebook", folder.path, "--operator", "A"]).status == 0)
        }
        let file = folder.appendingPathComponent("NB-0002.xml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "operator>A<", with: "operator>B<")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let result = try Self.run(["notebook", "verify", folder.path])
        #expect(result.status == 1)
        #expect(result.output.contains("NB-0002: changed"), "\(result.output)")
        #expect(!result.output.contains("NB-0001:") && !result.output.contains("NB-0003:"), "\(result.output)")
        #expect(try Self.run(["notebook", "verify", folder.appendingPathComponent("nothing-here").path]).status == 2)
    }
}
