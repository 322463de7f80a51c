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

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case text, json, csv, jsonl }

    @Argument(help: ArgumentHelp("CIF files, or folders searched (with their subfolders) for *.cif files.", valueName: "CIF|DIR"))
    var paths: [String]

    @Option(
        help:
            "Output format: text or json (one structure's report); csv or jsonl (one row per structure, for a screen; csv is the default for several)."
    )
    var format: Format?

    @Option(help: "Atomic radii: zeopp (default, Zeo++'s table), bondi, uff, or a radii YAML file.")
    var radii: String = "zeopp"

    @Option(help: "Data block to read (default: the first block with atoms).")
    var block: String?

    @Option(help: "Grid spacing in Å before refinement (a large cell gets a coarser grid: at most 24 million points).")
    var gridSpacing: Double = PoreAnalysisOptions().gridSpacing

    @Option(help: "Structures computed at once in a screen (default: the number of cores).")
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Compute only part K (from 0) of N of the sorted structures, for N copies under a batch scheduler; the parts' rows concatenated in order are those of the whole run.",
            valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Write the rows to this new file (refused if it exists).", valueName: "FILE"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Add to the rows of an earlier, stopped run: structures already in FILE are skipped, nothing in it is changed.",
            valueName: "FILE"))
    var resume: String?

    @Flag(help: "Leave out the CSV header line (for shards after the first, to be concatenated).")
    var noHeader = false

    public init() {}

    /// A screen (rows, not a report): several structures, a folder, or a row format asked for.
    var isScreen: Bool {
        paths.count > 1 || format == .csv || format == .jsonl || shard != nil || output != nil || resume != nil
            || paths.contains {
                var d: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && d.boolValue
            }
    }

    public func run() async throws {
        guard isScreen else { return try execute().emit() }
        let result = screen(showsProgress: isatty(STDERR_FILENO) == 1, rowsToTerminal: isatty(STDOUT_FILENO) == 1) { text in
            try StandardStreams.write(text, to: .output)
        }
        try result.emit()
    }

    /// Runs the command: the report on standard output (warnings on standard error), or a located error on standard
    /// error with exit status 2 — so tests call it without a process. A screen's rows are in standard output too
    /// (unless --output or --resume names a file).
    public func execute() -> CommandOutput {
        if isScreen {
            var rows = ""
            var output = screen(showsProgress: false, rowsToTerminal: false) { rows += $0 }
            output.standardOutput = rows
            return output
        }
        guard let file = paths.first, paths.count == 1 else {
            return CommandOutput(standardError: "anchorage: give a CIF file, several, or a folder\n", exitCode: 2)
        }
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
        switch format ?? .text {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(report) else {
                return CommandOutput(standardError: "\(file): error[PORES-JSON]: the report could not be encoded\n", exitCode: 2)
            }
            return CommandOutput(standardOutput: String(decoding: data, as: UTF8.self) + "\n")
        case .text, .csv, .jsonl:
            let warnings = report.warnings.map { "\(file):\($0.line ?? 1):1: warning[\($0.code)]: \($0.message)\n" }.joined()
            return CommandOutput(standardOutput: Self.text(report) + "\n", standardError: warnings)
        }
    }

    /// A screen: every structure named, in sorted order (only this shard's part), one row each, handed to `write` as
    /// soon as it and the ones before it are done. Standard error of the result holds the closing summary; exit
    /// status 1 when some structure could not be computed (its row says why), 2 for wrong usage or output that
    /// cannot be written.
    func screen(showsProgress: Bool, rowsToTerminal: Bool, write: (String) throws -> Void) -> CommandOutput {
        func usage(_ message: String) -> CommandOutput { CommandOutput(standardError: "anchorage: \(message)\n", exitCode: 2) }
        if format == .text || format == .json {
            return usage(
                "--format \(format!.rawValue) describes one structure: for several, give --format csv or --format jsonl (one row per structure)"
            )
        }
        if let jobs, jobs < 1 { return usage("--jobs is a whole number of 1 or more, not \(jobs)") }
        if output != nil, resume != nil { return usage("give --output FILE for a new run or --resume FILE to add to one, not both") }
        var shardPart = (index: 0, count: 1)
        if let shard {
            guard let parsed = PoreScreen.parseShard(shard) else {
                return usage("--shard is K/N with 0 ≤ K < N (e.g. 0/4 … 3/4), not '\(shard)'")
            }
            shardPart = parsed
        }
        // The radii once, not once per structure.
        let set: RadiiSet
        do {
            if RadiiSet.shippedNames.contains(radii) {
                set = try RadiiSet.shipped(radii)
            } else if radii.hasSuffix(".yaml") || radii.hasSuffix(".yml") {
                set = try RadiiSet.load(contentsOf: URL(fileURLWithPath: radii))
            } else {
                throw RadiiError.unknownSet(name: radii, known: RadiiSet.shippedNames)
            }
        } catch {
            return usage("--radii \(radii): \(error)")
        }
        // Where the rows go, and what an earlier run already wrote there.
        var rowFormat: PoreScreen.RowFormat = format == .jsonl ? .jsonl : .csv
        var done = Set<String>()
        var writeHeader = !noHeader
        let file: AppendOnlyFile?
        do {
            if let resume, FileManager.default.fileExists(atPath: resume) {
                let existing = try PoreScreen.readExisting(resume)
                if !existing.isEmpty {
                    if let format, format.rawValue != existing.format.rawValue {
                        return usage(
                            "\(resume) holds \(existing.format.rawValue) rows, not \(format.rawValue): resume in the format it was started in"
                        )
                    }
                    rowFormat = existing.format
                    writeHeader = false
                }
                done = existing.files
                file = try AppendOnlyFile(path: resume, create: false)
            } else if let target = output ?? resume {
                if format == nil, target.hasSuffix(".jsonl") || target.hasSuffix(".json") { rowFormat = .jsonl }
                file = try AppendOnlyFile(path: target, create: true)
            } else {
                file = nil
            }
        } catch {
            return usage("\(error)")
        }
        let all = PoreScreen.structures(in: paths)
        if all.isEmpty { return usage("no structure found: give CIF files or folders holding *.cif files") }
        let part = PoreScreen.shard(all, index: shardPart.index, count: shardPart.count)
        let todo = part.filter { !done.contains($0) }
        let skipped = part.count - todo.count
        var progress = ProgressLine(total: todo.count, noun: "structures", enabled: showsProgress)
        func emit(_ text: String) throws {
            if let file {
                try file.write(text)
            } else {
                if rowsToTerminal { progress.clear() }
                try write(text)
            }
        }
        do {
            if writeHeader, rowFormat == .csv { try emit(PoreScreen.csvHeader + "\n") }
        } catch {
            return usage("\(error)")
        }

        let options = PoreAnalysisOptions(gridSpacing: gridSpacing)
        let block = block
        var failed = 0
        var written = 0
        var writeError: (any Error)?
        orderedConcurrentWork(count: todo.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { index in
            Self.row(for: todo[index], radii: set, block: block, options: options)
        } deliver: { _, row in
            do {
                try emit(row.line(rowFormat))
            } catch {
                writeError = error
                return false
            }
            written += 1
            if row.failed { failed += 1 }
            progress.update(done: written, failed: failed)
            return true
        }
        progress.clear()
        if let writeError { return usage("\(writeError)") }
        var summary = "anchorage: \(written) structure\(written == 1 ? "" : "s") computed"
        if shardPart.count > 1 { summary += " (part \(shardPart.index)/\(shardPart.count): \(part.count) of \(all.count))" }
        if skipped > 0 { summary += ", \(skipped) skipped as already in \(resume ?? "the output")" }
        if failed > 0 {
            summary += "; \(failed) of them failed (the rows with status error say why)"
            return CommandOutput(standardError: summary + "\n", exitCode: 1)
        }
        return CommandOutput(standardError: summary + "\n")
    }

    /// One structure's row; any failure becomes the row's error, so a screen goes on past a bad file.
    static func row(for path: String, radii: RadiiSet, block: String?, options: PoreAnalysisOptions) -> PoreScreen.Row {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            return PoreScreen.Row(file: path, error: "error[PORES-READ]: no such file, or it cannot be read")
        }
        do {
            let structure = try CIFStructureReader.read(contentsOf: url, block: block)
            let report = try Pores.analyze(structure, file: url.lastPathComponent, radii: radii, options: options)
            return PoreScreen.Row(file: path, report: report)
        } catch let error as CIFError {
            return PoreScreen.Row(file: path, error: error.description)
        } catch let error as RadiiError {
            return PoreScreen.Row(file: path, error: "error[PORES-RADII]: \(error)")
        } catch {
            return PoreScreen.Row(file: path, error: "error[PORES-READ]: \(error.localizedDescription)")
        }
    }

    static func text(_ r: PoreReport) -> String {
        let g = r.geometry
        func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
        let bracket = "\(f(g.poreLimitingBracket[0]))–\(f(g.poreLimitingBracket[1])) Å"
        let pld =
            g.poreLimitingRefined
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
