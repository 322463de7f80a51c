import AnchorageCore
import AnchorageFit
import AnchoragePores
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
            Sizes: the precursor's van der Waals envelope (less a calibrated contact allowance) against the framework's \
            Zeo++ cage (LCD) and window (PLD) from CoRE MOF 2019; see docs/fit.md.

            Exit status: 0 with an answer, 2 for an unknown name or an unreadable file.
            """)

    public enum Format: String, ExpressibleByArgument, Sendable { case text, json, csv }

    @Argument(help: "PRECURSOR FRAMEWORK (or only FRAMEWORK with --xyz).")
    public var names: [String] = []

    @Option(name: .customLong("xyz"), help: "Compute the precursor's size from this XYZ file (Å).")
    public var xyz: String?

    @Option(name: .customLong("cif"), help: "A framework not in the catalog: its cage (LCD) and window (PLD) computed from this CIF.")
    public var cif: String?

    @Option(name: .customLong("name"), help: "With --cif: the framework's name (default: the CIF's data block).")
    public var frameworkName: String?

    @Option(name: .customLong("grid-spacing"), help: "With --cif or --cifs: spacing of the distance grid (Å), as for `pores`.")
    public var gridSpacing: Double = PoreAnalysisOptions().gridSpacing

    @Option(name: .customLong("all"), help: "Rank every catalog framework for this precursor.")
    public var allFrameworksFor: String?

    @Option(name: .customLong("all-precursors"), help: "Rank every catalog precursor for this framework.")
    public var allPrecursorsFor: String?

    @Option(name: .customLong("host-mass"), help: "Grams of made host in the batch: prints the most precursor it holds isolated.")
    public var hostMass: Double?

    @Option(name: .customLong("metal-mmol"), help: "mmol of framework metal in the batch (a host formed in situ): prints the most precursor it holds isolated.")
    public var metalMillimoles: Double?

    @Option(name: .customLong("screen"), help: ArgumentHelp(
        "Rank the hosts of a pore table (--frameworks) or of a folder of CIFs (--cifs) for this precursor.", valueName: "PRECURSOR"))
    public var screenPrecursor: String?

    @Option(name: .customLong("frameworks"), help: ArgumentHelp(
        "With --screen: a CSV pore table with filename, LCD and PLD columns (CoRE MOF 2019's layout).", valueName: "TABLE.csv"))
    public var frameworksTable: String?

    @Option(name: .customLong("cifs"), help: ArgumentHelp("With --screen: a folder of CIF files, each analysed by `pores`.", valueName: "DIR"))
    public var cifFolder: String?

    @Option(name: .customLong("jobs"), help: "With --screen --cifs: structures analysed at once (default: the number of cores).")
    public var jobs: Int?

    @Option(name: .customLong("top"), help: "With --screen and text output: rows shown (default 25; csv and json give every row).")
    public var top: Int = 25

    @Flag(name: .customLong("list"), help: "List the catalog's frameworks and precursors.")
    public var list = false

    @Option(help: "Output format: text or json (csv too for --screen).")
    public var format: Format = .text

    @Option(name: .customLong("catalog"), help: ArgumentHelp(
        "A lab's own catalog file with frameworks: and precursors: lists (the shipped formats) and their citations:; repeatable. The catalogs named in .anchorage.yaml are read too.",
        valueName: "FILE"))
    public var catalogFiles: [String] = []

    public init() {}

    public func run() async throws { try execute().emit() }

    /// Runs the command: the answer on standard output (exit 0), or a message on standard error and exit 2 for an
    /// unknown name, an unreadable file or a wrong combination of arguments.
    public func execute(searchingFrom folder: URL? = nil) -> CommandOutput {
        do {
            if screenPrecursor != nil { return try screenOutput(searchingFrom: folder) }
            return CommandOutput(standardOutput: try answer(searchingFrom: folder) + "\n")
        } catch let error as CIFError {
            return CommandOutput(standardError: error.formatted(file: cif ?? "") + "\n", exitCode: 2)
        } catch let error as ScreenTableError {
            return CommandOutput(standardError: "\(error)\n", exitCode: 2)
        } catch let error as XYZError {
            // Already in the compiler's `file:line:col: error: message` form.
            return CommandOutput(standardError: "\(error)\n", exitCode: 2)
        } catch {
            return CommandOutput(standardError: "error: \(error)\n", exitCode: 2)
        }
    }

    /// The shipped catalog plus the lab's files (project file, then --catalog).
    func catalog(searchingFrom folder: URL?) throws -> FitCatalog {
        let start = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let project = try ProjectConfiguration.find(from: start)
        return try FitCatalog.bundled(addingFiles: (project?.catalogFiles ?? []) + catalogFiles.map { URL(fileURLWithPath: $0) })
    }

    /// The whole output of the command, so tests call it without a process.
    public func answer(searchingFrom folder: URL? = nil) throws -> String {
        let catalog = try catalog(searchingFrom: folder)
        if list { return listing(catalog) }
        guard format != .csv else { throw CommandFailure.usage("--format csv is for --screen") }
        if let name = allFrameworksFor {
            return try render(catalog.rankFrameworks(for: catalog.precursor(named: name)), column: \.framework.name)
        }
        if let name = allPrecursorsFor {
            return try render(catalog.rankPrecursors(for: catalog.framework(named: name)), column: \.precursor.name)
        }
        if let cif {
            let precursor: Precursor
            if let xyz {
                guard names.isEmpty else { throw CommandFailure.usage("with --xyz FILE and --cif FILE give no names") }
                precursor = try catalog.precursor(fromXYZ: URL(fileURLWithPath: xyz), name: xyz).0
            } else {
                guard names.count == 1 else { throw CommandFailure.usage("with --cif FILE give one PRECURSOR") }
                precursor = try catalog.precursor(named: names[0])
            }
            let size = precursor.record.enclosingSphereVDW.value.map { $0 - (catalog.criteria.cageAllowance.value ?? 0) }
            guard gridSpacing.isFinite, gridSpacing > 0 else { throw CommandFailure.usage("--grid-spacing is a positive number of ångström") }
            let (framework, _) = try FrameworkFromCIF.framework(
                cifAt: URL(fileURLWithPath: cif), name: frameworkName, precursorSize: size, options: PoreAnalysisOptions(gridSpacing: gridSpacing))
            return try render(catalog.assessFit(precursor, framework))
        }
        if let xyz {
            guard names.count == 1 else { throw CommandFailure.usage("with --xyz FILE give one FRAMEWORK") }
            let (precursor, _) = try catalog.precursor(fromXYZ: URL(fileURLWithPath: xyz), name: xyz)
            return try render(catalog.assessFit(precursor, catalog.framework(named: names[0])))
        }
        guard names.count == 2 else {
            throw CommandFailure.usage("give PRECURSOR FRAMEWORK, or --xyz FILE FRAMEWORK, --all PRECURSOR, --all-precursors FRAMEWORK, --list")
        }
        let precursor = try catalog.precursor(named: names[0])
        let framework = try catalog.framework(named: names[1])
        return try render(catalog.assessFit(precursor, framework))
    }

    func render(_ verdict: FitVerdict) throws -> String {
        if format == .json { return try json(verdict) }
        guard hostMass != nil || metalMillimoles != nil else { return verdict.text }
        var batch = "For this batch"
        if let hostMass { batch += " (\(hostMass) g of \(verdict.framework.name))" }
        if let metalMillimoles { batch += " (\(metalMillimoles) mmol of framework \(verdict.framework.record.metals.joined(separator: "/")))" }
        if let maximum = verdict.batchMaximum(hostGrams: hostMass, frameworkMetalMillimoles: metalMillimoles) {
            batch += String(format: ": at most %.3f mmol", maximum.millimoles)
            if let grams = maximum.grams { batch += String(format: " (%.3f g)", grams) }
            batch += " of \(verdict.precursor.name) stays one per cage."
        } else if verdict.mode == .inSitu || verdict.mode == .impregnation {
            batch += ": the maximum isolated loading is not known for this host (no sourced cage count or unit-cell formula)."
        } else {
            batch += ": no amount stays isolated (mode \(verdict.mode.rawValue))."
        }
        return verdict.text + "\n\n" + batch
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
