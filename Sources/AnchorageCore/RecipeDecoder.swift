import Foundation

/// Reads a recipe from YAML text into a `Recipe`, every value keeping its location. It collects every problem it can
/// find in one pass (like a compiler), and returns a recipe only when the document has the recipe's shape.
public struct RecipeDecoder {
    public static let supportedFormatVersion = 1
    /// Recipes are a few kilobytes; a file past this is refused unread rather than parsed for seconds.
    public static let maximumFileBytes = 2 * 1024 * 1024

    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    static let topLevelKeys = ["anchorage", "id", "title", "source", "target", "route", "host", "reagents", "steps", "notes"]
    static let sourceKeys = ["cite", "doi", "url", "note"]
    static let targetKeys = ["metals", "site", "support"]
    static let reagentKeys = ["name", "formula", "cas", "role", "mass", "amount", "volume", "density", "concentration", "purity", "note"]

    /// Loads a recipe file from disk. Unreadable files throw (exit 2); everything else is a diagnostic.
    public static func load(path: String) throws -> (recipe: Recipe?, diagnostics: [Diagnostic]) {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumFileBytes {
            throw RecipeFileError.tooLarge(path: path, bytes: size, limit: maximumFileBytes)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw RecipeFileError.unreadable(path: path, reason: "it is a directory")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RecipeFileError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RecipeFileError.unreadable(path: path, reason: "not UTF-8 text")
        }
        var decoder = RecipeDecoder(file: path)
        let recipe = decoder.decode(text: text)
        return (recipe, decoder.diagnostics)
    }

