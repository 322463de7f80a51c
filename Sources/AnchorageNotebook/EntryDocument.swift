import Foundation

/// Notebook entries as XML documents: built with libxml2's tree API, validated against notebook.xsd before they
/// leave this type, and read back only through the safe reader.
public enum EntryDocument {
    public static let namespace = "urn:anchorage:notebook"
    /// The format an entry is written in: "1", or "1.1" for an entry that holds an element added in 1.1 (a
    /// signature). Entries of 1 are read as they always were.
    public static let formatVersion = "1"
    public static let signedFormatVersion = "1.1"

    /// The XSD bundled with the library (a byte-identical copy of schemas/notebook.xsd).
    public static func schemaBytes() throws(NotebookError) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "notebook", withExtension: "xsd"),
            let data = try? Data(contentsOf: url)
        else { throw .schemaMissing }
        return [UInt8](data)
    }

    private static let compiled: Result<CompiledSchema, NotebookError> = {
        do throws(NotebookError) {
            return .success(try CompiledSchema(bytes: try schemaBytes()))
        } catch {
            return .failure(error)
        }
    }()

    static func schema() throws(NotebookError) -> CompiledSchema { try compiled.get() }

    // MARK: Encoding

    /// The entry's document, serialized, re-read and validated: it is returned only if it validates.
    public static func encode(_ entry: NotebookEntry) throws(NotebookError) -> [UInt8] {
        let root: ElementNode
        switch entry {
        case .record(let record): root = element(for: record)
        case .amendment(let amendment): root = element(for: amendment)
        }
        try checkCharacters(root, entry: entry.id)
        let bytes = LibXML.serialize(root, namespace: namespace)
        switch LibXML.read(bytes, schema: try schema()) {
        case .document: return bytes
        case .refused(let problems): throw .invalidDocument(entry: entry.id, problems: problems)
        }
    }

    /// Checks an arbitrary document against the schema (used by verify and tests).
    public static func validate(_ bytes: [UInt8]) throws(NotebookError) -> [XMLProblem] {
        switch LibXML.read(bytes, schema: try schema()) {
        case .document: return []
        case .refused(let problems): return problems
        }
    }

    static func element(for record: RecordEntry) -> ElementNode {
        let plan = record.plan
        var recipe = ElementNode("recipe", attributes: [("id", plan.recipeID)])
        if let route = plan.route { recipe.attributes.append(("route", route)) }
        if let host = plan.host { recipe.attributes.append(("host", host)) }
        recipe.children.append(ElementNode("title", text: plan.title))
        if let file = plan.recipeFileName { recipe.children.append(ElementNode("file", text: file)) }
        recipe.children.append(ElementNode(
            "text", attributes: [("sha256", plan.recipeSHA256), ("format", "yaml")], text: plan.recipeText, cdata: true))
        recipe.children.append(ElementNode("reagents", children: plan.reagents.map(element(for:))))
        recipe.children.append(ElementNode("steps", children: plan.steps.map(element(for:))))

        let fit = ElementNode("fit", children: plan.fitVerdicts.map {
            ElementNode(
                "verdict", attributes: [("precursor", $0.precursor), ("framework", $0.framework), ("mode", $0.mode)],
                text: $0.summary)
        })
        let diagnostics = ElementNode("diagnostics", children: plan.diagnostics.map(element(for:)))
        return ElementNode(
            "record", attributes: [("version", formatVersion), ("id", record.id)],
            children: header(record.chain, record.created, record.operatorName, record.software) + [
                recipe, fit, diagnostics,
                ElementNode("observations", children: record.observations.map(element(for:))),
                ElementNode("audit", children: record.audit.map(element(for:))),
            ])
    }

    static func element(for amendment: AmendmentEntry) -> ElementNode {
        var children = header(amendment.chain, amendment.created, amendment.operatorName, amendment.software) + [
            ElementNode("observations", children: amendment.observations.map(element(for:))),
            ElementNode("audit", children: amendment.audit.map(element(for:))),
        ]
        if let results = amendment.results { children.append(results.element()) }
        if let signature = amendment.signature {
            children.append(ElementNode(
                "signature",
                attributes: [
                    ("algorithm", "ed25519"), ("meaning", signature.meaning.rawValue), ("signer", signature.signer),
                    ("publicKey", signature.publicKey), ("content", signature.content), ("head", signature.head),
                    ("headSHA256", signature.headSHA256), ("value", signature.value),
                ]))
        }
        return ElementNode(
            "amendment",
            attributes: [
                ("version", usesFormat11(amendment) ? signedFormatVersion : formatVersion), ("id", amendment.id),
                ("record", amendment.recordID),
            ],
            children: children)
    }

    /// Whether an amendment holds something format 1 does not have: a signature, or a bench time's offset.
    static func usesFormat11(_ amendment: AmendmentEntry) -> Bool {
        amendment.signature != nil || amendment.results != nil
            || amendment.observations.contains { $0.startedOffset != nil || $0.finishedOffset != nil }
    }

    private static func header(
        _ chain: ChainLink, _ created: Date, _ operatorName: String, _ software: SoftwareIdentity
    ) -> [ElementNode] {
        var link = ElementNode("chain", attributes: [("sequence", String(chain.sequence))])
        if let previous = chain.previous { link.attributes.append(("previous", previous)) }
        return [
            link,
            ElementNode("created", text: Timestamp.text(created)),
            ElementNode("operator", text: operatorName),
            ElementNode("software", attributes: [("name", software.name), ("version", software.version)]),
        ]
    }

    private static func element(for reagent: PlannedReagent) -> ElementNode {
        var node = ElementNode("reagent", attributes: [("id", reagent.id)])
        if let role = reagent.role { node.attributes.append(("role", role)) }
        node.children.append(ElementNode("name", text: reagent.name))
        if let formula = reagent.formula { node.children.append(ElementNode("formula", text: formula)) }
        if let molarMass = reagent.molarMass.flatMap(DecimalText.init) {
            node.children.append(ElementNode("molarMass", attributes: [("unit", "g/mol")], text: molarMass.text))
        }
        if let mass = reagent.massGrams.flatMap(DecimalText.init) {
            node.children.append(ElementNode("mass", attributes: [("unit", "g")], text: mass.text))
        }
        if let amount = reagent.amountMillimoles.flatMap(DecimalText.init) {
            node.children.append(ElementNode("amount", attributes: [("unit", "mmol")], text: amount.text))
        }
        if let volume = reagent.volumeMillilitres.flatMap(DecimalText.init) {
            node.children.append(ElementNode("volume", attributes: [("unit", "mL")], text: volume.text))
        }
        return node
    }

    private static func element(for step: PlannedStep) -> ElementNode {
        var node = ElementNode("step", attributes: [("number", String(step.number)), ("kind", step.kind)])
        if let description = step.description { node.children.append(ElementNode("description", text: description)) }
        for parameter in step.parameters {
            var attributes = [("name", parameter.name), ("value", parameter.value)]
            if let unit = parameter.unit { attributes.append(("unit", unit)) }
            node.children.append(ElementNode("parameter", attributes: attributes))
        }
        for reagent in step.reagentRefs {
            node.children.append(ElementNode("uses", attributes: [("reagent", reagent)]))
        }
        return node
    }

    private static func element(for diagnostic: PlanningDiagnostic) -> ElementNode {
        var attributes = [("severity", diagnostic.severity.rawValue), ("rule", diagnostic.ruleID)]
        if let file = diagnostic.file { attributes.append(("file", file)) }
        if let line = diagnostic.line { attributes.append(("line", String(line))) }
        if let column = diagnostic.column { attributes.append(("column", String(column))) }
        return ElementNode("diagnostic", attributes: attributes, text: diagnostic.message)
    }

    private static func element(for observation: StepObservation) -> ElementNode {
        var node = ElementNode(
            "step", attributes: [("number", String(observation.step)), ("status", observation.status.rawValue)])
        for (name, time, offset) in [
            ("started", observation.started, observation.startedOffset), ("finished", observation.finished, observation.finishedOffset),
        ] {
            guard let time else { continue }
            node.children.append(ElementNode(
                name, attributes: offset.map { [("offset", BenchTime.offsetText($0))] } ?? [], text: Timestamp.text(time)))
        }
        for quantity in observation.quantities {
            var attributes = [("kind", quantity.kind.rawValue), ("value", quantity.value), ("unit", quantity.unit)]
            if let reagent = quantity.reagent { attributes.append(("reagent", reagent)) }
            node.children.append(ElementNode("quantity", attributes: attributes))
        }
        for note in observation.notes { node.children.append(ElementNode("note", text: note)) }
        return node
    }

    private static func element(for audit: AuditEntry) -> ElementNode {
        ElementNode(
            "entry",
            attributes: [("time", Timestamp.text(audit.time)), ("author", audit.author), ("action", audit.action.rawValue)],
            children: audit.reason.map { [ElementNode("reason", text: $0)] } ?? [])
    }

    /// Text XML 1.0 cannot carry (control characters) is refused with the field it was found in.
    private static func checkCharacters(_ element: ElementNode, entry: String) throws(NotebookError) {
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }
        for attribute in element.attributes where !attribute.value.unicodeScalars.allSatisfy(allowed) {
            throw .invalidValue(
                field: "\(element.name)/@\(attribute.name)", message: "contains a control character XML cannot hold")
        }
        if let text = element.text, !text.unicodeScalars.allSatisfy(allowed) {
            throw .invalidValue(field: element.name, message: "contains a control character XML cannot hold")
        }
        for child in element.children { try checkCharacters(child, entry: entry) }
    }

    // MARK: Decoding

    /// Reads an entry safely (no network, no entities, no DTD) and validates it against the schema first.
    public static func decode(_ bytes: [UInt8], file: String) throws(NotebookError) -> NotebookEntry {
        switch LibXML.read(bytes, schema: try schema()) {
        case .refused(let problems):
            throw .unreadableEntry(file: file, problems: problems)
        case .document(let root, let namespace):
            guard namespace == self.namespace else {
                throw .unreadableEntry(
                    file: file, problems: [XMLProblem(line: root.line, element: root.name, message: "not in namespace \(self.namespace)")])
            }
            do throws(DecodeFailure) {
                switch root.name {
                case "record": return .record(try record(from: root))
                case "amendment": return .amendment(try amendment(from: root))
                default: throw DecodeFailure(element: root, message: "unknown entry kind")
                }
            } catch {
                throw .unreadableEntry(
                    file: file, problems: [XMLProblem(line: error.element.line, element: error.element.name, message: error.message)])
            }
        }
    }

    private struct DecodeFailure: Error {
        var element: ElementNode
        var message: String
    }

    private static func required(_ element: ElementNode, _ name: String) throws(DecodeFailure) -> ElementNode {
        guard let child = element.child(name) else { throw DecodeFailure(element: element, message: "missing <\(name)>") }
        return child
    }

    private static func attribute(_ element: ElementNode, _ name: String) throws(DecodeFailure) -> String {
        guard let value = element.attribute(name) else {
            throw DecodeFailure(element: element, message: "missing attribute \(name)")
        }
        return value
    }

    private static func integer(_ element: ElementNode, _ name: String) throws(DecodeFailure) -> Int {
        guard let value = Int(try attribute(element, name).trimmingCharacters(in: .whitespaces)) else {
            throw DecodeFailure(element: element, message: "attribute \(name) is not a whole number")
        }
        return value
    }

    private static func time(_ text: String?, _ element: ElementNode) throws(DecodeFailure) -> Date {
        guard let text, let date = Timestamp.date(text) else {
            throw DecodeFailure(element: element, message: "'\(text ?? "")' is not a UTC time")
        }
        return date
    }

    private static func header(_ root: ElementNode) throws(DecodeFailure)
        -> (ChainLink, Date, String, SoftwareIdentity)
    {
        let chainNode = try required(root, "chain")
        let chain = ChainLink(sequence: try integer(chainNode, "sequence"), previous: chainNode.attribute("previous"))
        let createdNode = try required(root, "created")
        let softwareNode = try required(root, "software")
        return (
            chain, try time(createdNode.text, createdNode), try required(root, "operator").text ?? "",
            SoftwareIdentity(name: try attribute(softwareNode, "name"), version: try attribute(softwareNode, "version"))
        )
    }

    private static func record(from root: ElementNode) throws(DecodeFailure) -> RecordEntry {
        let (chain, created, operatorName, software) = try header(root)
        let recipe = try required(root, "recipe")
        let textNode = try required(recipe, "text")
        var reagents: [PlannedReagent] = []
        for node in try required(recipe, "reagents").children("reagent") {
            reagents.append(PlannedReagent(
                id: try attribute(node, "id"), name: try required(node, "name").text ?? "",
                formula: node.child("formula")?.text, role: node.attribute("role"),
                molarMass: try amount(node.child("molarMass"), units: ["g/mol": 1]),
                massGrams: try amount(node.child("mass"), units: ["g": 1, "mg": 0.001]),
                amountMillimoles: try amount(node.child("amount"), units: ["mmol": 1, "mol": 1000]),
                volumeMillilitres: try amount(node.child("volume"), units: ["mL": 1, "L": 1000])))
        }
        var steps: [PlannedStep] = []
        for node in try required(recipe, "steps").children("step") {
            var parameters: [PlannedParameter] = []
            for parameter in node.children("parameter") {
                parameters.append(PlannedParameter(
                    name: try attribute(parameter, "name"), value: try attribute(parameter, "value"),
                    unit: parameter.attribute("unit")))
            }
            var refs: [String] = []
            for use in node.children("uses") { refs.append(try attribute(use, "reagent")) }
            steps.append(PlannedStep(
                number: try integer(node, "number"), kind: try attribute(node, "kind"),
                description: node.child("description")?.text, parameters: parameters, reagentRefs: refs))
        }
        var verdicts: [PlannedFitVerdict] = []
        for node in try required(root, "fit").children("verdict") {
            verdicts.append(PlannedFitVerdict(
                precursor: try attribute(node, "precursor"), framework: try attribute(node, "framework"),
                mode: try attribute(node, "mode"), summary: node.text ?? ""))
        }
        var diagnostics: [PlanningDiagnostic] = []
        for node in try required(root, "diagnostics").children("diagnostic") {
            guard let severity = PlanningDiagnostic.Severity(rawValue: try attribute(node, "severity")) else {
                throw DecodeFailure(element: node, message: "unknown severity")
            }
            diagnostics.append(PlanningDiagnostic(
                severity: severity, ruleID: try attribute(node, "rule"), message: node.text ?? "",
                file: node.attribute("file"), line: node.attribute("line").flatMap { Int($0) },
                column: node.attribute("column").flatMap { Int($0) }))
        }
        let plan = PlannedRecord(
            recipeID: try attribute(recipe, "id"), title: try required(recipe, "title").text ?? "",
            route: recipe.attribute("route"), host: recipe.attribute("host"), recipeFileName: recipe.child("file")?.text,
            recipeText: "", reagents: reagents, steps: steps, diagnostics: diagnostics, fitVerdicts: verdicts)
        return RecordEntry(
            id: try attribute(root, "id"), chain: chain, created: created, operatorName: operatorName, software: software,
            plan: PlannedRecord(read: textNode.text ?? "", sha256: try attribute(textNode, "sha256"), copying: plan),
            observations: try observations(try required(root, "observations")),
            audit: try auditTrail(try required(root, "audit")))
    }

    private static func amendment(from root: ElementNode) throws(DecodeFailure) -> AmendmentEntry {
        let (chain, created, operatorName, software) = try header(root)
        var signature: EntrySignature?
        if let node = root.child("signature") {
            guard let meaning = EntrySignature.Meaning(rawValue: try attribute(node, "meaning")) else {
                throw DecodeFailure(element: node, message: "unknown meaning")
            }
            signature = EntrySignature(
                meaning: meaning, signer: try attribute(node, "signer"), publicKey: try attribute(node, "publicKey"),
                content: try attribute(node, "content"), head: try attribute(node, "head"),
                headSHA256: try attribute(node, "headSHA256"), value: try attribute(node, "value"))
        }
        return AmendmentEntry(
            id: try attribute(root, "id"), recordID: try attribute(root, "record"), chain: chain, created: created,
            operatorName: operatorName, software: software,
            observations: try observations(try required(root, "observations")),
            audit: try auditTrail(try required(root, "audit")), results: root.child("results").map(RunResults.init(element:)),
            signature: signature)
    }

    private static func amount(_ node: ElementNode?, units: [String: Double]) throws(DecodeFailure) -> Double? {
        guard let node else { return nil }
        guard let factor = units[try attribute(node, "unit")],
            let value = Double((node.text ?? "").trimmingCharacters(in: .whitespaces))
        else { throw DecodeFailure(element: node, message: "not a quantity") }
        return value * factor
    }

    private static func observations(_ node: ElementNode) throws(DecodeFailure) -> [StepObservation] {
        var result: [StepObservation] = []
        for step in node.children("step") {
            guard let status = StepStatus(rawValue: try attribute(step, "status")) else {
                throw DecodeFailure(element: step, message: "unknown status")
            }
            var quantities: [ObservedQuantity] = []
            for quantity in step.children("quantity") {
                guard let kind = QuantityKind(rawValue: try attribute(quantity, "kind")) else {
                    throw DecodeFailure(element: quantity, message: "unknown quantity kind")
                }
                quantities.append(ObservedQuantity(
                    kind: kind, value: try attribute(quantity, "value"), unit: try attribute(quantity, "unit"),
                    reagent: quantity.attribute("reagent")))
            }
            result.append(StepObservation(
                step: try integer(step, "number"), status: status,
                started: try step.child("started").map { (node) throws(DecodeFailure) in try time(node.text, node) },
                finished: try step.child("finished").map { (node) throws(DecodeFailure) in try time(node.text, node) },
                quantities: quantities, notes: step.children("note").compactMap(\.text),
                startedOffset: step.child("started")?.attribute("offset").flatMap(BenchTime.offsetSeconds),
                finishedOffset: step.child("finished")?.attribute("offset").flatMap(BenchTime.offsetSeconds)))
        }
        return result
    }

    private static func auditTrail(_ node: ElementNode) throws(DecodeFailure) -> [AuditEntry] {
        var result: [AuditEntry] = []
        for entry in node.children("entry") {
            guard let action = AuditAction(rawValue: try attribute(entry, "action")) else {
                throw DecodeFailure(element: entry, message: "unknown action")
            }
            result.append(AuditEntry(
                time: try time(entry.attribute("time"), entry), author: try attribute(entry, "author"), action: action,
                reason: entry.child("reason")?.text))
        }
        return result
    }
}

