import AnchorageCore
import Foundation

/// Reads the framework of a CIF: cell, symmetry operations, atom sites; expands the asymmetric unit.
public enum CIFStructureReader {
    /// Tolerances from Data/cif-tolerances.yaml (AnchorageCore), each with its source.
    public struct Tolerances: Sendable, Decodable {
        public struct Value: Sendable, Decodable {
            public var value: Double
            public var unit: String
            /// A citation id.
            public var source: String
            public var note: String?
        }
        /// Same element, fractional coordinates within this of each other: one atom (special positions, repeated sites).
        public var sameSiteFractional: Value
        /// Atoms closer than this (Å) are reported as too close.
        public var tooCloseDistance: Value

        public static func shipped() throws -> Tolerances {
            try BundledData.decode(Tolerances.self, from: "cif-tolerances.yaml")
        }
    }

    static let shippedTolerances: Tolerances? = try? Tolerances.shipped()

    public static func read(contentsOf url: URL, block: String? = nil) throws -> CrystalStructure {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw CIFError("CIF-SYNTAX", "the file is not text", line: 1)
        }
        return try read(text, block: block)
    }

    public static func read(_ text: String, block requested: String? = nil) throws(CIFError) -> CrystalStructure {
        guard let tolerances = shippedTolerances else {
            throw CIFError("CIF-INTERNAL", "the bundled file cif-tolerances.yaml cannot be read", line: 1)
        }
        let sameSite = tolerances.sameSiteFractional.value
        let tooCloseDistance = tolerances.tooCloseDistance.value
        let blocks = try CIFSyntax.parse(text)
        var warnings: [StructureWarning] = []
        let candidates = blocks.filter { $0.loop(containing: "_atom_site_fract_x") != nil }
        let block: CIFBlock
        if let requested {
            guard let found = blocks.first(where: { $0.name.lowercased() == requested.lowercased() }) else {
                throw CIFError(
                    "CIF-BLOCK", "no data block named '\(requested)' (blocks: \(blocks.map(\.name).joined(separator: ", ")))", line: 1)
            }
            block = found
        } else {
            guard let first = candidates.first ?? blocks.first else {
                throw CIFError("CIF-BLOCK", "no 'data_' block: this does not look like a CIF", line: 1)
            }
            block = first
            if candidates.count > 1 {
                warnings.append(
                    StructureWarning(
                        code: "several-blocks",
                        message:
                            "the file holds \(candidates.count) structures (\(candidates.map(\.name).joined(separator: ", "))); read the first, '\(block.name)'",
                        line: block.line))
            }
        }

        let cell = try readCell(block)
        let operations = try readSymmetry(block, warnings: &warnings)
        let (sites, sitesLine) = try readSites(block, warnings: &warnings)
        // Checked before expanding: the work and memory of everything after grow with the atoms of the cell.
        if let limit = try? InputLimits.bundled().structure.atoms, sites.count * operations.count > limit.count {
            throw CIFError(
                "CIF-LIMIT",
                "\(sites.count) sites × \(operations.count) symmetry operations would make up to \(sites.count * operations.count) atoms: a structure holds at most \(limit.count) atoms in its cell",
                line: sitesLine)
        }

        // Expand, wrapping into the cell and merging coincident atoms.
        var atoms: [CrystalAtom] = []
        var grid = CoincidenceGrid(cell: cell, spacing: max(tooCloseDistance, 1e-3))
        var merged = 0
        var tooClose: [(String, String)] = []
        for site in sites {
            for operation in operations {
                var f = operation.apply(site.fractional)
                f -= f.rounded(.down)
                f = SIMD3(f.x >= 1 ? 0 : f.x, f.y >= 1 ? 0 : f.y, f.z >= 1 ? 0 : f.z)
                var duplicate = false
                for index in grid.neighbours(of: f) {
                    var delta = atoms[index].fractional - f
                    delta -= delta.rounded(.toNearestOrAwayFromZero)
                    if abs(delta.x) < sameSite, abs(delta.y) < sameSite, abs(delta.z) < sameSite, atoms[index].element == site.element {
                        duplicate = true
                        break
                    }
                    let distance = cell.periodicDistance(atoms[index].fractional, f)
                    if distance < tooCloseDistance, tooClose.count < 1000 {
                        tooClose.append((atoms[index].label, site.label))
                    }
                }
                if duplicate {
                    merged += 1
                    continue
                }
                grid.insert(f, index: atoms.count)
                atoms.append(CrystalAtom(element: site.element, label: site.label, fractional: f, occupancy: site.occupancy))
            }
        }
        if operations.count == 1 && merged > 0 {
            warnings.append(
                StructureWarning(
                    code: "duplicate-atoms", message: "\(merged) atoms listed twice at the same position were counted once", line: sitesLine
                ))
        }
        if !tooClose.isEmpty {
            let pairs = Set(tooClose.map { "\($0.0)–\($0.1)" }).sorted().prefix(5).joined(separator: ", ")
            warnings.append(
                StructureWarning(
                    code: "atoms-too-close",
                    message:
                        "\(tooClose.count) pairs of atoms are closer than \(tooCloseDistance) Å (e.g. \(pairs)): disorder or a symmetry error; pores computed with all of them",
                    line: sitesLine))
        }
        var structure = CrystalStructure(
            name: block.name, cell: cell, atoms: atoms, sitesRead: sites.count, symmetryOperationCount: operations.count,
            warnings: warnings)
        structure.cellLine = block.value("_cell_length_a")?.line ?? block.line
        return structure
    }

    struct Site {
        var label: String
        var element: String
        var fractional: SIMD3<Double>
        var occupancy: Double
    }

    static func readCell(_ block: CIFBlock) throws(CIFError) -> UnitCell {
        let names = ["_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"]
        var values: [Double] = []
        for name in names {
            guard let value = block.value(name) else {
                // Point at the cell parameters that are there, or at the block header.
                let near = names.compactMap { block.value($0)?.line }.min() ?? block.line
                throw CIFError("CIF-CELL", "no \(name): the cell is needed to compute pores", line: near)
            }
            guard let number = CIFSyntax.number(value) else {
                throw CIFError("CIF-CELL", "\(name) is '\(value.text)', not a number", line: value.line, column: value.column)
            }
            values.append(number)
            // A cell edge shorter than a bond or longer than any framework's is a typo, and its arithmetic overflows.
            if name.hasPrefix("_cell_length"), let limits = try? InputLimits.bundled().structure,
                !(number >= limits.cell_length_min.value && number <= limits.cell_length_max.value)
            {
                throw CIFError(
                    "CIF-LIMIT",
                    "\(name) is \(QuantityFormat.number(number)) Å: a cell edge is taken between \(QuantityFormat.number(limits.cell_length_min.value)) and \(QuantityFormat.number(limits.cell_length_max.value)) Å",
                    line: value.line, column: value.column)
            }
        }
        guard let cell = UnitCell(a: values[0], b: values[1], c: values[2], alpha: values[3], beta: values[4], gamma: values[5]) else {
            let line = block.value("_cell_length_a")?.line ?? block.line
            throw CIFError(
                "CIF-CELL",
                "cell \(values.map { String($0) }.joined(separator: " ")) is not a valid cell (lengths must be positive, angles must close a volume)",
                line: line)
        }
        return cell
    }

    static func readSymmetry(_ block: CIFBlock, warnings: inout [StructureWarning]) throws(CIFError) -> [SymmetryOperation] {
        let tags = [
            "_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz", "_space_group_symop.operation_xyz",
            "_symmetry_equiv.pos_as_xyz",
        ]
        var values: [CIFValue] = []
        var joinedLines = Set<Int>()
        for tag in tags {
            if let loop = block.loop(containing: tag), let column = loop.column(tag) {
                values = loop.rows.map { $0[column] }
                joinedLines = Set(loop.joinedOperationLines)
                break
            }
            if let single = block.value(tag) {
                values = [single]
                break
            }
        }
        let groupName = block.value("_symmetry_space_group_name_h-m") ?? block.value("_space_group_name_h-m_alt")
        let groupNumber = (block.value("_symmetry_int_tables_number") ?? block.value("_space_group_it_number")).flatMap(CIFSyntax.number)
        if values.isEmpty {
            let name = groupName.map { $0.text.replacingOccurrences(of: " ", with: "").lowercased() }
            let isP1 = (name == nil || name == "p1" || groupName?.isNull == true) && (groupNumber == nil || groupNumber == 1)
            if !isP1 {
                let where_ = groupName ?? block.value("_symmetry_int_tables_number") ?? block.value("_space_group_it_number")
                throw CIFError(
                    "CIF-SYMMETRY",
                    "space group \(groupName?.text ?? "number \(QuantityFormat.number(groupNumber ?? 0))") is given but no symmetry operations are listed (_space_group_symop_operation_xyz or _symmetry_equiv_pos_as_xyz): the asymmetric unit cannot be expanded; add the operations or give a P1 cell",
                    line: where_?.line ?? block.line, column: where_?.column ?? 1)
            }
            if name == nil {
                warnings.append(
                    StructureWarning(
                        code: "no-symmetry", message: "no space group and no symmetry operations: the atoms were read as a full P1 cell",
                        line: block.line))
            }
            return [.identity]
        }
        let limits = try? InputLimits.bundled().structure
        if let limit = limits?.symmetry_operations, values.count > limit.count {
            throw CIFError(
                "CIF-LIMIT", "\(values.count) symmetry operations are listed: no space group has more than \(limit.count)",
                line: values[0].line, column: values[0].column)
        }
        var operations: [SymmetryOperation] = []
        var spaceSeparated: [CIFValue] = []
        for value in values {
            let quoted = SourceText.bounded(value.text, limit: 80)
            do {
                // `x y z`: the three parts separated by spaces instead of commas, as some structure libraries write them.
                let words = value.text.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if !value.text.contains(","), words.count == 3 {
                    operations.append(try SymmetryOperation(parsing: words.joined(separator: ",")))
                    spaceSeparated.append(value)
                } else {
                    operations.append(try SymmetryOperation(parsing: value.text))
                }
            } catch {
                throw CIFError(
                    "CIF-SYMMETRY", "cannot read symmetry operation '\(quoted)': \(SourceText.bounded(error.reason, limit: 200))",
                    line: value.line, column: value.column)
            }
            let largest = limits?.coordinate_magnitude_max.value ?? 1000
            if let operation = operations.last, !(operation.rotation.joined() + operation.translation).allSatisfy({ abs($0) <= largest }) {
                throw CIFError(
                    "CIF-SYMMETRY",
                    "symmetry operation '\(quoted)' moves an atom by more than \(QuantityFormat.number(largest)) cells: a translation is a fraction of the cell",
                    line: value.line, column: value.column)
            }
        }
        // One warning for what was assumed: unquoted words joined into one operation per line, and/or spaces read as the
        // commas between the x, y and z parts.
        let joined = values.filter { joinedLines.contains($0.line) }
        if let first = joined.first ?? spaceSeparated.first {
            let asCommas =
                first.text.contains(",") ? nil : first.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: ",")
            let count = joined.isEmpty ? spaceSeparated.count : joined.count
            var message = "\(count) symmetry operation\(count == 1 ? " is" : "s are") written "
            message += joined.isEmpty ? "without commas" : "without quotes, split by spaces"
            message += " (e.g. '\(SourceText.bounded(first.text, limit: 60))' at line \(first.line)): "
            if !joined.isEmpty { message += "each line of the loop was read as one operation" }
            if let asCommas {
                message += (joined.isEmpty ? "" : ", ") + "the words as its x, y and z parts ('\(SourceText.bounded(asCommas, limit: 60))')"
            }
            warnings.append(
                StructureWarning(
                    code: joined.isEmpty ? "space-separated-symmetry" : "unquoted-symmetry", message: message, line: first.line))
        }
        let namedP1 = groupName.map { ["p1", "?", "."].contains($0.text.replacingOccurrences(of: " ", with: "").lowercased()) } ?? true
        if operations.count == 1, (groupNumber ?? 1) > 1 || !namedP1 {
            let group = groupName.map { "space group \($0.text)" } ?? "space group number \(QuantityFormat.number(groupNumber ?? 0))"
            warnings.append(
                StructureWarning(
                    code: "cell-may-lack-atoms",
                    message: "\(group) but only one symmetry operation is listed: the cell may be missing atoms",
                    line: values[0].line))
        }
        return operations
    }

    static func readSites(_ block: CIFBlock, warnings: inout [StructureWarning]) throws(CIFError) -> ([Site], Int) {
        guard let loop = block.loop(containing: "_atom_site_fract_x") else {
            if block.loop(containing: "_atom_site_cartn_x") != nil {
                throw CIFError(
                    "CIF-ATOMS",
                    "atoms are given in Cartesian coordinates only; fractional coordinates (_atom_site_fract_x/y/z) are needed",
                    line: block.line)
            }
            throw CIFError("CIF-ATOMS", "no atom sites (_atom_site_fract_x/y/z loop) in data block '\(block.name)'", line: block.line)
        }
        guard let cx = loop.column("_atom_site_fract_x"), let cy = loop.column("_atom_site_fract_y"),
            let cz = loop.column("_atom_site_fract_z")
        else {
            throw CIFError("CIF-ATOMS", "the atom loop needs _atom_site_fract_x, _y and _z", line: loop.line)
        }
        let typeColumn = loop.column("_atom_site_type_symbol")
        let labelColumn = loop.column("_atom_site_label")
        let occupancyColumn = loop.column("_atom_site_occupancy")
        let limits = try? InputLimits.bundled().structure
        let largestCoordinate = limits?.coordinate_magnitude_max.value ?? 1000
        if let limit = limits?.atoms, loop.rows.count > limit.count {
            throw CIFError(
                "CIF-LIMIT", "\(loop.rows.count) atom sites: a structure holds at most \(limit.count) atoms in its cell", line: loop.line)
        }
        var sites: [Site] = []
        var partial = 0
        var lowest = 1.0
        for row in loop.rows {
            var coordinates: [Double] = []
            for column in [cx, cy, cz] {
                guard let value = CIFSyntax.number(row[column]) else {
                    throw CIFError(
                        "CIF-ATOMS", "coordinate '\(SourceText.bounded(row[column].text, limit: 80))' is not a number",
                        line: row[column].line, column: row[column].column)
                }
                guard abs(value) <= largestCoordinate else {
                    throw CIFError(
                        "CIF-ATOMS",
                        "coordinate \(QuantityFormat.number(value)) is more than \(QuantityFormat.number(largestCoordinate)) cells away: a fractional coordinate lies near 0–1",
                        line: row[column].line, column: row[column].column)
                }
                coordinates.append(value)
            }
            let label = labelColumn.map { row[$0].text } ?? ""
            var element: String? = nil
            if let typeColumn, !row[typeColumn].isNull { element = ElementSymbols.element(in: row[typeColumn].text) }
            if element == nil, let labelColumn { element = ElementSymbols.element(in: row[labelColumn].text) }
            guard let element else {
                let cell = typeColumn.map { row[$0] } ?? labelColumn.map { row[$0] } ?? row[cx]
                throw CIFError(
                    "CIF-ATOMS", "cannot tell the element of atom '\(label.isEmpty ? cell.text : label)'", line: cell.line,
                    column: cell.column)
            }
            var occupancy = 1.0
            if let occupancyColumn, let value = CIFSyntax.number(row[occupancyColumn]) {
                occupancy = value
                if value < 0.999 {
                    partial += 1
                    lowest = min(lowest, value)
                }
            }
            sites.append(
                Site(
                    label: label, element: element, fractional: SIMD3(coordinates[0], coordinates[1], coordinates[2]), occupancy: occupancy)
            )
        }
        if sites.isEmpty {
            throw CIFError("CIF-ATOMS", "the atom loop has no rows", line: loop.line)
        }
        if partial > 0 {
            warnings.append(
                StructureWarning(
                    code: "partial-occupancy",
                    message:
                        "\(partial) atom sites have partial occupancy (lowest \(lowest)): a disordered model gives unreliable pores; every site was kept",
                    line: loop.line))
        }
        if let first = loop.emptyCellLines.first {
            warnings.append(
                StructureWarning(
                    code: "empty-table-cells",
                    message:
                        "the atom loop is a tab-separated table with empty cells (two tabs in a row) on \(loop.emptyCellLines.count) line\(loop.emptyCellLines.count == 1 ? "" : "s"), first at line \(first): each empty cell was read as '?' (unknown)",
                    line: first))
        }
        if loop.commentLinesInside > 0 {
            warnings.append(
                StructureWarning(
                    code: "comments-in-atom-loop",
                    message: "\(loop.commentLinesInside) comment lines inside the atom loop were skipped; \(sites.count) sites were read",
                    line: loop.line))
        }
        return (sites, loop.line)
    }
}

