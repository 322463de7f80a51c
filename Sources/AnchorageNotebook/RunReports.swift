import Foundation

/// How a lab's runs came out, by route and by the findings each run carried at planning time.
public struct OutcomeReport: Sendable {
    public struct Group: Sendable, Hashable {
        public var label: String
        public var runs: Int = 0
        public var withResults: Int = 0
        public var haadf: [RunResults.HAADFVerdict: Int] = [:]
        public var loadings: [Double] = []
        public var metalMetalSeen = 0
        public var exafsRuns = 0
        public var xrdPhasesSeen = 0
        public var xrdRuns = 0

        mutating func add(_ history: RecordHistory) {
            runs += 1
            guard let results = history.results else { return }
            withResults += 1
            if let verdict = results.haadf?.verdict { haadf[verdict, default: 0] += 1 }
            loadings += results.loadings.compactMap { Double($0.value) }
            if let exafs = results.exafs {
                exafsRuns += 1
                if exafs.metalMetalPathSeen { metalMetalSeen += 1 }
            }
            if let phases = results.xrdPhases {
                xrdRuns += 1
                if !phases.isEmpty { xrdPhasesSeen += 1 }
            }
        }

        public var text: String {
            var parts = ["\(runs) run\(runs == 1 ? "" : "s")"]
            if withResults < runs { parts.append("\(runs - withResults) without results") }
            let seen = haadf.values.reduce(0, +)
            if seen > 0 {
                parts.append(
                    "HAADF-STEM in \(seen): "
                        + RunResults.HAADFVerdict.allCases.map { "\($0.rawValue.replacingOccurrences(of: "-", with: " ")) \(haadf[$0] ?? 0)" }
                        .joined(separator: ", "))
            }
            if !loadings.isEmpty, let low = loadings.min(), let high = loadings.max() {
                let mean = loadings.reduce(0, +) / Double(loadings.count)
                parts.append(String(format: "loading %g–%g wt%% (mean %.2f, n %d)", low, high, mean, loadings.count))
            }
            if exafsRuns > 0 { parts.append("EXAFS M–M path seen in \(metalMetalSeen) of \(exafsRuns)") }
            if xrdRuns > 0 { parts.append("XRD metal or carbide phases in \(xrdPhasesSeen) of \(xrdRuns)") }
            return parts.joined(separator: "; ")
        }
    }

    public var byRoute: [Group]
    public var byFinding: [Group]

    public init(_ histories: [RecordHistory]) {
        var routes: [String: Group] = [:]
        var findings: [String: Group] = [:]
        for history in histories {
            let route = history.record.plan.route ?? "no route"
            routes[route, default: Group(label: route)].add(history)
            var carried = Set<String>()
            for diagnostic in history.record.plan.diagnostics where carried.insert(diagnostic.ruleID).inserted {
                let label = "\(diagnostic.ruleID) (\(diagnostic.severity.rawValue))"
                findings[diagnostic.ruleID, default: Group(label: label)].add(history)
            }
        }
        byRoute = routes.values.sorted { $0.label < $1.label }
        byFinding = findings.values.sorted { $0.label < $1.label }
    }

