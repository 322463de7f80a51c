import AnchorageCore
import Foundation

/// One host of a pore table (CoRE MOF 2019's layout: `filename`, `LCD`, `PLD`, optional `All_Metals`, `DOI_public`).
public struct ScreenHost: Sendable, Hashable {
    public var entry: String
    public var cageDiameter: Double
    public var windowDiameter: Double
    public var metals: String
    public var doi: String
    /// A 1-based line number of the table, for messages.
    public var line: Int

    public init(entry: String, cageDiameter: Double, windowDiameter: Double, metals: String = "", doi: String = "", line: Int = 0) {
        self.entry = entry
        self.cageDiameter = cageDiameter
        self.windowDiameter = windowDiameter
        self.metals = metals
        self.doi = doi
        self.line = line
    }
}

/// A table that cannot be screened (no `LCD` column, an empty file), at its line.
public struct ScreenTableError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line):1: error: \(message)" }
}

/// One ranked row of a screen: the verdict for the precursor in one host, in plain values.
public struct ScreenRow: Sendable, Encodable {
    public var rank: Int
    public var entry: String
    public var metals: String
    public var doi: String
    public var lcd: Double
    public var pld: Double
    public var precursorCageSize: Double?
    public var precursorWindowSize: Double?
    public var fitsCage: Bool?
    public var passesWindow: Bool?
    public var mode: FitMode
    public var perCageMax: Int?
    /// Cages per cell and the one-per-cage capacity, where the host is a catalog framework with a cage count.
    public var catalogFramework: String?
    public var cagesPerCell: Double?
    public var millimolePerGramHost: Double?
    /// Where the pore sizes come from: the table and its entry, or the structure the cage count was computed from.
    public var source: String

    enum CodingKeys: String, CodingKey {
        case rank, entry, metals, doi, mode, source
        case lcd = "lcd_A", pld = "pld_A", precursorCageSize = "precursor_cage_size_A", precursorWindowSize = "precursor_window_size_A"
        case fitsCage = "fits_cage", passesWindow = "passes_window", perCageMax = "per_cage_max"
        case catalogFramework = "catalog_framework", cagesPerCell = "cages_per_cell", millimolePerGramHost = "mmol_per_g_host"
    }

    /// The row for a verdict: sizes, mode and, where the host has a cage count, its one-per-cage capacity.
    public init(rank: Int, verdict: FitVerdict, entry: String, metals: String, doi: String, catalogFramework: String?, source: String) {
        self.rank = rank
        self.entry = entry
        self.metals = metals
        self.doi = doi
        lcd = verdict.framework.cageDiameter ?? 0
        pld = verdict.framework.windowDiameter ?? 0
        precursorCageSize = verdict.effectiveCageSize
        precursorWindowSize = verdict.effectiveWindowSize
        fitsCage = verdict.fitsCage
        passesWindow = verdict.passesWindow
        mode = verdict.mode
        perCageMax = verdict.perCageMax
        self.catalogFramework = catalogFramework
        cagesPerCell = verdict.framework.cagesPerCell
        millimolePerGramHost = verdict.maxIsolatedLoading?.millimolePerGramHost
        self.source = source
    }

    public static let csvHeader =
        "rank,entry,mode,fits_cage,passes_window,per_cage_max,precursor_cage_size_A,lcd_A,precursor_window_size_A,pld_A,cages_per_cell,mmol_per_g_host,catalog_framework,metals,doi,source"

    public var csvLine: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        func number(_ value: Double?, _ digits: Int = 3) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "" }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }
        return [
            "\(rank)", field(entry), mode.rawValue, flag(fitsCage), flag(passesWindow), perCageMax.map(String.init) ?? "",
            number(precursorCageSize), number(lcd), number(precursorWindowSize), number(pld), number(cagesPerCell, 0),
            number(millimolePerGramHost, 4), field(catalogFramework ?? ""), field(metals), field(doi), field(source),
        ].joined(separator: ",")
    }
}

