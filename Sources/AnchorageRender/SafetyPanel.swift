import AnchorageCore
import Foundation

/// The chemical half of the safety panel: every reagent's hazard statements gathered into the groups of
/// `ghs-safety.yaml`, each group with its controls, and the caveat for reagents whose classification is not checked.
extension ProtocolBuilder {
    struct ChemicalHazards {
        var groups: [ProtocolDocument.HazardGroup] = []
        var other: [ProtocolDocument.GroupStatement] = []
        var caveat: String?
        var signalWord: String?
        var pictograms: [ProtocolDocument.Pictogram] = []
        var sources: [String] = []
        var legend: [String] = []
    }

    func chemicalHazards(_ resolved: ResolvedRecipe) -> ChemicalHazards {
        var result = ChemicalHazards()
        let reagents = resolved.reagents
        // The caveat, once: reagents with no classification, and those whose classification was not checked.
        let notInCatalog = reagents.filter { $0.chemical == nil }.map(\.displayName)
        let noneRecorded = reagents.filter { $0.chemical != nil && $0.chemical?.hazards == nil }.map(
            \.displayName)
        let unchecked = reagents.filter {
            $0.chemical?.hazards != nil && $0.chemical?.hazardsVerified == false
        }.map(\.displayName)
        var caveats: [String] = []
        if !unchecked.isEmpty {
            caveats.append(
                "Classification of \(Self.list(unchecked)) as recorded in the catalog, not checked against a published classification: confirm on the supplier's SDS."
            )
        }
        if !noneRecorded.isEmpty {
            caveats.append(
                "No hazard statements recorded for \(Self.list(noneRecorded)): read the supplier's SDS before use."
            )
        }
        if !notInCatalog.isEmpty {
            caveats.append(
                "Not in the catalog: \(Self.list(notInCatalog)); read the supplier's SDS before use.")
        }
        result.caveat = caveats.isEmpty ? nil : caveats.joined(separator: " ")

        guard let safety = knowledge.safety else { return result }
        let allCodes = reagents.flatMap(\.hazards)
        result.signalWord = safety.signalWord(of: allCodes)
        result.pictograms = safety.pictograms(for: allCodes).map {
            .init(id: $0, name: safety.pictograms[$0]?.name ?? $0)
        }

        func statements(_ codes: [String]) -> [ProtocolDocument.GroupStatement] {
            var order: [String] = []
            for reagent in reagents {
                for code in reagent.hazards where codes.contains(code) && !order.contains(code) {
                    order.append(code)
                }
            }
            return order.map { code in
                let names = reagents.filter { $0.hazards.contains(code) }.map(\.displayName)
                return .init(
                    code: code, statement: knowledge.hazardStatements[code], reagents: Self.list(names))
            }
        }
        var grouped = Set<String>()
        for group in safety.groups {
            let codes = Set(allCodes.filter(group.takes))
            guard !codes.isEmpty else { continue }
            grouped.formUnion(codes)
            let members = reagents.filter { !Set($0.hazards).isDisjoint(with: codes) }
            let controls: [ProtocolDocument.Control] = [
                .init(label: "Where", text: group.hood), .init(label: "Gloves", text: group.gloves),
                .init(label: "Eyes", text: group.eyes),
                .init(label: "Respirator", text: group.respirator),
                .init(label: "Waste", text: group.waste),
            ].filter { $0.text != "—" }
            for reference in group.source?.references ?? [] {
                if let id = reference.citation, let citation = citations[id],
                    !result.sources.contains(citation.formatted)
                {
                    result.sources.append(citation.formatted)
                }
            }
            var entry = ProtocolDocument.HazardGroup(
                id: group.id, title: group.title, short: group.short ?? group.title.lowercased(),
                named: group.named ?? false,
                signalWord: safety.signalWord(of: Array(codes)),
                pictograms: safety.pictograms(for: Array(codes)).map {
                    .init(id: $0, name: safety.pictograms[$0]?.name ?? $0)
                },
                reagents: Self.list(members.map(\.displayName)),
                statements: statements(Array(codes)),
                controls: controls,
                precautionary: group.precautionary.joined(separator: " "),
                // The short names only: what each source says is in ghs-safety.yaml, the full references once below.
                source: (group.source?.references ?? []).compactMap { reference in
                    reference.citation.map { safety.sourceNames?[$0] ?? $0 }
                }.joined(separator: "; "))
            entry.hasPrecautionary = !group.precautionary.isEmpty
            for code in group.precautionary {
                let line = safety.precautionaryStatements[code].map { "\(code) \($0)" } ?? code
                if !result.legend.contains(line) { result.legend.append(line) }
            }
            result.groups.append(entry)
        }
        result.other = statements(allCodes.filter { !grouped.contains($0) })
        return result
    }

