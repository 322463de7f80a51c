import AnchorageCore
import Foundation

/// Which records `notebook list` shows: every filter given must hold.
public struct RecordFilter: Sendable {
    public enum State: String, Sendable, CaseIterable, Codable {
        case planned
        case inProgress = "in-progress"
        case done
    }

    public var recipe: String?
    public var route: String?
    public var host: String?
    public var metal: String?
    public var operatorName: String?
    public var since: String?
    public var until: String?
    public var state: State?
    public var signed: Bool?

    public init(
        recipe: String? = nil, route: String? = nil, host: String? = nil, metal: String? = nil, operatorName: String? = nil,
        since: String? = nil, until: String? = nil, state: State? = nil, signed: Bool? = nil
    ) {
        self.recipe = recipe
        self.route = route
        self.host = host
        self.metal = metal
        self.operatorName = operatorName
        self.since = since
        self.until = until
        self.state = state
        self.signed = signed
    }

    public var isEmpty: Bool {
        [recipe, route, host, metal, operatorName, since, until].allSatisfy { $0 == nil } && state == nil && signed == nil
    }

    public func matches(_ history: RecordHistory) throws(NotebookError) -> Bool {
        let record = history.record
        let plan = record.plan
        if let recipe, plan.recipeID != recipe { return false }
        if let route, plan.route != route { return false }
        if let host, plan.host?.lowercased() != host.lowercased() { return false }
        if let metal, !RecordListing.targetMetals(plan).contains(where: { $0.lowercased() == metal.lowercased() }) { return false }
        if let operatorName {
            let people = [record.operatorName] + history.auditTrail.map(\.entry.author)
            if !people.contains(where: { $0.lowercased() == operatorName.lowercased() }) { return false }
        }
        let day = String(Timestamp.text(record.created).prefix(10))
        for (flag, bound) in [("--since", since), ("--until", until)] {
            guard let bound else { continue }
            guard bound.count == 10, Timestamp.date(bound + "T00:00:00Z") != nil else {
                throw .invalidValue(field: flag, message: "'\(bound)' is not a day such as 2026-11-25")
            }
            if flag == "--since" ? day < bound : day > bound { return false }
        }
        if let state, RecordListing.state(history) != state { return false }
        if let signed, history.isSigned != signed { return false }
        return true
    }
}

/// Records as rows for scripts: CSV (RFC 4180) and JSON.
public enum RecordListing {
    /// The target metals the recipe names (`target: {metals: [Fe, Co]}`), read from the recipe text kept in the record.
    public static func targetMetals(_ plan: PlannedRecord) -> [String] {
        var decoder = RecipeDecoder(file: plan.recipeFileName ?? "recipe.yaml")
        guard let recipe = decoder.decode(text: plan.recipeText) else { return [] }
        return recipe.target.metals.map(\.value)
    }

    public static func state(_ history: RecordHistory) -> RecordFilter.State {
        let statuses = history.record.plan.steps.map { history.status(ofStep: $0.number) }
        if !statuses.isEmpty, statuses.allSatisfy({ $0 == .done || $0 == .skipped }) { return .done }
        return statuses.contains(where: { $0 != .planned }) ? .inProgress : .planned
    }

    struct Row: Encodable {
        var id: String
        var created: String
        var operatorName: String
        var recipe: String
        var route: String?
        var host: String?
        var metals: [String]
        var title: String
        var state: String
        var stepsDone: Int
        var steps: Int
        var signed: Bool

        enum CodingKeys: String, CodingKey {
            case id, created, recipe, route, host, metals, title, state, stepsDone, steps, signed
            case operatorName = "operator"
        }
    }

    static func row(_ history: RecordHistory) -> Row {
        let record = history.record
        let steps = record.plan.steps.map(\.number)
        return Row(
            id: record.id, created: Timestamp.text(record.created), operatorName: record.operatorName,
            recipe: record.plan.recipeID, route: record.plan.route, host: record.plan.host, metals: targetMetals(record.plan),
            title: record.plan.title, state: state(history).rawValue,
            stepsDone: steps.filter { history.status(ofStep: $0) == .done }.count, steps: steps.count, signed: history.isSigned)
    }

    public static func json(_ histories: [RecordHistory]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(histories.map(row)) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func csv(_ histories: [RecordHistory]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["id,created,operator,recipe,route,host,metals,title,state,steps_done,steps,signed"]
        for row in histories.map(row) {
            lines.append(
                [
                    row.id, row.created, row.operatorName, row.recipe, row.route ?? "", row.host ?? "",
                    row.metals.joined(separator: " "), row.title, row.state, String(row.stepsDone), String(row.steps),
                    row.signed ? "yes" : "no",
                ].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