    public var text: String {
        var lines = ["By route"]
        lines += byRoute.map { "  \($0.label): \($0.text)" }
        lines.append("")
        lines.append("By finding at planning time")
        lines += byFinding.isEmpty ? ["  (no run carried a finding)"] : byFinding.map { "  runs that carried \($0.label): \($0.text)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Planned against actual for a few runs: reagent masses, step durations, product mass, findings.
public struct RunComparison: Sendable {
    public struct Cell: Sendable, Hashable, Encodable {
        public var planned: Double?
        public var actual: Double?
        public var deviationPercent: Double? {
            guard let planned, let actual, planned != 0 else { return nil }
            return (actual - planned) / planned * 100
        }

        enum CodingKeys: String, CodingKey { case planned, actual, deviationPercent }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(planned, forKey: .planned)
            try container.encodeIfPresent(actual, forKey: .actual)
            try container.encodeIfPresent(deviationPercent.map { ($0 * 10).rounded() / 10 }, forKey: .deviationPercent)
        }
    }

    public struct Row: Sendable, Encodable {
        public var label: String
        public var unit: String
        public var cells: [String: Cell]
    }

    public var runs: [String]
    public var rows: [Row]
    public var productMass: [String: Double]
    public var findings: [String: [String]]

    static let massFactors: [String: Double] = ["kg": 1000, "g": 1, "mg": 0.001, "µg": 0.000_001]
    static let hourFactors: [String: Double] = ["s": 1.0 / 3600, "min": 1.0 / 60, "h": 1, "d": 24]

    public init(_ histories: [RecordHistory]) {
        runs = histories.map(\.record.id)
        var reagentRows: [String: Row] = [:]
        var reagentOrder: [String] = []
        var stepRows: [String: Row] = [:]
        var stepOrder: [String] = []
        productMass = [:]
        findings = [:]
        for history in histories {
            let id = history.record.id
            let plan = history.record.plan
            for reagent in plan.reagents where reagent.massGrams != nil {
                let key = "reagent \(reagent.id) (\(reagent.name))"
                if reagentRows[key] == nil {
                    reagentRows[key] = Row(label: key, unit: "g", cells: [:])
                    reagentOrder.append(key)
                }
                // The latest weighing of the reagent at each step, summed over the steps that weigh it.
                var actual: Double?
                for step in plan.steps {
                    let masses = history.observations(ofStep: step.number).flatMap(\.observation.quantities)
                        .filter { $0.kind == .mass && $0.reagent == reagent.id }
                    if let last = masses.last, let value = Double(last.value), let factor = Self.massFactors[last.unit] {
                        actual = (actual ?? 0) + value * factor
                    }
                }
                reagentRows[key]?.cells[id] = Cell(planned: reagent.massGrams, actual: actual)
            }
            for step in plan.steps {
                let parameter = step.parameters.first { ($0.name == "time" || $0.name == "hold") && Self.hourFactors[$0.unit ?? ""] != nil }
                let planned = parameter.flatMap { p in Double(p.value).map { $0 * (Self.hourFactors[p.unit ?? ""] ?? 1) } }
                let observed = history.observations(ofStep: step.number).map(\.observation)
                var actual: Double?
                if let started = observed.compactMap(\.started).last, let finished = observed.compactMap(\.finished).last {
                    actual = finished.timeIntervalSince(started) / 3600
                } else if let duration = observed.flatMap(\.quantities).last(where: { $0.kind == .duration }),
                    let value = Double(duration.value), let factor = Self.hourFactors[duration.unit]
                {
                    actual = value * factor
                }
                guard planned != nil || actual != nil else { continue }
                let key = "step \(step.number) \(step.kind)"
                if stepRows[key] == nil {
                    stepRows[key] = Row(label: key, unit: "h", cells: [:])
                    stepOrder.append(key)
                }
                stepRows[key]?.cells[id] = Cell(planned: planned, actual: actual)
            }
            if let mass = history.results?.productMass.flatMap(Double.init) { productMass[id] = mass }
            var seen = Set<String>()
            findings[id] = plan.diagnostics.map(\.ruleID).filter { seen.insert($0).inserted }
        }
        rows = reagentOrder.compactMap { reagentRows[$0] } + stepOrder.compactMap { stepRows[$0] }
    }

    static func number(_ value: Double) -> String { String(format: "%g", (value * 10000).rounded() / 10000) }

    public var text: String {
        func cell(_ cell: Cell?) -> String {
            guard let cell else { return "—" }
            var text = (cell.planned.map(Self.number) ?? "—") + " → " + (cell.actual.map(Self.number) ?? "—")
            if let deviation = cell.deviationPercent { text += String(format: " (%+.1f %%)", deviation) }
            return text
        }
        var table: [[String]] = [[""] + runs]
        for row in rows { table.append(["\(row.label), \(row.unit)"] + runs.map { cell(row.cells[$0]) }) }
        table.append(["product, g"] + runs.map { productMass[$0].map(Self.number) ?? "—" })
        table.append(["findings"] + runs.map { findings[$0].map { $0.isEmpty ? "none" : $0.joined(separator: " ") } ?? "none" })
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { line in
            line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    public var json: String {
        struct Document: Encodable {
            var runs: [String]
            var rows: [Row]
            var productMass: [String: Double]
            var findings: [String: [String]]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(runs: runs, rows: rows, productMass: productMass, findings: findings))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
