import Foundation
import Testing

/// The built `anchorage` binary run as a chemist runs it: exit statuses, standard output and error, no crash on input far
/// outside a bench's range.
@Suite struct EndToEndTests {
    struct Run { var status: Int32; var output: String; var error: String }

    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("anchorage") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String { "the anchorage binary is not built next to the tests (swift build first)" }
    }

    func run(_ arguments: [String]) throws -> Run {
        guard let binary = Self.binary else { throw BinaryMissing() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test func theReadmeRecipeValidatesClean() throws {
        let result = try run(["validate", "recipes/fe-sa-nc-fe-acac3-zif8.yaml"])
        #expect(result.status == 0)
        #expect(result.error.contains("1 file checked: no problems found"))
    }

    @Test func aBrokenRecipeExitsOneWithItsFindingsInCompilerForm() throws {
        let result = try run(["validate", "recipes/broken/pt-in-mixed-metal-zif.yaml"])
        #expect(result.status == 1)
        #expect(result.output.contains("recipes/broken/pt-in-mixed-metal-zif.yaml:"))
        #expect(result.output.contains("error[MIX-001]"))
    }

    @Test("wrong usage and unreadable input exit 2, with a message on standard error", arguments: [
        ["validate"], ["validate", "--bogus", "recipes/fe-sa-nc-fe-acac3-zif8.yaml"], ["validate", "no-such-recipe.yaml"],
        ["explain", "XYZ-999"], ["plan", "--metal", "Qq"], ["protocol", "--scale", "0", "recipes/fe-sa-nc-fe-acac3-zif8.yaml"],
        ["no-such-command"],
    ])
    func wrongUsageExitsTwo(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.error)")
        #expect(!result.error.isEmpty)
    }

    @Test func aScaleFarOutsideTheBenchStillPrints() throws {
        let result = try run(["protocol", "--format", "text", "--scale", "1e308", "recipes/fe-sa-nc-fe-acac3-zif8.yaml"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("e+308"))
    }

    /// Every `$ anchorage validate …` example of README.md shows what the command prints today.
    @Test func readmeValidateExamplesAreTrue() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let examples = blocks.map { $0.drop(while: { $0 != "\n" }).dropFirst() }.filter { $0.hasPrefix("$ anchorage validate ") }
        #expect(examples.count >= 2)
        for example in examples {
            let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
            let command = lines[0].dropFirst("$ anchorage ".count).split(separator: " ").map(String.init)
            let shown = lines.dropFirst().joined(separator: "\n")
            let result = try run(command)
            #expect(result.output + result.error == shown, "README example `\(lines[0])` is out of date")
        }
    }

    @Test func versionAndHelpExitZero() throws {
        #expect(try run(["--version"]).status == 0)
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("validate"))
    }
}
