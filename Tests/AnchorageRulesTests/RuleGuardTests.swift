import AnchorageCore
import Foundation
import Testing

@testable import AnchorageRules

/// The rule sources, found from this file's place in the package.
let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/AnchorageRules/Rules")

func ruleSourceFiles() -> [URL] {
    let enumerator = FileManager.default.enumerator(at: rulesDirectory, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
        if url.pathExtension == "swift" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
}

/// Source text with comments and string literals (single-line and multi-line) blanked out.
func codeOnly(_ source: String) -> String {
    var output = ""
    var index = source.startIndex
    func starts(_ token: String) -> Bool { source[index...].hasPrefix(token) }
    while index < source.endIndex {
        if starts("//") {
            while index < source.endIndex, source[index] != "\n" { index = source.index(after: index) }
        } else if starts("\"\"\"") {
            index = source.index(index, offsetBy: 3)
            while index < source.endIndex, !starts("\"\"\"") { index = source.index(after: index) }
            if index < source.endIndex { index = source.index(index, offsetBy: 3) }
            output += "\"\""
        } else if source[index] == "\"" {
            index = source.index(after: index)
            while index < source.endIndex, source[index] != "\"", source[index] != "\n" {
                if source[index] == "\\" { index = source.index(after: index) }
                if index < source.endIndex { index = source.index(after: index) }
            }
            if index < source.endIndex { index = source.index(after: index) }
            output += "\"\""
        } else {
            output.append(source[index])
            index = source.index(after: index)
        }
    }
    return output
}

@Test func everyRuleTypeIsRegisteredOnce() throws {
    let declared = try ruleSourceFiles().flatMap { url -> [String] in
        let text = codeOnly(try String(contentsOf: url, encoding: .utf8))
        let pattern = #/struct\s+(\w+)\s*:\s*(?:Rule|LoaderRule)\b/#
        return text.matches(of: pattern).map { String($0.output.1) }
    }
    let registered = RuleRegistry.rules.map { String(describing: type(of: $0)) }
    #expect(!declared.isEmpty)
    for name in declared {
        #expect(
            registered.filter { $0 == name }.count == 1,
            "\(name) is declared in Rules/ but registered \(registered.filter { $0 == name }.count) times")
    }
    #expect(Set(registered).count == registered.count, "a rule is registered twice")
}

/// Thresholds live in the data files with their sources: a rule file may not carry a float literal other than 0, 1, 100.
@Test(arguments: ruleSourceFiles())
func noThresholdLiteralInRuleCode(_ file: URL) throws {
    let text = codeOnly(try String(contentsOf: file, encoding: .utf8))
    // A number token not glued to an identifier or a member access: 0.8, 1e-9, 2.5e3 (the first group eats what precedes it).
    let pattern = #/(^|[^\w.])(\d+\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+)(?![\w.])/#
    let allowed: Set<Double> = [0, 1, 100]
    for match in text.matches(of: pattern) {
        let literal = String(match.output.2)
        #expect(
            Double(literal).map(allowed.contains) == true,
            "\(file.lastPathComponent): numeric literal \(literal) belongs in a data file with its source")
    }
}

/// Rules whose sources carry no DOI, with the reason. The guard below fails both ways: a rule outside this list
/// without a DOI reference, and a rule on it that has gained one (so the list only ever shrinks).
let rulesWithoutADOISource: [String: String] = [
    // Shape of the document: properties of this format, no paper.
    "FMT-002": "what kind of document a file is: a property of this format, no paper",
    "FMT-003": "format versions: a property of this format, no paper",
    // Internal consistency of one recipe: every metal has a supplier, every volume adds up.
    "CHEM-006": "a target metal must come from some reagent: mass balance, no paper",
    "REF-003": "declared and used solvent volumes agree: consistency of the document, no paper",
    "REF-004": "a step's solvent is a liquid: consistency of the document, no paper",
    "REF-005": "the declared acid holds what the etch steps use: consistency of the document, no paper",
    "LAB-010": "tube temperature limits from a furnace maker's FAQ; no tube data sheet or paper with a DOI verified",
    // The liner limit's only source is a supplier page; no DOI-bearing text on PTFE's service limit was read.
    "LAB-003":
        "liner service temperatures from a supplier page; puts-2019-ptfe-review: DOI not seen with its title, its temperatures not read",
    // The primary papers are cited, but their DOIs were never seen printed, and no review's text on the same chemistry could be read.
    "LINK-003": "wang-2017-ru-sas-amine and kandiah2010-uio66-tagged: DOIs not seen printed with the works",
    "LINK-004": "fang-2018-pt-porphyrin-mof and feng2013-pcn224: DOIs not seen printed with the works",
]

@Test func everyRuleCitesAPaperWithADOI() throws {
    let citations = try CitationIndex.bundled()
    let ids = Set(RuleRegistry.descriptions.map(\.id))
    for id in rulesWithoutADOISource.keys {
        #expect(ids.contains(id), "\(id) is exempted from the DOI guard but is no rule")
    }
    for rule in RuleRegistry.descriptions {
        for reference in rule.references {
            #expect(citations[reference] != nil, "\(rule.id) cites '\(reference)', which is not in the citation data")
        }
        let hasDOI = rule.references.contains { citations[$0]?.doi != nil }
        if rulesWithoutADOISource[rule.id] == nil {
            #expect(hasDOI, "\(rule.id) cites no reference with a DOI")
        } else {
            #expect(!hasDOI, "\(rule.id) now cites a DOI: take it off rulesWithoutADOISource")
        }
    }
    let routeFamilies: Set<RuleFamily> = [.linkerAnchoring, .nodeExchange, .sim, .aim, .poreConfinement, .mixedMetal, .lab]
    for rule in RuleRegistry.descriptions where routeFamilies.contains(rule.family) {
        #expect(!rule.references.isEmpty, "\(rule.id) has no reference")
    }
}

