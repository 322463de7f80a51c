import AnchorageCLI
import AnchorageCore
import AnchorageRender
import AnchorageRules
import Foundation
import Testing

/// Properties that hold for any file, checked over the worked and broken recipes and deterministic mutations of them
/// (numbers swapped for extreme values, lines repeated, dropped or cut, stray bytes): validate exits 0, 1 or 2 with
/// output a bounded multiple of the file's size; a recipe it accepts renders a protocol in every format.
@Suite struct PropertyTests {
    /// A small deterministic generator (SplitMix64), so a failure names a mutation that can be made again.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let extremes = ["1e300", "-1e300", "0", "1e-300", "nan", ".inf", "99999999999999999999", "-0", "1e19", "4000", "365"]

    /// One mutation of `text`, and a word for what it did.
    static func mutate(_ text: String, _ random: inout Generator) -> (String, String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return (text, "none") }
        let at = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            // A number of the line becomes an extreme value.
            guard let range = lines[at].firstRange(of: /[0-9]+(\.[0-9]+)?/) else { return (text, "none") }
            let extreme = extremes.randomElement(using: &random) ?? "0"
            lines[at].replaceSubrange(range, with: extreme)
            return (lines.joined(separator: "\n"), "line \(at + 1): number → \(extreme)")
        case 1:
            let times = Int.random(in: 2...60, using: &random)
            lines.insert(contentsOf: Array(repeating: lines[at], count: times), at: at)
            return (lines.joined(separator: "\n"), "line \(at + 1) repeated \(times) times")
        case 2:
            lines.remove(at: at)
            return (lines.joined(separator: "\n"), "line \(at + 1) removed")
        case 3:
            let bytes: [Character] = ["\u{0}", "\u{7}", "\t", "\r", "{", "[", "&", "*", "'", "\"", ":", "#", "\u{FEFF}"]
            let character = bytes.randomElement(using: &random) ?? "x"
            var line = Array(lines[at])
            line.insert(character, at: Int.random(in: 0...line.count, using: &random))
            lines[at] = String(line)
            return (lines.joined(separator: "\n"), "line \(at + 1): inserted U+\(String(character.unicodeScalars.first!.value, radix: 16))")
        case 4:
            let cut = Int.random(in: 0...text.count, using: &random)
            return (String(text.prefix(cut)), "cut after \(cut) characters")
        default:
            let other = Int.random(in: 0..<lines.count, using: &random)
            lines.swapAt(at, other)
            return (lines.joined(separator: "\n"), "lines \(at + 1) and \(other + 1) swapped")
        }
    }

    static func seeds() throws -> [URL] {
        let folders = ["recipes", "recipes/broken"].map { packageRoot.appendingPathComponent($0) }
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "yaml" }
        }.sorted { $0.path < $1.path }
    }

    @Test func anyFileExitsZeroOneOrTwoWithBoundedOutputAndAcceptedRecipesRender() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-property-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = try Knowledge.bundled()
        let validator = Validator(knowledge: knowledge)
        let builder = ProtocolBuilder(
            knowledge: try ProtocolKnowledge.bundled(), catalog: knowledge.chemicals, elements: knowledge.elements, citations: knowledge.citations)
        let renderer = try ProtocolRenderer()
        var random = Generator(state: 19)
        var cases: [(String, String)] = []
        for seed in try Self.seeds() {
            let text = try String(contentsOf: seed, encoding: .utf8)
            cases.append((text, "\(seed.lastPathComponent) as written"))
            for _ in 0..<2 {
                let (mutant, what) = Self.mutate(text, &random)
                cases.append((mutant, "\(seed.lastPathComponent): \(what)"))
            }
        }
        var accepted = 0
        for (index, (text, what)) in cases.enumerated() {
            let file = folder.appendingPathComponent("case-\(index).yaml")
            try Data(text.utf8).write(to: file)
            let size = text.utf8.count
            // What `validate` does, with the knowledge loaded once: read, check, print in each format.
            let result = try validator.validate(path: file.path)
            let formatter = DiagnosticFormatter(citations: knowledge.citations, sources: [file.path: text])
            for (format, printed) in [
                ("text", formatter.text(result.diagnostics)), ("json", formatter.json(result.diagnostics, files: [file.path])),
                ("sarif", formatter.sarif(result.diagnostics)),
            ] {
                // Findings quote bounded excerpts; JSON and SARIF add a fixed header (the rule table in SARIF).
                #expect(printed.utf8.count <= 40 * size + 300_000, "\(what): \(format) printed \(printed.utf8.count) bytes for \(size)")
            }
            guard result.recipe != nil, !result.diagnostics.hasErrors else { continue }
            accepted += 1
            // What `protocol` does with an accepted recipe, with builder and templates loaded once.
            let settings = ProtocolSettings(file: file.path, sha256: "0", date: "2026-01-01", version: "test")
            let recipe = try #require(result.recipe)
            let document = builder.build(
                recipe: recipe, diagnostics: result.diagnostics, settings: settings,
                course: result.course ?? knowledge.courseKnowledge(for: recipe))
            for format in ProtocolFormat.allCases {
                let rendered = renderer.render(document, as: format)
                #expect(rendered.contains("Step 1"), "\(what): protocol \(format) has no steps")
                #expect(rendered.utf8.count <= 100 * size + 100_000, "\(what): \(format) protocol is \(rendered.utf8.count) bytes")
            }
        }
        // The property is only worth something if many inputs reach the protocol.
        #expect(accepted >= 20, "only \(accepted) of \(cases.count) inputs were accepted")
    }
}
