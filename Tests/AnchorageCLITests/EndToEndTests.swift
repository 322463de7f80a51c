import Foundation
import Testing

/// The built `anchorage` binary run as a chemist runs it: exit statuses, standard output and error, no crash on input far
/// outside a bench's range.
@Suite struct EndToEndTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

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
        return Run(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
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

    @Test(
        "wrong usage and unreadable input exit 2, with a message on standard error",
        arguments: [
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

    // MARK: plan

    static var gradeLine: Regex<(Substring, Substring, Substring)> {
        /^\d+\. .+ \(([a-z-]+)\): (precedent|rules hold|unknown|not feasible)$/
    }

    /// The route lines of a plan in text: route id and grade, in order.
    func grades(_ text: String) -> [(route: String, grade: String)] {
        text.split(separator: "\n").compactMap { line in
            (try? Self.gradeLine.wholeMatch(in: String(line))).map { (String($0.1), String($0.2)) }
        }
    }

    @Test("plan grades every route by evidence", arguments: ["Co", "Fe", "Ni", "Pt", "Au"])
    func planGradesEveryRoute(metal: String) throws {
        var arguments = ["plan", "--metal", metal]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-e2e-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        if metal == "Au" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let catalog = folder.appendingPathComponent("lab.yaml")
            try Data(PlanCommandTests.goldCatalog.utf8).write(to: catalog)
            arguments += ["--catalog", catalog.path]
        }
        let result = try run(arguments)
        #expect(result.status == 0, "\(result.error)")
        let routes = grades(result.output)
        #expect(routes.count == 6, "\(result.output)")
        #expect(!result.output.contains("feasible with conditions"))
        let order = ["precedent", "rules hold", "unknown", "not feasible"]
        let ranks = routes.map { order.firstIndex(of: $0.grade) ?? 9 }
        #expect(ranks == ranks.sorted())
        // Every route that is not a plain precedent says what data would move it up.
        let sections = result.output.components(separatedBy: "\n\n").filter { $0.first?.isNumber == true }
        for section in sections where !section.contains("): precedent\n") || section.contains("\n   not checked") {
            #expect(section.contains("to move up: "), "\(section)")
        }
        switch metal {
        case "Co", "Fe", "Ni":
            #expect(routes.first?.grade == "precedent")
            let top = sections.first ?? ""
            #expect(top.contains("   precedent: ") && top.contains("doi:"), "\(top)")
            if metal == "Co" { #expect(routes.first?.route == "mixed-metal-pyrolysis") }
            if metal == "Fe" { #expect(routes.first?.route == "pore-confinement" && top.contains("Fe(acac)3")) }
        case "Au":
            #expect(!routes.contains { $0.grade == "precedent" })
            #expect(routes.first { $0.route == "aim" }?.grade == "unknown")
        default:
            #expect(routes.first { $0.route == "mixed-metal-pyrolysis" }?.grade == "not feasible")
        }
    }

    @Test func planTakesElementNamesAndTheSupportVocabulary() throws {
        let named = try run(["plan", "--metal", "Cobalt"])
        #expect(named.status == 0, "\(named.error)")
        #expect(named.output.hasPrefix("Plan for Co, single-atom"))
        #expect(named.output == (try run(["plan", "--metal", "Co"])).output)
        let support = try run(["plan", "--metal", "Co", "--support", "N-C"])
        #expect(support.status == 0, "\(support.error)")
        let routes = grades(support.output)
        #expect(routes.first?.route == "mixed-metal-pyrolysis" && routes.first?.grade == "precedent")
        #expect(routes.contains { $0.route == "pore-confinement" && $0.grade != "not feasible" })
        #expect(routes.contains { $0.route == "sim" && $0.grade == "not feasible" })
        #expect(support.output.contains(", on N-doped carbon"))
    }
}
