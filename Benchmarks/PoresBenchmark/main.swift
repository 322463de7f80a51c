// Times pore geometry on the reference structures, each in its own process so its peak memory is its own,
// and prints the numbers beside Zeo++'s reference values and times.
//
//   swift run -c release PoresBenchmark [FIXTURES_DIR]
//
// FIXTURES_DIR defaults to Tests/AnchoragePoresTests/Fixtures (run from the package root); it must hold the
// CIFs and reference-zeopp.tsv. The MIL-101 conventional cell (four primitive cells, about 14,000 atoms) is
// built from FSR_OCUNAC_manual.cif and timed as an extra row.
import AnchoragePores
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = CommandLine.arguments

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

/// Child mode: analyse one file and print one tab-separated line.
if arguments.count >= 3, arguments[1] == "--one" {
    let start = Date()
    do {
        var structure = try CIFStructureReader.read(contentsOf: URL(fileURLWithPath: arguments[2]))
        if arguments.count >= 4, arguments[3] == "--conventional" {
            // fcc primitive (60° rhombohedral) to cubic: A = -a+b+c, B = a-b+c, C = a+b-c.
            guard let cubic = structure.transformed(by: [[-1, 1, 1], [1, -1, 1], [1, 1, -1]]) else {
                print("error\tcannot build the conventional cell")
                exit(1)
            }
            structure = cubic
        }
        let radii = try RadiiSet.shipped("zeopp").radii(for: structure.atoms)
        var options = PoreAnalysisOptions()
        if let text = ProcessInfo.processInfo.environment["PORES_GRID_SPACING"], let spacing = Double(text) { options.gridSpacing = spacing }
        let geometry = PoreAnalyzer.analyze(structure, radii: radii, options: options)
        let seconds = Date().timeIntervalSince(start)
        print(
            [String(structure.atoms.count), String(format: "%.5f", geometry.largestCavityDiameter),
             String(format: "%.5f", geometry.poreLimitingDiameter), String(format: "%.5f", geometry.largestCavityAlongPath),
             String(format: "%.3f", seconds), String(format: "%.0f", peakResidentMegabytes())].joined(separator: "\t"))
        exit(0)
    } catch {
        print("error\t\(error)")
        exit(1)
    }
}

let fixtures = URL(fileURLWithPath: arguments.count >= 2 ? arguments[1] : "Tests/AnchoragePoresTests/Fixtures")
guard let table = try? String(contentsOf: fixtures.appendingPathComponent("reference-zeopp.tsv"), encoding: .utf8) else {
    print("cannot read \(fixtures.path)/reference-zeopp.tsv")
    exit(1)
}
struct Reference { var file: String; var di: Double; var df: Double; var dif: Double; var seconds: Double }
let references: [Reference] = table.split(separator: "\n").dropFirst().compactMap { line in
    let f = line.split(separator: "\t").map(String.init)
    guard f.count >= 5, let di = Double(f[1]), let df = Double(f[2]), let dif = Double(f[3]), let s = Double(f[4]) else { return nil }
    return Reference(file: f[0], di: di, df: df, dif: dif, seconds: s)
}

func runChild(_ extra: [String]) -> (line: String, wall: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    process.arguments = ["--one"] + extra
    let pipe = Pipe()
    process.standardOutput = pipe
    let start = Date()
    do { try process.run() } catch { return ("error\t\(error)", 0) }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), Date().timeIntervalSince(start))
}

print("structure                   atoms    LCD (Zeo++)          PLD (Zeo++)        Dif (Zeo++)          time s  process s  Zeo++ s  peak MB")
var worst = (lcd: 0.0, pld: 0.0, dif: 0.0)
var slower: [String] = []
var rows = references.map { ($0, [fixtures.appendingPathComponent($0.file).path]) }
if let mil = references.first(where: { $0.file.contains("OCUNAC") }) {
    rows.append((Reference(file: "OCUNAC conventional (x4)", di: mil.di, df: mil.df, dif: mil.dif, seconds: mil.seconds),
                 [fixtures.appendingPathComponent(mil.file).path, "--conventional"]))
}
for (reference, extra) in rows {
    let (line, wall) = runChild(extra)
    let f = line.split(separator: "\t").map(String.init)
    guard f.count == 6, let lcd = Double(f[1]), let pld = Double(f[2]), let dif = Double(f[3]), let seconds = Double(f[4]) else {
        print("\(reference.file): \(line)")
        continue
    }
    worst.lcd = max(worst.lcd, abs(lcd - reference.di))
    worst.pld = max(worst.pld, abs(pld - reference.df))
    worst.dif = max(worst.dif, abs(dif - reference.dif))
    if wall >= reference.seconds { slower.append(reference.file) }
    let name = reference.file.replacingOccurrences(of: ".cif", with: "").padding(toLength: 26, withPad: " ", startingAt: 0)
    let atoms = String(repeating: " ", count: max(0, 6 - f[0].count)) + f[0]
    let memory = String(repeating: " ", count: max(0, 7 - f[5].count)) + f[5]
    print(name + " " + atoms + String(
        format: "  %8.3f (%8.3f)  %7.3f (%7.3f)  %8.3f (%8.3f)  %7.2f  %8.2f  %7.2f  ",
        lcd, reference.di, pld, reference.df, dif, reference.dif, seconds, wall, reference.seconds) + memory)
}
print(String(format: "largest difference from Zeo++: LCD %.3f Å, PLD %.3f Å, Dif %.3f Å", worst.lcd, worst.pld, worst.dif))
print(slower.isEmpty ? "faster than Zeo++ on every structure (whole process, start-up included)" : "not faster on: \(slower.joined(separator: ", "))")