@Test func everyCitationOfTheChemistryDataResolves() throws {
    let knowledge = try Knowledge.bundled()
    let ids = knowledge.chemistry.allCitations
    #expect(ids.count > 20)
    for id in Set(ids) {
        #expect(knowledge.citations[id] != nil, "chemistry.yaml cites '\(id)', which is not in the citation data")
    }
}

@Test func chemistryThresholdsCarryTheirSources() throws {
    let chemistry = try Knowledge.bundled().chemistry
    let ptfe = try #require(chemistry.threshold("lab.ptfe_liner_max_service_C"))
    #expect(ptfe.number == 240)
    #expect(ptfe.citations == ["nanografi-hydrothermal-autoclave"])
    // A bare value inside a range takes the source of its entry.
    let low = try #require(chemistry.threshold("mixed_metal_zif.pyrolysis_window_C.min"))
    #expect(low.number == 800)
    #expect(low.citations == ["review-pom-admc"])
    // An unsourced number is null and answers nil: no rule can compare against it.
    #expect(chemistry.threshold("mixed_metal_zif.zn_to_metal_min_molar_ratio") == nil)
    #expect(chemistry.threshold("lab.single_atom_max_metal_wt_pct") == nil)
    #expect(chemistry.threshold("no.such.entry") == nil)
    // `sources:` as a list, and a plain-string source.
    #expect(chemistry.threshold("mixed_metal_zif.metals_that_substitute_zn")?.citations.contains("yin-2016-co-sas") == true)
    let plain = try #require(chemistry.threshold("linker_anchoring.site_bearing_linkers"))
    #expect(plain.citations.isEmpty)
    #expect(plain.sourceNotes.first?.hasPrefix("structure of each molecule") == true)
}

@Test func dataValueDecodesTheShapesTheDataUses() throws {
    let text = """
        a: {value: 1.5, source: {citation: x, note: n}}
        b: {value: null, source: none found}
        c: [N2, Ar]
        d: true
        e: {min: 800, max: 1000, sources: [{citation: y}, {citation: z}]}
        """
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("chemistry-\(UUID().uuidString).yaml")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let chemistry = ChemistryData(root: try BundledData.decode(DataValue.self, at: file))
    #expect(chemistry.threshold("a")?.number == 1.5)
    #expect(chemistry.threshold("a")?.citations == ["x"])
    #expect(chemistry.threshold("b") == nil)
    #expect(chemistry.list("c") == ["N2", "Ar"])
    #expect(chemistry.entry("d")?.bool == true)
    #expect(chemistry.threshold("e.max")?.number == 1000)
    #expect(chemistry.threshold("e.max")?.citations == ["y", "z"])
}

/// An example shows one rule at work: the recipe around it must load cleanly, or the example tests the loader instead.
@Test func routeRuleExamplesLoadWithoutFormatErrors() throws {
    let validator = Validator(knowledge: try Knowledge.bundled())
    let families: Set<RuleFamily> = [.linkerAnchoring, .nodeExchange, .sim, .aim, .poreConfinement, .mixedMetal, .lab]
    for rule in RuleRegistry.descriptions where families.contains(rule.family) {
        for example in rule.triggering + rule.nonTriggering + rule.unknown {
            let result = validator.validate(text: example.unmarked.text, file: "example.yaml")
            let loader = result.diagnostics.filter { $0.ruleID.hasPrefix("FMT-") || $0.ruleID.hasPrefix("UNIT-") }
            #expect(loader.isEmpty, "\(rule.id) example at line \(example.line): \(loader.map(\.compilerStyle))")
        }
    }
}

/// The severity policy (docs/rules.md): every rule's severity is the one its declared basis gives; an error or a warning
/// from the chemistry rests on a work the rule cites; what only the recipe's own text can show (its format, units,
/// amounts, references) is the recipe's defect or slip, never a route rule's.
@Test(arguments: RuleRegistry.descriptions.map(\.id))
func severityFollowsItsBasis(_ id: String) throws {
    let rule = try #require(RuleRegistry.description(for: id))
    let citations = try CitationIndex.bundled()
    #expect(
        rule.severity == rule.basis.severity,
        "\(id) is \(rule.severity.rawValue) but its basis (\(rule.basis.label)) gives \(rule.basis.severity.rawValue)")
    let recipeFamilies: Set<RuleFamily> = [.format, .units, .chemistry, .references]
    switch rule.basis {
    case .ruledOut(let citation), .publishedRisk(let citation):
        #expect(rule.references.contains(citation), "\(id) rests on '\(citation)', which it does not cite")
        #expect(citations[citation] != nil, "\(id) rests on '\(citation)', which is not in the citation data")
        #expect(
            !recipeFamilies.contains(rule.family) || rule.family == .chemistry,
            "\(id): a \(rule.family.rawValue) rule judges the recipe's text, not the chemistry")
    case .recipeDefect, .writingSlip:
        #expect(
            recipeFamilies.contains(rule.family),
            "\(id): a route or lab rule is an error or warning only on what the chemistry or a published risk says")
    case .information, .missingData:
        break
    }
}

/// A check that could not run is never counted as a fault: only a rule whose basis is missing data is unknown, and a rule
/// that found a fault where a datum is missing would show it in its unknown examples (RuleExampleTests).
@Test func unknownIsOnlyForMissingData() {
    for rule in RuleRegistry.descriptions {
        #expect((rule.severity == .unknown) == (rule.basis == .missingData), "\(rule.id)")
        if rule.severity == .unknown {
            #expect(rule.nonTriggering.count + rule.triggering.count > 1, "\(rule.id) shows both a datum missing and on record")
        }
    }
}
