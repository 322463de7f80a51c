import AnchorageCore
import AnchorageFit
import AnchoragePores
import Foundation

extension FitCommand {
    /// `fit --screen PRECURSOR --frameworks TABLE.csv | --cifs DIR`: every host ranked, throughput on standard error.
    func screenOutput(searchingFrom folder: URL?) throws -> CommandOutput {
        let catalog = try catalog(searchingFrom: folder)
        guard let name = screenPrecursor else { throw CommandFailure.usage("give --screen PRECURSOR") }
        let precursor = try catalog.precursor(named: name)
        guard (frameworksTable == nil) != (cifFolder == nil) else {
            throw CommandFailure.usage("with --screen give one of --frameworks TABLE.csv or --cifs DIR")
        }
        guard names.isEmpty, cif == nil, xyz == nil else { throw CommandFailure.usage("with --screen give no other names, --cif or --xyz") }
        if let jobs, jobs < 1 { throw CommandFailure.usage("--jobs is a whole number of 1 or more, not \(jobs)") }
        let start = Date()
        var rows: [ScreenRow]
        var notes: [String] = []
        var source: String
        if let frameworksTable {
            let url = URL(fileURLWithPath: frameworksTable)
            let text = try String(contentsOf: url, encoding: .utf8)
            let (hosts, skipped) = try FitScreen.readTable(text, file: frameworksTable)
            notes += skipped.prefix(5)
            if skipped.count > 5 { notes.append("… and \(skipped.count - 5) more rows skipped") }
            rows = catalog.screen(precursor, hosts: hosts, tableName: url.lastPathComponent)
            source = "pore table \(url.lastPathComponent): its LCD and PLD; cages per cell only for entries that are catalog frameworks"
        } else {
            let (computed, failures) = try screenStructures(catalog, precursor: precursor, folder: URL(fileURLWithPath: cifFolder ?? "."))
            rows = computed
            notes += failures
            source = "LCD, PLD and cages per cell computed by Anchorage with Zeo++-compatible radii from each CIF"
        }
        let seconds = max(Date().timeIntervalSince(start), 1e-9)
        let rate = Double(rows.count) / seconds
        notes.append(String(format: "%d verdicts in %.2f s (%.0f verdicts per second) for %@", rows.count, seconds, rate, precursor.name))
        let body: String
        switch format {
        case .csv: body = ([ScreenRow.csvHeader] + rows.map(\.csvLine)).joined(separator: "\n")
        case .json: body = try json(rows)
        case .text: body = screenText(rows, precursor: precursor, source: source)
        }
        return CommandOutput(standardOutput: body + "\n", standardError: notes.joined(separator: "\n") + "\n")
    }

    func screenText(_ rows: [ScreenRow], precursor: Precursor, source: String) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
        func lpad(_ text: String, _ width: Int) -> String { text.count >= width ? text : String(repeating: " ", count: width - text.count) + text }
        func cell(_ value: Double?, _ digits: Int = 2) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "—" }
        var counts: [FitMode: Int] = [:]
        for row in rows { counts[row.mode, default: 0] += 1 }
        var lines = ["\(precursor.name) (\(precursor.record.formula)) screened over \(rows.count) hosts: "
            + FitMode.allCases.compactMap { mode in counts[mode].map { "\($0) \(mode.rawValue)" } }.joined(separator: ", ")]
        lines.append([pad("#", 6), pad("entry", 40), pad("mode", 13), lpad("size", 6), lpad("LCD", 6), lpad("cross", 6), lpad("PLD", 6),
                      lpad("cages", 6), lpad("mmol/g", 7), " metals"].joined(separator: " "))
        for row in rows.prefix(max(0, top)) {
            lines.append([pad("\(row.rank)", 6), pad(row.entry, 40), pad(row.mode.rawValue, 13), lpad(cell(row.precursorCageSize), 6),
                          lpad(cell(row.lcd), 6), lpad(cell(row.precursorWindowSize), 6), lpad(cell(row.pld), 6),
                          lpad(cell(row.cagesPerCell, 0), 6), lpad(cell(row.millimolePerGramHost, 3), 7), " " + row.metals].joined(separator: " "))
        }
        if rows.count > top { lines.append("… \(rows.count - top) more (--top N, or --format csv/json for every row)") }
        lines.append("")
        lines.append("size/cross: precursor vdW enclosing sphere / minimum cross-section less the contact allowance (Å). Hosts: \(source).")
        return lines.joined(separator: "\n")
    }

    /// Every CIF of the folder through `pores`, `jobs` at a time, with a progress bar on a terminal.
    func screenStructures(_ catalog: FitCatalog, precursor: Precursor, folder: URL) throws -> ([ScreenRow], [String]) {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension.lowercased() == "cif" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw CommandFailure.usage("no .cif file in \(folder.path)") }
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        let size = precursor.record.enclosingSphereVDW.value.map { $0 - (catalog.criteria.cageAllowance.value ?? 0) }
        let state = ScreenState(count: files.count, showsProgress: isatty(STDERR_FILENO) == 1)
        let options = PoreAnalysisOptions(gridSpacing: gridSpacing)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.next() {
                let url = files[index]
                do {
                    let report = try Pores.analyze(cifAt: url, options: options)
                    let framework = try FrameworkFromCIF.framework(report, name: nil, precursorSize: size)
                    state.finish(index, .success((catalog.assessFit(precursor, framework), report)))
                } catch let error as CIFError {
                    state.finish(index, .failure(error.formatted(file: url.path)))
                } catch {
                    state.finish(index, .failure("\(url.path): error: \(error)"))
                }
            }
        }
        state.endProgress()
        var verdicts: [(FitVerdict, PoreReport)] = []
        var failures: [String] = []
        for result in state.results {
            switch result {
            case .success(let pair): verdicts.append(pair)
            case .failure(let message): failures.append(message)
            case nil: break
            }
        }
        verdicts.sort { FitCatalogRanking.better($0.0, $1.0) }
        let rows = verdicts.enumerated().map { index, pair in
            let (verdict, report) = pair
            let f = verdict.framework
            return ScreenRow(
                rank: index + 1, verdict: verdict, entry: report.file, metals: f.record.metals.joined(separator: ","), doi: "",
                catalogFramework: nil, source: "\(FrameworkFromCIF.computedSource), \(FrameworkFromCIF.displayName(report))")
        }
        return (rows, failures)
    }
}

enum ScreenOutcome: Sendable {
    case success((FitVerdict, PoreReport))
    case failure(String)
}

/// The work list and results of a structure screen, shared by the workers; draws the progress bar.
final class ScreenState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private let count: Int
    private let showsProgress: Bool
    private let start = Date()
    private(set) var results: [ScreenOutcome?]

    init(count: Int, showsProgress: Bool) {
        self.count = count
        self.showsProgress = showsProgress
        results = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func finish(_ index: Int, _ outcome: ScreenOutcome) {
        lock.lock(); defer { lock.unlock() }
        results[index] = outcome
        done += 1
        guard showsProgress else { return }
        let width = 30
        let filled = done * width / max(1, count)
        let rate = Double(done) / max(Date().timeIntervalSince(start), 1e-9)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data(String(format: "\r[%@] %d/%d  %.1f structures/s", bar, done, count, rate).utf8))
    }

    func endProgress() {
        if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
