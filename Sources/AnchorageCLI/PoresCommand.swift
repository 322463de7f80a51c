import AnchoragePores
import ArgumentParser
import Foundation

/// `anchorage pores FILE.cif`: cavity and pore-limiting diameters computed from the structure itself.
public struct PoresCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pores",
        abstract: "Largest cavity (LCD) and pore-limiting (PLD) diameters of a framework, computed from its CIF.",
        discussion: """
            Diameters follow Zeo++'s definitions (Di, Df, Dif) with Zeo++'s default radii unless --radii says otherwise. \
            A malformed CIF gets an error at its line and exit status 2.
            """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case text, json }

    @Argument(help: "The CIF file.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Atomic radii: zeopp (default, Zeo++'s table), bondi, uff, or a radii YAML file.")
    var radii: String = "zeopp"

    @Option(help: "Data block to read (default: the first block with atoms).")
    var block: String?

    @Option(help: "Grid spacing in Å before refinement (a large cell gets a coarser grid: at most 24 million points).")
    var gridSpacing: Double = PoreAnalysisOptions().gridSpacing

    public init() {}

    public func run() async throws { try execute().emit() }

    /// Runs the command: the report on standard output (warnings on standard error), or a located error on standard
    /// error with exit status 2 — so tests call it without a process.
    public func execute() -> CommandOutput {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            return CommandOutput(standardError: "\(file): error[PORES-READ]: no such file, or it cannot be read\n", exitCode: 2)
        }
        let report: PoreReport
        do {
            report = try Pores.analyze(cifAt: url, radii: radii, block: block, options: PoreAnalysisOptions(gridSpacing: gridSpacing))
        } catch let error as CIFError {
            return CommandOutput(standardError: error.formatted(file: file) + "\n", exitCode: 2)
        } catch let error as RadiiError {
            return CommandOutput(standardError: "\(file): error[PORES-RADII]: \(error)\n", exitCode: 2)
        } catch {
            return CommandOutput(standardError: "\(file): error[PORES-READ]: \(error.localizedDescription)\n", exitCode: 2)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(report) else {
                return CommandOutput(standardError: "\(file): error[PORES-JSON]: the report could not be encoded\n", exitCode: 2)
            }
            return CommandOutput(standardOutput: String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            let warnings = report.warnings.map { "\(file):\($0.line ?? 1):1: warning[\($0.code)]: \($0.message)\n" }.joined()
            return CommandOutput(standardOutput: Self.text(report) + "\n", standardError: warnings)
        }
    }

    static func text(_ r: PoreReport) -> String {
        let g = r.geometry
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        let bracket = "\(f(g.poreLimitingBracket[0]))–\(f(g.poreLimitingBracket[1])) Å"
        let pld = g.poreLimitingRefined
            ? "PLD on an exact three-atom saddle (the grid alone brackets it in \(bracket))"
            : "PLD from the grid, within \(bracket)"
        let channel = g.channelDirection.map { " (free path along [\($0.map(String.init).joined(separator: " "))])" } ?? " (no channel)"
        return """
            \(r.file) — data_\(r.dataBlock), \(r.formula) per cell
              atoms read           \(r.atomCount) (\(r.sitesRead) sites × \(r.symmetryOperations) symmetry operation\(r.symmetryOperations == 1 ? "" : "s"), coincident atoms merged)
              cell                 a \(f(r.cell.a, 4))  b \(f(r.cell.b, 4))  c \(f(r.cell.c, 4)) Å   α \(f(r.cell.alpha, 2))  β \(f(r.cell.beta, 2))  γ \(f(r.cell.gamma, 2))°   V \(f(r.cellVolume, 1)) Å³
              radii                \(r.radiiSet): \(r.radiiSource)
              LCD (Di)             \(f(g.largestCavityDiameter)) Å
              PLD (Df)             \(f(g.poreLimitingDiameter)) Å\(channel)
              Dif                  \(f(g.largestCavityAlongPath)) Å (largest sphere along that path)
              method               \(g.gridPoints.map(String.init).joined(separator: " × ")) grid, then exact refinement: LCD within ±\(f(g.cavityErrorBound, 4)) Å; \(pld)
            """
    }
}