public enum FitScreen {
    /// Reads a pore table: a header row naming `filename` (or `name`, `entry`), `LCD` and `PLD`; rows whose LCD or
    /// PLD is not a number (a repeated header, an empty cell) are skipped and reported with their line.
    public static func readTable(_ text: String, file: String) throws -> (hosts: [ScreenHost], skipped: [String]) {
        var rows = CSV.rows(text)
        guard !rows.isEmpty else { throw ScreenTableError(file: file, line: 1, message: "the table is empty: a header row with filename, LCD and PLD is needed") }
        let header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { header.firstIndex(of: $0) }.first }
        guard let name = column(["filename", "name", "entry", "id"]) else {
            throw ScreenTableError(file: file, line: 1, message: "no 'filename' (or 'name') column in the header")
        }
        guard let lcd = column(["lcd", "di", "largest_cavity_diameter"]) else {
            throw ScreenTableError(file: file, line: 1, message: "no 'LCD' column in the header: the largest cavity diameter is needed")
        }
        guard let pld = column(["pld", "df", "pore_limiting_diameter"]) else {
            throw ScreenTableError(file: file, line: 1, message: "no 'PLD' column in the header: the pore-limiting diameter is needed")
        }
        let metals = column(["all_metals", "metals"])
        let doi = column(["doi_public", "doi"])
        var hosts: [ScreenHost] = []
        var skipped: [String] = []
        hosts.reserveCapacity(rows.count)
        for row in rows {
            let f = row.fields
            func at(_ index: Int?) -> String { index.flatMap { $0 < f.count ? f[$0] : nil } ?? "" }
            if f.count == 1 && f[0].isEmpty { continue }
            guard let di = Double(at(lcd)), let df = Double(at(pld)), di.isFinite, df.isFinite, di >= 0, df >= 0 else {
                skipped.append("\(file):\(row.line): skipped: LCD '\(at(lcd))', PLD '\(at(pld))' are not both non-negative numbers")
                continue
            }
            hosts.append(ScreenHost(entry: at(name), cageDiameter: di, windowDiameter: df, metals: at(metals), doi: at(doi), line: row.line))
        }
        return (hosts, skipped)
    }
}

extension FitCatalog {
    /// Every host of a table judged for one precursor and ranked: one molecule per cage first (in situ, then
    /// impregnation), the snuggest cage first within a mode. A host that is a catalog framework (its CoRE entry is
    /// the one the catalog's cage diameter names) gets the catalog's cage count and so its capacity.
    public func screen(_ precursor: Precursor, hosts: [ScreenHost], tableName: String) -> [ScreenRow] {
        var byEntry: [String: Framework] = [:]
        for framework in frameworks {
            if let entry = framework.record.cageDiameter.entry, framework.record.cageDiameter.source == "chung2019-coremof" {
                byEntry[FitCatalog.coreKey(entry)] = framework
            }
        }
        var verdicts: [(FitVerdict, ScreenHost, Framework?)] = []
        verdicts.reserveCapacity(hosts.count)
        for host in hosts {
            let known = byEntry[FitCatalog.coreKey(host.entry)]
            var record = known?.record ?? FitCatalog.tableRecord
            record.id = host.entry
            record.name = host.entry
            record.cageDiameter = Sourced(host.cageDiameter, source: tableName, entry: host.entry)
            record.windowDiameter = Sourced(host.windowDiameter, source: tableName, entry: host.entry)
            let framework = Framework(record: record, cellMolarMass: known?.cellMolarMass, metalAtomsPerCell: known?.metalAtomsPerCell)
            verdicts.append((assessFit(precursor, framework), host, known))
        }
        verdicts.sort { FitCatalog.better($0.0, $1.0) }
        return verdicts.enumerated().map { index, item in
            let (verdict, host, known) = item
            return ScreenRow(
                rank: index + 1, verdict: verdict, entry: host.entry, metals: host.metals, doi: host.doi,
                catalogFramework: known?.name, source: "\(tableName), \(host.entry)")
        }
    }

    /// CoRE file names with and without the solvent suffix ("FAWCEN_SL" and "FAWCEN_SL.cif").
    static func coreKey(_ entry: String) -> String {
        var name = entry
        if name.lowercased().hasSuffix(".cif") { name.removeLast(4) }
        return name.lowercased()
    }

    /// A host known only by its row in a pore table: cages assumed, nothing else known.
    static let tableRecord = FrameworkRecord(
        id: "", name: "", aliases: [], kind: "from table", metals: [], node: "", linker: "", functionalSites: [], poreType: .cage,
        structureSource: "none found", cageDiameter: .unknown(), windowDiameter: .unknown(),
        cagesPerCell: .unknown("a pore table gives no cage count"), cellFormula: .unknown(), thermalStabilityC: .unknown(),
        waterStability: .unknown(), acidStability: .unknown(), baseStability: .unknown(), notes: nil)
}

/// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
enum CSV {
    struct Row { var fields: [String]; var line: Int }

    static func rows(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        var scalars = String.UnicodeScalarView()
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { scalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    scalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where scalars.isEmpty: quoted = true
            case ",":
                field = String(scalars); fields.append(field); scalars = .init()
            case "\r": continue
            case "\n":
                field = String(scalars); fields.append(field); scalars = .init()
                rows.append(Row(fields: fields, line: rowLine))
                fields = []
                line += 1
                rowLine = line
            default: scalars.append(c)
            }
        }
        if !scalars.isEmpty || !fields.isEmpty {
            fields.append(String(scalars))
            rows.append(Row(fields: fields, line: rowLine))
        }
        return rows
    }
}