    /// The groups' controls gathered by kind (where, gloves, eyes, respirator, waste): an instruction two groups share
    /// is printed once, with both groups named.
    static func controlRows(_ groups: [ProtocolDocument.HazardGroup]) -> [ProtocolDocument.ControlRow] {
        var labels: [String] = []
        for group in groups {
            for control in group.controls where !labels.contains(control.label) {
                labels.append(control.label)
            }
        }
        return labels.map { label in
            var entries: [(groups: [String], text: String)] = []
            for group in groups {
                for control in group.controls where control.label == label {
                    if let index = entries.firstIndex(where: { $0.text == control.text }) {
                        entries[index].groups.append(group.short)
                    } else {
                        entries.append(([group.short], control.text))
                    }
                }
            }
            return .init(
                label: label, entries: entries.map { .init(groups: list($0.groups), text: $0.text) })
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ names: [String]) -> String {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        guard unique.count > 1 else { return unique.first ?? "" }
        return unique.dropLast().joined(separator: ", ") + " and " + unique[unique.count - 1]
    }

    /// A source reference as one line: the citation formatted (the review by its short name) and where in it.
    func cited(_ source: SourceReference) -> String {
        let cited = source.citation.map { id in
            id == "review-pom-admc" ? "review" : (citations[id]?.formatted ?? id)
        }
        return [cited, source.note].compactMap { $0 }.joined(separator: ", ")
    }

    /// A source reference in a table cell: first author and year, or the DOI or address, and where in it.
    func citedShort(_ source: SourceReference) -> String {
        let cited = source.citation.map { id -> String in
            guard id != "review-pom-admc", let citation = citations[id] else {
                return id == "review-pom-admc" ? "review" : id
            }
            let author = citation.authors.map { $0.split(separator: ";").first.map(String.init) ?? $0 }
            let name = [author, citation.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            let locator = citation.doi.map { "doi:\($0)" } ?? citation.url
            return [name.isEmpty ? citation.title : name, locator].compactMap { $0 }.joined(
                separator: ", ")
        }
        return [cited, source.note].compactMap { $0 }.joined(separator: ": ")
    }

    /// The runs of a formula with the atom counts apart: a number right after an element symbol, a closing bracket
    /// or an abbreviation is a subscript; one at the start or after a '·' (waters of hydration) is not.
    static func formulaParts(_ formula: String) -> [ProtocolDocument.FormulaPart] {
        var parts: [ProtocolDocument.FormulaPart] = []
        var previous: Character?
        var inSubscript = false
        for character in formula {
            let isDigit = character.isASCII && character.isNumber
            let sub =
                isDigit
                && (inSubscript || (previous.map { $0.isLetter || $0 == ")" || $0 == "]" } ?? false))
            inSubscript = sub
            if let last = parts.last, last.sub == sub {
                parts[parts.count - 1].text.append(character)
            } else {
                parts.append(.init(text: String(character), sub: sub))
            }
            previous = character
        }
        return parts
    }

    /// A text as the body of a CSS string: letters, digits and spaces as they are, every other character as a CSS
    /// escape (`\HHHHHH `), so that nothing in it can end the string or the style sheet.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) || scalar == " " {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(format: "%06X", scalar.value) + " "
            }
        }
        return out
    }
}

extension ProtocolBuilder {
    /// The first page's answers: what is made, how much goes in, how long it takes, how dangerous it is.
    func glance(_ document: ProtocolDocument, resolved: ResolvedRecipe, limiting: ResolvedReagent?)
        -> ProtocolDocument.Glance
    {
        let solids = resolved.reagents.filter { !$0.isSolventLike && $0.milliliters == nil }.compactMap(
            \.grams
        ).reduce(0, +)
        let liquids = resolved.reagents.compactMap(\.milliliters).reduce(0, +)
        var much: [String] = []
        if solids > 0 { much.append("\(QuantityFormat.mass(grams: solids)) of solids") }
        if liquids > 0 { much.append("\(QuantityFormat.volume(milliliters: liquids)) of liquids") }
        var howMuch =
            much.isEmpty ? "amounts as in the reagent table" : much.joined(separator: " and ") + " in all"
        if let limiting, let moles = limiting.moles {
            howMuch +=
                "; the batch is set by \(limiting.displayName), \(QuantityFormat.amount(moles: moles))"
        }
        var howLong = "\(document.totalTime) of timed steps"
        let handsOn = document.timeline.filter { $0.end == "when done" }.count
        if handsOn > 0 { howLong += " plus \(handsOn) hands-on step\(handsOn == 1 ? "" : "s")" }
        if let overnight = document.overnightSummary { howLong += "; can run overnight: \(overnight)" }
        var dangers = document.hazardGroups.filter(\.named).map { "\($0.short): \($0.reagents)" }
        let others =
            document.hazardGroups.filter { !$0.named }.map(\.short)
            + document.safety.map { $0.title.lowercased() }
        if !others.isEmpty {
            dangers.append((dangers.isEmpty ? "" : "also ") + others.joined(separator: ", "))
        }
        var howDangerous =
            (document.signalWord.map { "\($0). " } ?? "")
            + (dangers.isEmpty ? "no classified hazard recorded" : dangers.joined(separator: "; "))
        if document.hazardCaveat != nil {
            howDangerous += " (some classifications unchecked: see Safety)"
        }
        return .init(
            what: document.product, howMuch: howMuch, howLong: howLong, howDangerous: howDangerous)
    }
}
