import AnchorageCore
import AnchorageFit
import ArgumentParser
import Foundation

/// `anchorage fit`: does a precursor fit a framework's cage, can it pass the window, how many per cage, how much a
/// batch can hold isolated.
public struct FitCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Precursor–pore fit: cage, window, mode, molecules per cage, maximum isolated loading.",
        discussion: """
            Names, aliases and formulas are accepted, case-insensitively: "Fe(acac)3", fe-acac3, C15H21FeO6; ZIF-8, zif8.
            Sizes: the precursor's van der Waals envelope (less a calibrated contact allowance) against the framework's
            Zeo++ cage (LCD) and window (PLD) from CoRE MOF 2019; see docs/fit.md.
            Exit status: 0 with an answer, 2 for an unknown name or an unreadable file.
            """)

    public enum Format: String, ExpressibleByArgument, Sendable { case text, json }

    @Argument(help: "PRECURSOR FRAMEWORK (or only FRAMEWORK with --xyz).")
    public var names: [String] = []

    @Option(name: .customLong("xyz"), help: "Compute the precursor's size from this XYZ file (Å).")
    public var xyz: String?

    @Option(name: .customLong("all"), help: "Rank every catalog framework for this precursor.")
    public var allFrameworksFor: String?

    @Option(name: .customLong("all-precursors"), help: "Rank every catalog precursor for this framework.")
    public var allPrecursorsFor: String?

    @Flag(name: .customLong("list"), help: "List the catalog's frameworks and precursors.")
    public var list = false

    @Option(help: "Output format: text or json.")
    public var format: Format = .text

    public init() {}

    public func run() async throws {
        do {
            print(try answer())
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The whole output of the command, so tests call it without a process.
    public func answer() throws -> String {
        let catalog = try FitCatalog.bundled()
        if list { return listing(catalog) }
        if let name = allFrameworksFor {
            return try render(catalog.rankFrameworks(for: catalog.precursor(named: name)), column: \.framework.name)
        }
        if let name = allPrecursorsFor {
            return try render(catalog.rankPrecursors(for: catalog.framework(named: name)), column: \.precursor.name)
        }
        if let xyz {
            guard names.count == 1 else { throw ValidationError("with --xyz FILE give one FRAMEWORK") }
            let (precursor, _) = try catalog.precursor(fromXYZ: URL(fileURLWithPath: xyz))
            return try render(catalog.assessFit(precursor, catalog.framework(named: names[0])))
        }
        guard names.count == 2 else { throw ValidationError("give PRECURSOR FRAMEWORK, or --xyz FILE FRAMEWORK, --all PRECURSOR, --all-precursors FRAMEWORK, --list") }
        let precursor = try catalog.precursor(named: names[0])
        let framework = try catalog.framework(named: names[1])
        return try render(catalog.assessFit(precursor, framework))
    }

    func render(_ verdict: FitVerdict) throws -> String {
        format == .json ? try json(verdict) : verdict.text
    }

    func render(_ verdicts: [FitVerdict], column: KeyPath<FitVerdict, String>) throws -> String {
        if format == .json { return try json(verdicts) }
        func cell(_ value: Double?) -> String { value.map { String(format: "%6.2f", $0) } ?? "     —" }
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
        func lpad(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }
        var lines = [[pad("#", 4), pad("name", 34), pad("mode", 13), lpad("size", 6), lpad("LCD", 6), lpad("cross", 6), lpad("PLD", 6), "per cage"].joined(separator: " ")]
        for (index, verdict) in verdicts.enumerated() {
            let perCage = verdict.perCageMax.map { verdict.perCageMaxIsBound ? "≤\($0)" : "\($0)" } ?? "—"
            lines.append([pad("\(index + 1)", 4), pad(verdict[keyPath: column], 34), pad(verdict.mode.rawValue, 13),
                          cell(verdict.effectiveCageSize), cell(verdict.framework.cageDiameter),
                          cell(verdict.effectiveWindowSize), cell(verdict.framework.windowDiameter), perCage].joined(separator: " "))
        }
        lines.append("")
        lines.append("size/cross: precursor vdW enclosing sphere / minimum cross-section less the contact allowance (Å); LCD/PLD: CoRE MOF 2019 Zeo++ (Å).")
        return lines.joined(separator: "\n")
    }

    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func listing(_ catalog: FitCatalog) -> String {
        var lines = ["Frameworks:"]
        for f in catalog.frameworks { lines.append("  \(f.name)" + (f.record.aliases.isEmpty ? "" : "  (\(f.record.aliases.joined(separator: ", ")))")) }
        lines.append("Precursors:")
        for p in catalog.precursors { lines.append("  \(p.record.aliases.first ?? p.name)  \(p.name)") }
        return lines.joined(separator: "\n")
    }
}