/// Buckets atoms by fractional position so coincident atoms are found without comparing every pair.
struct CoincidenceGrid {
    let counts: SIMD3<Int>
    var buckets: [Int: [Int]] = [:]

    init(cell: UnitCell, spacing: Double) {
        let widths = cell.perpendicularWidths
        func bins(_ width: Double) -> Int { max(1, Int(saturating: min(10_000, width / spacing))) }
        counts = SIMD3(bins(widths.x), bins(widths.y), bins(widths.z))
    }

    func key(_ i: Int, _ j: Int, _ k: Int) -> Int {
        let a = ((i % counts.x) + counts.x) % counts.x
        let b = ((j % counts.y) + counts.y) % counts.y
        let c = ((k % counts.z) + counts.z) % counts.z
        return a + counts.x * (b + counts.y * c)
    }

    func bin(_ f: SIMD3<Double>) -> (Int, Int, Int) {
        (
            Int(saturating: f.x * Double(counts.x), rounding: .down), Int(saturating: f.y * Double(counts.y), rounding: .down),
            Int(saturating: f.z * Double(counts.z), rounding: .down)
        )
    }

    mutating func insert(_ f: SIMD3<Double>, index: Int) {
        let (i, j, k) = bin(f)
        buckets[key(i, j, k), default: []].append(index)
    }

    func neighbours(of f: SIMD3<Double>) -> [Int] {
        let (i, j, k) = bin(f)
        var keys = Set<Int>()
        for a in -1...1 { for b in -1...1 { for c in -1...1 { keys.insert(key(i + a, j + b, k + c)) } } }
        return keys.flatMap { buckets[$0] ?? [] }
    }
}
