import AnchorageCore
import AnchoragePores
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `anchorage pores DIR|FILES… --format csv|jsonl`: one row per structure, streamed in a stable order.
enum PoreScreen {
    /// The columns of a row, in order (docs/pores.md, "Screening many structures").
    static let columns = [
        "file", "status", "lcd", "pld", "dif", "channel", "pld_refined", "atoms", "sites", "symmetry_operations", "cell_volume",
        "formula", "data_block", "radii", "warnings", "error",
    ]
    static let csvHeader = columns.joined(separator: ",")

    enum RowFormat: String, Sendable { case csv, jsonl }

    /// One structure's row: its values as text, in `columns` order; nil for an empty cell.
    struct Row: Sendable {
        var file: String
        var failed: Bool
        var cells: [String?]

        init(file: String, report: PoreReport) {
            let g = report.geometry
            func number(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
            self.file = file
            failed = false
            cells = [
                file, "ok", number(g.largestCavityDiameter, 4), number(g.poreLimitingDiameter, 4), number(g.largestCavityAlongPath, 4),
                g.channelDirection.map { $0.map(String.init).joined(separator: " ") }, g.poreLimitingRefined ? "true" : "false",
                String(report.atomCount), String(report.sitesRead), String(report.symmetryOperations), number(report.cellVolume, 2),
                report.formula, report.dataBlock, report.radiiSet, report.warnings.map(\.code).joined(separator: " "), nil,
            ]
        }

        init(file: String, error: String) {
            self.file = file
            failed = true
            cells = [file, "error"] + Array(repeating: nil, count: PoreScreen.columns.count - 3) + [error]
        }

        /// Which cells are numbers or booleans in JSON (the rest are strings).
        static let bareInJSON: Set<Int> = [2, 3, 4, 6, 7, 8, 9, 10]

        /// RFC 4180: a cell with a comma, a quote or a line break is quoted; line breaks never reach a cell (a row is one
        /// line, so that a partial run can be read back line by line).
        var csvLine: String {
            cells.map { cell in
                guard let cell else { return "" }
                let flat = PoreScreen.oneLine(cell)
                return flat.contains(where: { $0 == "," || $0 == "\"" })
                    ? "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : flat
            }.joined(separator: ",") + "\n"
        }

        var jsonLine: String {
            var parts: [String] = []
            for (index, name) in PoreScreen.columns.enumerated() {
                let value: String
                if let cell = cells[index] {
                    value = Row.bareInJSON.contains(index) ? cell : PoreScreen.jsonString(PoreScreen.oneLine(cell))
                } else {
                    value = "null"
                }
                parts.append("\"\(name)\":\(value)")
            }
            return "{" + parts.joined(separator: ",") + "}\n"
        }

        func line(_ format: RowFormat) -> String { format == .csv ? csvLine : jsonLine }
    }

    static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // MARK: the structures of a screen

    /// Every structure named: files as given, folders searched (with their subfolders) for `*.cif`. Sorted by path
    /// (Unicode order of the path as written, which is the same on every machine given the same arguments) without
    /// repeats: the order rows are written in and shards are cut from.
    static func structures(in paths: [String]) -> [String] {
        var found = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                guard let enumerator = manager.enumerator(atPath: path) else { continue }
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    guard !name.hasPrefix("."), name.lowercased().hasSuffix(".cif") else { continue }
                    found.insert(base + "/" + relative)
                }
            } else {
                found.insert(path)
            }
        }
        return found.sorted()
    }

    /// `K/N`: the K-th (from 0) of N parts.
    static func parseShard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
        return (k, n)
    }

    /// The part `index` of `count` of the sorted list: contiguous, so the parts in order are the whole list in order.
    static func shard<T>(_ items: [T], index: Int, count: Int) -> ArraySlice<T> {
        let start = items.count * index / count
        let end = items.count * (index + 1) / count
        return items[start..<end]
    }

    // MARK: reading back a partial run

    struct Existing {
        var format: RowFormat
        var files: Set<String>
        var hasHeader: Bool
        var isEmpty: Bool
    }

    /// The rows already written to `path` by an earlier run: their `file` cells. Refuses a file whose last row is cut
    /// off or that was not written by this command, rather than add to it.
    static func readExisting(_ path: String) throws -> Existing {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if data.isEmpty { return Existing(format: .csv, files: [], hasHeader: false, isEmpty: true) }
        guard data.last == UInt8(ascii: "\n") else {
            throw CommandFailure.usage(
                "\(path): the last row is cut off (no line break at the end: the earlier run was stopped while writing): remove that last partial line (e.g. sed -i '$ d' \(path)), then resume"
            )
        }
        let text = String(decoding: data, as: UTF8.self)
        var files = Set<String>()
        var format = RowFormat.csv
        var hasHeader = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if number == 0 {
                if line.hasPrefix("{") {
                    format = .jsonl
                } else if line == csvHeader {
                    hasHeader = true
                    continue
                }
            }
            let file: String?
            switch format {
            case .jsonl:
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                file = object?["file"] as? String
            case .csv:
                file = firstCSVCell(line)
            }
            guard let file else {
                throw CommandFailure.usage(
                    "\(path):\(number + 1): not a row of `anchorage pores` (\(format.rawValue)): resume only adds to a file this command wrote"
                )
            }
            files.insert(file)
        }
        return Existing(format: format, files: files, hasHeader: hasHeader, isEmpty: false)
    }

    /// The first cell of a CSV line, unquoted; nil when a quote is not closed.
    static func firstCSVCell(_ line: Substring) -> String? {
        guard line.first == "\"" else { return String(line.prefix { $0 != "," }) }
        var cell = ""
        var index = line.index(after: line.startIndex)
        while index < line.endIndex {
            let c = line[index]
            index = line.index(after: index)
            if c == "\"" {
                if index < line.endIndex, line[index] == "\"" {
                    cell.append("\"")
                    index = line.index(after: index)
                } else {
                    return cell
                }
            } else {
                cell.append(c)
            }
        }
        return nil
    }
}

/// A file opened to be added to, never truncated: `--output` creates it (and refuses one that exists), `--resume`
/// appends. Each row goes out in one `write(2)`.
final class AppendOnlyFile {
    let path: String
    private let descriptor: Int32

    init(path: String, create: Bool) throws {
        self.path = path
        let flags = O_WRONLY | O_APPEND | O_CLOEXEC | (create ? O_CREAT | O_EXCL : 0)
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            if create, errno == EEXIST {
                throw CommandFailure.usage(
                    "\(path) exists: give --resume \(path) to add the structures it lacks, or a new name (nothing was written)")
            }
            throw CommandFailure.usage("cannot open \(path) for writing: \(reason)")
        }
    }

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                systemWriteFile(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw CommandFailure.usage("cannot write to \(path): \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }

    deinit { close(descriptor) }
}

#if canImport(Glibc)
    private let systemWriteFile = Glibc.write
#elseif canImport(Darwin)
    private let systemWriteFile = Darwin.write
#endif