/// Times read at the bench: `now`, a UTC time (`…Z`), a time with its offset (`2026-11-25T10:40+01:00`), or a local
/// time without one (`2026-11-25 10:40`, `10:40` for today), read in this computer's time zone; the offset is kept.
public enum BenchTime {
    /// The instant and, unless the text was UTC, the offset from UTC (seconds) of the clock it was read on.
    public static func parse(_ text: String, now: Date = Date(), timeZone: TimeZone = .current) -> (date: Date, offset: Int?)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.lowercased() == "now" {
            let date = Timestamp.wholeSeconds(now)
            return (date, timeZone.secondsFromGMT(for: date))
        }
        if trimmed.hasSuffix("Z") || trimmed.hasSuffix("z") {
            return Timestamp.date(trimmed).map { ($0, nil) }
        }
        var body = trimmed.replacingOccurrences(of: " ", with: "T")
        var offset: Int?
        // A trailing ±hh:mm (or ±hhmm) after the time.
        if let signIndex = body.lastIndex(where: { $0 == "+" || $0 == "-" }), let tIndex = body.firstIndex(of: "T") ?? (body.contains(":") ? body.startIndex : nil),
            signIndex > tIndex
        {
            let digits = body[body.index(after: signIndex)...].filter(\.isNumber)
            guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), hours <= 14, minutes < 60
            else { return nil }
            offset = (body[signIndex] == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
            body = String(body[..<signIndex])
        }
        var components = DateComponents()
        let datePart: Substring
        let timePart: Substring
        if let t = body.firstIndex(of: "T") {
            datePart = body[..<t]
            timePart = body[body.index(after: t)...]
            let ymd = datePart.split(separator: "-").map { Int($0) }
            guard ymd.count == 3, let year = ymd[0], let month = ymd[1], let day = ymd[2], datePart.count == 10 else { return nil }
            components.year = year
            components.month = month
            components.day = day
        } else {
            timePart = Substring(body)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
            let today = calendar.dateComponents([.year, .month, .day], from: now)
            components.year = today.year
            components.month = today.month
            components.day = today.day
        }
        let hms = timePart.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard hms.count == 2 || hms.count == 3, let hour = hms[0], let minute = hms[1], hour < 24, minute < 60,
            timePart.split(separator: ":").allSatisfy({ $0.count == 2 })
        else { return nil }
        let second = hms.count == 3 ? hms[2] : 0
        guard let second, second < 60 else { return nil }
        components.hour = hour
        components.minute = minute
        components.second = second
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = offset.flatMap({ TimeZone(secondsFromGMT: $0) }) ?? Optional(timeZone) else { return nil }
        calendar.timeZone = zone
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date).day == components.day
        else { return nil }
        return (date, offset ?? zone.secondsFromGMT(for: date))
    }

    /// `+01:00` for 3600.
    public static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", magnitude / 60, magnitude % 60)
    }

    static func offsetSeconds(_ text: String) -> Int? {
        guard text.count == 6, let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)) else { return nil }
        return (text.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// The time as read on the bench clock (`2026-11-25T10:40:00+01:00`), or UTC with a Z when no offset is known.
    public static func text(_ date: Date, offset: Int?) -> String {
        guard let offset, let zone = TimeZone(secondsFromGMT: offset) else { return Timestamp.text(date) }
        var style = Date.ISO8601FormatStyle(timeZone: zone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return style.format(date)
    }
}

/// Times in records: UTC, ISO 8601, whole seconds, with a Z.
public enum Timestamp {
    public static func text(_ date: Date) -> String {
        Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt).format(date)
    }

    public static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let date = try? Date.ISO8601FormatStyle().parse(trimmed) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed)
    }

    /// `date` without its fraction of a second, so what is written is what is read back.
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
    }
}

/// A computed amount as an xs:decimal (no exponent), six significant digits.
struct DecimalText {
    let text: String

    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 {
            text = "0"
            return
        }
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = min(12, max(0, 5 - magnitude))
        var formatted = String(format: "%.\(decimals)f", value)
        if formatted.contains(".") {
            while formatted.hasSuffix("0") { formatted.removeLast() }
            if formatted.hasSuffix(".") { formatted.removeLast() }
        }
        text = formatted
    }
}