    public mutating func decode(text: String) -> Recipe? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<") {
            let what = trimmed.contains("notebook") ? "an XML notebook record" : "an XML document"
            error("FMT-002", "this is \(what), not a recipe", at: start, notes: [
                DiagnosticNote("a recipe is YAML and starts with 'anchorage: 1'"),
            ])
            return nil
        }
        if text.utf8.count > Self.maximumFileBytes {
            error("FMT-009", "the document is larger than \(Self.maximumFileBytes / 1024 / 1024) MiB: refused", at: start)
            return nil
        }
        let tree: YAMLTree?
        do {
            tree = try YAMLTreeBuilder.build(text: text, file: file, problems: &diagnostics)
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
        guard let tree else {
            self.error("FMT-002", "the file is empty, not a recipe", at: start, notes: [DiagnosticNote("a recipe starts with 'anchorage: 1'")])
            return nil
        }
        guard case .mapping(let pairs, let rootLocation) = tree else {
            self.error("FMT-002", "this is \(tree.kindNoun), not a recipe", at: tree.location, notes: [
                DiagnosticNote("a recipe is a mapping that starts with 'anchorage: 1'"),
            ])
            return nil
        }
        let keys = Set(pairs.map(\.key.value))
        if keys.contains("$schema") || (keys.contains("properties") && keys.contains("type")) {
            error("FMT-002", "this is a JSON Schema, not a recipe", at: rootLocation, notes: [
                DiagnosticNote("to use the schema, name it in a recipe's first line: '# yaml-language-server: $schema=…'"),
            ])
            return nil
        }
        if !keys.contains("anchorage") && !keys.contains("steps") && !keys.contains("reagents") {
            error("FMT-002", "this is not an Anchorage recipe: it has no 'anchorage', 'reagents' or 'steps'", at: rootLocation, notes: [
                DiagnosticNote("a recipe starts with 'anchorage: 1'"),
            ])
            return nil
        }
        let map = Fields(pairs: pairs, location: rootLocation)
        checkUnknownKeys(map, allowed: Self.topLevelKeys, context: "a recipe")

        let version = decodeFormatVersion(map)
        if let version, version.value > Self.supportedFormatVersion {
            // A newer format may mean anything: stop before misreading it.
            return nil
        }
        let id = requiredText(map, "id", context: "the recipe")
        let title = requiredText(map, "title", context: "the recipe", kind: .prose)
        let source = map["source"].flatMap { decodeSource($0) }
        let target = decodeTarget(map)
        let route = map["route"].flatMap { decodeChoice($0, Route.self, what: "route") }
        if map["route"] == nil { missing("route", in: map, context: "the recipe", hint: "one of " + Route.allCases.map(\.rawValue).joined(separator: ", ")) }
        let host = map["host"].flatMap { scalarText($0, what: "host") }
        let reagents = decodeReagents(map)
        let steps = decodeSteps(map)
        let notes = map["notes"].flatMap { scalarText($0, what: "notes", kind: .prose) }

        guard let version, let id, let title, let target, let route, let reagents, let steps else { return nil }
        return Recipe(
            file: file, text: text, location: rootLocation, formatVersion: version, id: id, title: title, source: source,
            target: target, route: route, host: host, reagents: reagents, steps: steps, notes: notes)
    }

    // MARK: - Parts

    mutating func decodeFormatVersion(_ map: Fields) -> Located<Int>? {
        guard let node = map["anchorage"] else {
            missing("anchorage", in: map, context: "the recipe", hint: "the format version: 'anchorage: 1' as the first line")
            return nil
        }
        guard let text = scalarText(node, what: "the format version") else { return nil }
        guard let version = Int(text.value), version >= 1 else {
            error("FMT-008", "'\(text.value)' is not a format version: write 'anchorage: 1'", at: text.location)
            return nil
        }
        if version > Self.supportedFormatVersion {
            error("FMT-003", "this recipe is written in format version \(version); this Anchorage reads version \(Self.supportedFormatVersion)",
                  at: text.location, notes: [DiagnosticNote("update Anchorage to read it")])
        }
        return text.map { _ in version }
    }

    mutating func decodeSource(_ node: YAMLTree) -> RecipeSource? {
        if case .scalar = node {
            return RecipeSource(cite: scalarText(node, what: "source", kind: .prose), doi: nil, url: nil, note: nil)
        }
        guard let map = mapping(node, what: "source") else { return nil }
        checkUnknownKeys(map, allowed: Self.sourceKeys, context: "source")
        return RecipeSource(
            cite: map["cite"].flatMap { scalarText($0, what: "cite", kind: .prose) },
            doi: map["doi"].flatMap { scalarText($0, what: "doi", kind: .prose) },
            url: map["url"].flatMap { scalarText($0, what: "url", kind: .prose) },
            note: map["note"].flatMap { scalarText($0, what: "note", kind: .prose) })
    }

    mutating func decodeTarget(_ map: Fields) -> Target? {
        guard let node = map["target"] else {
            missing("target", in: map, context: "the recipe", hint: "e.g. target: {metals: [Fe], site: single-atom, support: N-doped carbon}")
            return nil
        }
        guard let target = mapping(node, what: "target") else { return nil }
        checkUnknownKeys(target, allowed: Self.targetKeys, context: "target")
        var metals: [Located<String>] = []
        if let metalsNode = target["metals"] {
            switch metalsNode {
            case .sequence(let items, let location):
                if exceeds(items.count, limits?.recipe.metals_per_target, what: "metals in the target", at: location) { return nil }
                for item in items { if let metal = scalarText(item, what: "a metal") { metals.append(metal) } }
            case .scalar:
                if let metal = scalarText(metalsNode, what: "a metal") { metals.append(metal) }
            case .mapping:
                wrongType(metalsNode, expected: "a list of element symbols, e.g. [Fe]", what: "metals")
            }
            let table = try? PeriodicTable.bundled()
            for metal in metals where table?.element(metal.value)?.isMetal != true {
                let metalSymbols = table?.elements.filter(\.isMetal).map(\.symbol) ?? []
                let suggestion = Suggestion.closest(to: metal.value, among: metalSymbols)
                error("FMT-008", "'\(metal.value)' is not a metal's element symbol", at: metal.location,
                      notes: suggestion.map { [DiagnosticNote("did you mean '\($0)'?")] } ?? [])
            }
            if metals.isEmpty && metalsNode.scalarText == nil { error("FMT-008", "name at least one metal", at: metalsNode.location) }
        } else {
            missing("metals", in: target, context: "target", hint: "e.g. metals: [Fe]")
        }
        let site = target["site"].flatMap { decodeChoice($0, SiteType.self, what: "site type") }
        if target["site"] == nil { missing("site", in: target, context: "target", hint: "single-atom or dual-atom") }
        let support = target["support"].flatMap { scalarText($0, what: "support") }
        guard let site else { return nil }
        return Target(metals: metals, site: site, support: support)
    }

    mutating func decodeReagents(_ map: Fields) -> [Reagent]? {
        guard let node = map["reagents"] else {
            missing("reagents", in: map, context: "the recipe", hint: "a mapping from reagent id to {name, formula, mass, …}")
            return nil
        }
        guard let reagentsMap = mapping(node, what: "reagents") else { return nil }
        if exceeds(reagentsMap.pairs.count, limits?.recipe.reagents, what: "reagents", at: reagentsMap.location) { return nil }
        var reagents: [Reagent] = []
        for (key, value) in reagentsMap.pairs {
            if let limit = limits?.recipe.name_characters, key.value.count > limit.count {
                tooMuch("a reagent id is \(key.value.count) characters long; an id is at most \(limit.count)", limit, at: key.location)
                continue
            }
            guard let fields = mapping(value, what: "reagent '\(key.value)'") else { continue }
            checkUnknownKeys(fields, allowed: Self.reagentKeys, context: "a reagent")
            var reagent = Reagent(id: key)
            reagent.name = fields["name"].flatMap { scalarText($0, what: "name") }
            reagent.formula = fields["formula"].flatMap { scalarText($0, what: "formula") }
            reagent.cas = fields["cas"].flatMap { scalarText($0, what: "CAS number") }
            reagent.role = fields["role"].flatMap { decodeChoice($0, ReagentRole.self, what: "role") }
            reagent.mass = fields["mass"].flatMap { quantity($0, [.mass]) }
            reagent.amount = fields["amount"].flatMap { quantity($0, [.amount]) }
            reagent.volume = fields["volume"].flatMap { quantity($0, [.volume]) }
            reagent.density = fields["density"].flatMap { quantity($0, [.density]) }
            reagent.concentration = fields["concentration"].flatMap { quantity($0, [.molarConcentration, .massConcentration, .massFraction]) }
            reagent.purity = fields["purity"].flatMap { quantity($0, [.fraction, .massFraction]) }
            reagent.note = fields["note"].flatMap { scalarText($0, what: "note", kind: .prose) }
            reagent.hasUnreadableAmount = (fields["mass"] != nil && reagent.mass == nil) || (fields["amount"] != nil && reagent.amount == nil)
                || (fields["volume"] != nil && reagent.volume == nil) || (fields["concentration"] != nil && reagent.concentration == nil)
                || (fields["density"] != nil && reagent.density == nil)
            if reagent.name == nil && reagent.formula == nil {
                error("FMT-005", "reagent '\(key.value)' needs a name or a formula", at: key.location)
            }
            reagents.append(reagent)
        }
        return reagents
    }

    mutating func decodeSteps(_ map: Fields) -> [Step]? {
        guard let node = map["steps"] else {
            missing("steps", in: map, context: "the recipe", hint: "a list of operations, e.g. '- dissolve: [zn]'")
            return nil
        }
        guard case .sequence(let items, let location) = node else {
            wrongType(node, expected: "a list of steps (each line starting with '- ')", what: "steps")
            return nil
        }
        if exceeds(items.count, limits?.recipe.steps, what: "steps", at: location) { return nil }
        var steps: [Step] = []
        for (index, item) in items.enumerated() {
            if let step = decodeStep(item, number: index + 1) { steps.append(step) }
        }
        return steps
    }

    mutating func decodeStep(_ node: YAMLTree, number: Int) -> Step? {
        let kinds = StepKind.allCases.map(\.rawValue)
        let fields: Fields
        switch node {
        case .mapping(let pairs, let location):
            fields = Fields(pairs: pairs, location: location)
        case .scalar(let text, let location, _):
            if let kind = StepKind(rawValue: text), StepSpec.spec(for: kind).parameters.allSatisfy({ !$0.required }) {
                return Step(number: number, kind: Located(kind, at: location), location: location, values: [:])
            }
            error("FMT-006", "step \(number) must be a mapping such as '- stir: {time: 24 h}'", at: location)
            return nil
        case .sequence(_, let location):
            error("FMT-006", "step \(number) is a list; a step is a mapping such as '- stir: {time: 24 h}'", at: location)
            return nil
        }
        // The step's kind is the one key that names a kind; the others are its parameters.
        let kindKeys = fields.pairs.filter { StepKind(rawValue: $0.key.value) != nil }
        guard let kindPair = kindKeys.first else {
            let first = fields.pairs.first?.key
            let suggestion = first.flatMap { Suggestion.closest(to: $0.value, among: kinds) }
            error("FMT-004", "step \(number) names no operation" + (first.map { ": '\($0.value)' is not one" } ?? ""),
                  at: first?.location ?? fields.location,
                  notes: [DiagnosticNote(suggestion.map { "did you mean '\($0)'?" } ?? "operations: " + kinds.joined(separator: ", "))])
            return nil
        }
        for extra in kindKeys.dropFirst() {
            error("FMT-006", "step \(number) names two operations, '\(kindPair.key.value)' and '\(extra.key.value)': make them two steps",
                  at: extra.key.location)
        }
        guard let kind = StepKind(rawValue: kindPair.key.value) else { return nil }
        let spec = StepSpec.spec(for: kind)
        var parameterNodes: [(key: Located<String>, value: YAMLTree)] = []
        switch kindPair.value {
        case .mapping(let inner, _):
            parameterNodes += inner
        case .scalar(let text, _, _) where text.isEmpty && spec.primary == nil:
            break
        default:
            if let primary = spec.primary {
                parameterNodes.append((Located(primary.rawValue, at: kindPair.value.location), kindPair.value))
            } else {
                wrongType(kindPair.value, expected: "a mapping of its parameters, e.g. {temperature: 900 °C, …}", what: "'\(kind.rawValue)'")
            }
        }
        for pair in fields.pairs where pair.key.value != kindPair.key.value && StepKind(rawValue: pair.key.value) == nil {
            parameterNodes.append(pair)
        }
        var values: [String: StepValue] = [:]
        var seen: [String: SourceLocation] = [:]
        for (key, value) in parameterNodes {
            guard let parameter = spec.parameter(key.value) else {
                let suggestion = Suggestion.closest(to: key.value, among: spec.parameters.map(\.name))
                var notes = [
                    DiagnosticNote(suggestion.map { "did you mean '\($0)'?" } ?? "'\(kind.rawValue)' takes: " + spec.parameters.map(\.name).joined(separator: ", ")),
                ]
                // `note: anneal, then cool}`: the comma ends the note and its rest becomes a parameter without a value.
                if case .scalar(let text, _, quoted: false) = value, ["", "null", "~"].contains(text) {
                    notes.append(DiagnosticNote("inside `{…}` a comma ends a value: if '\(key.value)' belongs to the value before it (a note, say), quote that value"))
                }
                error("FMT-004", "unknown parameter '\(key.value)' for '\(kind.rawValue)'", at: key.location, notes: notes)
                continue
            }
            if let first = seen[key.value] {
                error("FMT-007", "'\(key.value)' is given twice in step \(number)", at: key.location, notes: [DiagnosticNote("first given here", at: first)])
                continue
            }
            seen[key.value] = key.location
            if let decoded = decodeParameter(value, parameter) { values[key.value] = decoded }
        }
        for parameter in spec.parameters where parameter.required && seen[parameter.name] == nil {
            error("FMT-005", "'\(kind.rawValue)' needs '\(parameter.name)': \(parameter.meaning)", at: kindPair.key.location)
        }
        return Step(number: number, kind: Located(kind, at: kindPair.key.location), location: fields.location, values: values)
    }

    mutating func decodeParameter(_ node: YAMLTree, _ parameter: ParameterSpec) -> StepValue? {
        switch parameter.type {
        case .quantity(let dimensions):
            return quantity(node, dimensions).map(StepValue.quantity)
        case .reagent:
            return scalarText(node, what: parameter.name).map(StepValue.reagent)
        case .reagents, .reagentsOrAll:
            if case .scalar(let text, let location, _) = node {
                if text == "all", parameter.type == .reagentsOrAll { return .allReagents(location) }
                return scalarText(node, what: parameter.name).map { .reagents([$0]) }
            }
            guard case .sequence(let items, let location) = node else {
                wrongType(node, expected: "a list of reagent ids, e.g. [zn, fe]", what: parameter.name)
                return nil
            }
            if exceeds(items.count, limits?.recipe.list_items, what: "items in '\(parameter.name)'", at: location) { return nil }
            return .reagents(items.compactMap { scalarText($0, what: "a reagent id") })
        case .solventVolumes:
            guard let map = mapping(node, what: parameter.name, expected: "a mapping of solvent to volume, e.g. {meoh: 30 mL}") else { return nil }
            if exceeds(map.pairs.count, limits?.recipe.list_items, what: "items in '\(parameter.name)'", at: map.location) { return nil }
            var list: [(reagent: Located<String>, volume: Located<Quantity>)] = []
            for (key, value) in map.pairs {
                if let volume = quantity(value, [.volume]) { list.append((key, volume)) }
            }
            return .solventVolumes(list)
        case .integer(let minimum):
            guard let text = scalarText(node, what: parameter.name) else { return nil }
            guard let number = Int(text.value), number >= minimum else {
                error("FMT-008", "'\(parameter.name)' must be a whole number ≥ \(minimum), not '\(text.value)'", at: text.location)
                return nil
            }
            return .integer(text.map { _ in number })
        case .choice(let options):
            guard let text = scalarText(node, what: parameter.name) else { return nil }
            // Gases as papers name them: 'argon', 'nitrogen', 'Ar/H2' are the format's Ar, N2, H2/Ar.
            let written = StepSpec.gasSpellings[text.value.lowercased()] ?? text.value
            guard let match = options.first(where: { $0.caseInsensitiveCompare(written) == .orderedSame }) else {
                var notes: [DiagnosticNote] = []
                if text.value.contains("%"), let mixture = options.first(where: { $0.contains("/") && text.value.contains($0.split(separator: "/").last.map(String.init) ?? "") }) {
                    // '5% H2/Ar': the content goes in its own parameter.
                    let content = text.value.split(separator: "%").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                    let percent = Double(content) != nil ? content : "5"
                    notes.append(DiagnosticNote("write the mixture as '\(mixture)' and its H2 content apart, as `h2: \(percent) %`"))
                } else if text.value.contains("/"), options.contains(where: { $0.contains("/") }) {
                    let mixtures = options.filter { $0.contains("/") }.joined(separator: " and ")
                    notes.append(DiagnosticNote("of the gas mixtures only \(mixtures) are in the format: name the active gas and give the dilution in the step's note"))
                } else if let suggestion = Suggestion.closest(to: text.value, among: options) {
                    notes.append(DiagnosticNote("did you mean '\(suggestion)'?"))
                }
                notes.append(DiagnosticNote("one of: " + options.joined(separator: ", ")))
                error("FMT-008", "'\(text.value)' is not a known \(parameter.name)", at: text.location, notes: notes)
                return nil
            }
            return .choice(text.map { _ in match })
        case .text:
            return scalarText(node, what: parameter.name, kind: .prose).map(StepValue.text)
        case .flag:
            guard let text = scalarText(node, what: parameter.name) else { return nil }
            switch text.value.lowercased() {
            case "true", "yes": return .flag(text.map { _ in true })
            case "false", "no": return .flag(text.map { _ in false })
            default:
                error("FMT-008", "'\(parameter.name)' is true or false, not '\(text.value)'", at: text.location)
                return nil
            }
        }
    }

    // MARK: - Values

    /// Reads a quantity; a problem lands on the column inside the scalar where it starts (the unit of "1.69 kg/s").
    public mutating func quantity(_ node: YAMLTree, _ dimensions: Set<Dimension>) -> Located<Quantity>? {
        guard case .scalar(let text, _, _) = node else {
            wrongType(node, expected: "a quantity such as '1.69 g'", what: "a quantity")
            return nil
        }
        if let limit = limits?.recipe.name_characters, text.count > limit.count {
            tooMuch("a quantity written in \(text.count) characters is not a number and a unit", limit, at: node.textLocation)
            return nil
        }
        switch QuantityParser.parse(text, expecting: dimensions) {
        case .success(let quantity):
            return Located(quantity, at: node.textLocation)
        case .failure(let problem):
            let id: String
            switch problem.kind {
            case .notANumber, .missingUnit, .unknownUnit, .ambiguousUnit: id = "UNIT-001"
            case .wrongDimension: id = "UNIT-002"
            case .belowAbsoluteZero, .negative, .outOfRange: id = "UNIT-003"
            case .fractionForPercentage: id = "UNIT-004"
            }
            error(id, problem.message, at: node.textLocation.advanced(byColumns: problem.offset),
                  notes: problem.hint.map { [DiagnosticNote($0)] } ?? [])
            return nil
        }
    }

    mutating func decodeChoice<T: RawRepresentable & CaseIterable>(_ node: YAMLTree, _ type: T.Type, what: String) -> Located<T>?
    where T.RawValue == String {
        guard let text = scalarText(node, what: what) else { return nil }
        if let value = T(rawValue: text.value) ?? T.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text.value) == .orderedSame }) {
            return Located(value, at: text.location)
        }
        let options = T.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text.value, among: options)
        error("FMT-008", "'\(text.value)' is not a known \(what)", at: text.location, notes: [
            DiagnosticNote(suggestion.map { "did you mean '\($0)'?" } ?? "one of: " + options.joined(separator: ", ")),
        ])
        return nil
    }

    /// A name (of a reagent, a host, a metal, a choice) or prose (a title, a note, a source).
    enum TextKind { case name, prose }

    mutating func scalarText(_ node: YAMLTree, what: String, kind: TextKind = .name) -> Located<String>? {
        guard case .scalar(let text, _, _) = node else {
            wrongType(node, expected: "a single value", what: what)
            return nil
        }
        let limit = kind == .name ? limits?.recipe.name_characters : limits?.recipe.text_characters
        if let limit, text.count > limit.count {
            tooMuch("\(what) is \(text.count) characters long; \(kind == .name ? "a name" : "a text") is at most \(limit.count)", limit, at: node.textLocation)
            return nil
        }
        return Located(text, at: node.textLocation)
    }

    /// The limits of `input-limits.yaml`; nil only when the data file cannot be read (then nothing is refused for size).
    var limits: InputLimits? { try? InputLimits.bundled() }

    /// FMT-010: the file asks for more than a recipe may (see `input-limits.yaml`).
    mutating func tooMuch(_ message: String, _ limit: InputLimits.Limit, at location: SourceLocation) {
        error("FMT-010", message, at: location, notes: [DiagnosticNote(limit.why)])
    }

    /// True, after an FMT-010 error, when a list holds more items than `limit` allows.
    mutating func exceeds(_ count: Int, _ limit: InputLimits.Limit?, what: String, at location: SourceLocation) -> Bool {
        guard let limit, count > limit.count else { return false }
        tooMuch("\(count) \(what): a recipe holds at most \(limit.count)", limit, at: location)
        return true
    }

    mutating func requiredText(_ map: Fields, _ key: String, context: String, kind: TextKind = .name) -> Located<String>? {
        guard let node = map[key] else {
            missing(key, in: map, context: context, hint: nil)
            return nil
        }
        guard let text = scalarText(node, what: key, kind: kind) else { return nil }
        if text.value.trimmingCharacters(in: .whitespaces).isEmpty {
            error("FMT-005", "'\(key)' is empty", at: text.location)
            return nil
        }
        return text
    }

    mutating func mapping(_ node: YAMLTree, what: String, expected: String = "a mapping (key: value pairs)") -> Fields? {
        guard case .mapping(let pairs, let location) = node else {
            wrongType(node, expected: expected, what: what)
            return nil
        }
        return Fields(pairs: pairs, location: location)
    }

    mutating func checkUnknownKeys(_ map: Fields, allowed: [String], context: String) {
        for (key, value) in map.pairs where !allowed.contains(key.value) {
            let suggestion = Suggestion.closest(to: key.value, among: allowed)
            var notes = [DiagnosticNote(suggestion.map { "did you mean '\($0)'?" } ?? "allowed: " + allowed.joined(separator: ", "))]
            // `{name: N,N-dimethylformamide}`: the comma ends the name and the rest becomes a key without a value.
            if case .scalar(let text, _, quoted: false) = value, ["", "null", "~"].contains(text) {
                notes.append(DiagnosticNote("inside `{…}` a comma ends a value: if '\(key.value)' belongs to the value before it, quote that value (e.g. name: \"N,N-dimethylformamide\")"))
            }
            error("FMT-004", "unknown key '\(key.value)' in \(context)", at: key.location, notes: notes)
        }
    }

    mutating func missing(_ key: String, in map: Fields, context: String, hint: String?) {
        error("FMT-005", "\(context) has no '\(key)'", at: map.location, notes: hint.map { [DiagnosticNote($0)] } ?? [])
    }

    mutating func wrongType(_ node: YAMLTree, expected: String, what: String) {
        error("FMT-006", "\(what) must be \(expected), not \(node.kindNoun)", at: node.location)
    }

    mutating func error(_ id: String, _ message: String, at location: SourceLocation, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(.error, id, message, at: location, notes: notes))
    }
}

/// A mapping's fields, in order, looked up by key.
struct Fields {
    var pairs: [(key: Located<String>, value: YAMLTree)]
    var location: SourceLocation

    subscript(key: String) -> YAMLTree? { pairs.first { $0.key.value == key }?.value }
}

public enum RecipeFileError: Error, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read the file: \(reason)"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): the file is \(bytes / 1024 / 1024) MiB; a recipe is at most \(limit / 1024 / 1024) MiB: refused unread"
        }
    }
}


extension Reagent {
    init(id: Located<String>) {
        self.id = id
    }
}
