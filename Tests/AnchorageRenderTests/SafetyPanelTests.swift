import AnchorageCore
import AnchorageRules
import Foundation
import Testing

@testable import AnchorageRender

/// The chemical safety panel, the caveat, the characterisation plan and the small pieces of print layout.
struct SafetyPanelTests {
    /// The hazard statements of the classes a safety officer asks about first (issue list: CMR with their letters,
    /// acute toxicity categories 1-3, sensitisers, pyrophorics, water-reactives), written here independently of
    /// `ghs-safety.yaml`, by the group title the panel must print them under.
    static let mustShow: [(title: String, codes: [String])] = [
        (
            "Carcinogenic, mutagenic or toxic to reproduction",
            [
                "H340", "H341", "H350", "H350i", "H351", "H360", "H360D", "H360F", "H360FD", "H360Fd",
                "H360Df", "H361", "H361d", "H361f", "H361fd",
            ]
        ),
        ("Acutely toxic (category 1 to 3)", ["H300", "H301", "H310", "H311", "H330", "H331"]),
        ("Respiratory or skin sensitiser", ["H317", "H334"]),
        ("Pyrophoric (catches fire in air)", ["H250"]),
        ("Reacts with water, releasing flammable gas", ["H260", "H261", "EUH014", "H014"]),
    ]

    /// The SAFETY section of the text protocol, split into its paragraphs (groups are separated by blank lines).
    static func safetyBlocks(_ text: String) throws -> [String] {
        let start = try #require(text.range(of: "\nSAFETY\n"))
        let end = try #require(text.range(of: "\nPROCEDURE\n"))
        return String(text[start.upperBound..<end.lowerBound]).components(separatedBy: "\n\n")
    }

    @Test(
        "every reagent in a CMR, acutely toxic, sensitiser, pyrophoric or water-reactive class is in the safety panel with its controls",
        arguments: ProtocolFixture.recipeNames)
    func everyDangerousReagentShown(recipe name: String) throws {
        let document = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText(name), file: "recipes/\(name)")
        let text = try ProtocolRenderer().render(document, as: .text)
        let blocks = try Self.safetyBlocks(text)
        let controls = blocks.first { $0.contains("Controls for these reagents") } ?? ""
        for reagent in document.reagents {
            let codes = reagent.hazards.map(\.code)
            for (title, classCodes) in Self.mustShow where !Set(codes).isDisjoint(with: classCodes) {
                let block = try #require(
                    blocks.first { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix(title) },
                    "\(name): no '\(title)' group for \(reagent.name)")
                #expect(block.contains(reagent.name), "\(name): \(reagent.name) missing from '\(title)'")
                for code in codes where classCodes.contains(code) {
                    #expect(
                        block.contains(code), "\(name): \(code) of \(reagent.name) missing from '\(title)'")
                }
                for label in ["Where:", "Gloves:", "Eyes:", "Waste:"] {
                    #expect(controls.contains(label), "\(name): no '\(label)' control")
                }
            }
        }
    }

    @Test(
        "each hazard code is printed once, and the unchecked-classification caveat once",
        arguments: ProtocolFixture.recipeNames)
    func codesOnce(recipe name: String) throws {
        let document = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText(name), file: "recipes/\(name)")
        let text = try ProtocolRenderer().render(document, as: .text)
        for code in Set(document.reagents.flatMap { $0.hazards.map(\.code) }) {
            let count = text.matches(of: try Regex("\\b\(code)\\b(?![0-9A-Za-z])")).count
            #expect(count == 1, "\(name): \(code) printed \(count) times")
        }
        #expect(
            text.components(separatedBy: "not checked against a published classification").count - 1 <= 1)
        if let caveat = document.hazardCaveat { #expect(text.contains(caveat)) }
    }

    @Test(
        "pictograms follow CLP Article 26: no exclamation mark beside the skull, nor for irritation beside corrosion"
    )
    func pictogramPrecedence() throws {
        let safety = try SafetyKnowledge.bundled()
        #expect(safety.pictograms(for: ["H301", "H302", "H315"]) == ["GHS06"])
        #expect(safety.pictograms(for: ["H314", "H315", "H319"]) == ["GHS05"])
        #expect(safety.pictograms(for: ["H314", "H335"]) == ["GHS05", "GHS07"])
        #expect(safety.pictograms(for: ["H225", "H319", "H336"]) == ["GHS02", "GHS07"])
        #expect(safety.pictograms(for: ["H317", "H334"]) == ["GHS08"])
        #expect(safety.signalWord(of: ["H302", "H350i"]) == "Danger")
        #expect(safety.signalWord(of: ["H302", "H319"]) == "Warning")
        #expect(safety.signalWord(of: ["H411"]) == nil)
    }

    @Test(
        "every group of ghs-safety.yaml has its controls, and every precautionary statement it names is worded"
    )
    func groupsComplete() throws {
        let safety = try SafetyKnowledge.bundled()
        let citations = try CitationIndex.bundled()
        #expect(safety.groups.count >= 9)
        for group in safety.groups {
            #expect(!group.codes.isEmpty && !group.waste.isEmpty, "\(group.id)")
            for code in group.precautionary {
                #expect(safety.precautionaryStatements[code] != nil, "\(group.id): \(code) has no wording")
            }
            let references = group.source?.references ?? []
            #expect(!references.isEmpty, "\(group.id) has no source")
            for reference in references {
                #expect(
                    reference.citation.map { citations[$0] != nil } ?? false, "\(group.id): unknown citation")
            }
        }
    }

    @Test("formulas are split into subscripts for HTML; text keeps them ASCII")
    func formulaSubscripts() throws {
        let parts = ProtocolBuilder.formulaParts("Zn(NO3)2·6H2O")
        #expect(parts.map(\.text) == ["Zn(NO", "3", ")", "2", "·6H", "2", "O"])
        #expect(parts.map(\.sub) == [false, true, false, true, false, true, false])
        #expect(ProtocolBuilder.formulaParts("Fe(acac)3").last.map { $0.sub && $0.text == "3" } == true)
        let html = try ProtocolFixture.render(recipe: "co-sas-nc-zn-co-zif-900.yaml", as: .html)
        #expect(html.contains("C<sub>4</sub>H<sub>6</sub>N<sub>2</sub>"))
        let text = try ProtocolFixture.render(recipe: "co-sas-nc-zn-co-zif-900.yaml", as: .text)
        #expect(text.contains("formula C4H6N2") && !text.contains("<sub>"))
    }

    @Test("the running header is a CSS string that nothing in a title can end")
    func runningHeaderEscaped() {
        let css = ProtocolBuilder.cssString("a \"b\" </style> \\ é")
        #expect(!css.contains("\"") && !css.contains("<") && !css.contains("'"))
        #expect(css.hasPrefix("a \\000022 b\\000022 "))
    }

    @Test(
        "Pt, Ir and Au are measured at the L3 edge, the 3d metals at the K edge; every protocol plans ICP-OES or AAS with the theoretical loading",
        arguments: ProtocolFixture.recipeNames)
    func characterisationPlan(recipe name: String) throws {
        let document = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText(name), file: "recipes/\(name)")
        let metals = try #require(
            Validator(knowledge: try Knowledge.bundled()).validate(
                text: try ProtocolFixture.recipeText(name), file: name
            ).recipe
        ).target.metals.map(\.value)
        let techniques = document.checks.map(\.technique)
        for metal in metals {
            if ["Pt", "Ir", "Au"].contains(metal) {
                #expect(
                    techniques.contains { $0.contains("\(metal) L3 edge") }, "\(name): no \(metal) L3 edge")
                #expect(!techniques.contains { $0.contains("\(metal) K edge") })
            }
            if ["Fe", "Co", "Ni", "Cu", "Zn"].contains(metal) {
                #expect(
                    techniques.contains { $0.contains("\(metal) K edge") }, "\(name): no \(metal) K edge")
            }
            #expect(
                !techniques.contains { $0.contains("no edge for") },
                "\(name): an edge is missing from characterisation.yaml")
        }
        let loading = try #require(
            document.checks.first { $0.technique.hasPrefix("ICP-OES or AAS") }, "\(name): no ICP-OES/AAS")
        for metal in metals {
            #expect(
                loading.lookFor.contains("theoretical \(metal)"), "\(name): no theoretical \(metal) loading"
            )
        }
        let recipeText = try ProtocolFixture.recipeText(name)
        if recipeText.contains("- ald:") {
            #expect(document.checks.contains { $0.lookFor.contains("ALD cycles") })
        }
    }

    @Test("a pyrolysed zinc framework plans a residual Zn measurement; a Zn target does not")
    func residualZinc() throws {
        let co = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText("co-sas-nc-zn-co-zif-900.yaml"), file: "co")
        #expect(co.checks.contains { $0.lookFor.contains("residual Zn") })
        let zn = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText("zn-nc-zif8-800.yaml"), file: "zn")
        #expect(!zn.checks.contains { $0.lookFor.contains("residual Zn") })
        let pt = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText("pt1-pcn224-porphyrin.yaml"), file: "pt")
        #expect(!pt.checks.contains { $0.lookFor.contains("residual Zn") })
    }

    @Test("hands-on steps say so instead of '0 min -> 0 min'", arguments: ProtocolFixture.recipeNames)
    func handsOnTimes(recipe name: String) throws {
        let text = try ProtocolFixture.render(recipe: name, as: .text)
        #expect(!text.contains("0 min -> 0 min"))
        #expect(!text.contains("takes hands-on;"))
    }

    @Test("the checker's findings are in an appendix after the bench sheet")
    func findingsInAppendix() throws {
        let text = try ProtocolFixture.render(recipe: "co-sas-nc-zn-co-zif-900.yaml", as: .text)
        let appendix = try #require(text.range(of: "APPENDIX: FINDINGS OF THE CHECKER"))
        let finding = try #require(text.range(of: "note[MIX-005]"))
        #expect(finding.lowerBound > appendix.lowerBound)
        #expect(text.range(of: "CHARACTERISATION PLAN")!.lowerBound < appendix.lowerBound)
    }

    @Test("a lab catalog's own classification is grouped like a shipped one and taken as the lab's word")
    func labClassification() throws {
        let knowledge = try Knowledge.bundled()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-lab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lab.yaml")
        try Data("""
            chemicals:
              - id: zinc-nitrate-hexahydrate
                name: "zinc nitrate hexahydrate"
                formula: "Zn(NO3)2·6H2O"
                cas: "10196-18-6"
                class: metal-salt
                metal: Zn
                hazards: [H272, H302, H350, H410]
            """.utf8).write(to: file)
        var catalog = knowledge.chemicals
        try catalog.addFile(at: file)
        let text = try ProtocolFixture.recipeText("co-sas-nc-zn-co-zif-900.yaml")
        let recipe = try #require(Validator(knowledge: knowledge).validate(text: text, file: "r.yaml").recipe)
        let builder = ProtocolBuilder(
            knowledge: try ProtocolKnowledge.bundled(), catalog: catalog, elements: knowledge.elements, citations: knowledge.citations)
        let settings = ProtocolSettings(scale: 1, paper: .a4, file: "r.yaml", sha256: "", date: "2026-01-01", version: "test")
        let document = builder.build(
            recipe: recipe, diagnostics: [], settings: settings, course: knowledge.courseKnowledge(for: recipe))
        let cmr = try #require(document.hazardGroups.first { $0.id == "cmr" })
        #expect(cmr.statements.contains { $0.code == "H350" && $0.reagents.contains("zinc nitrate hexahydrate") })
        #expect(!(document.hazardCaveat ?? "").contains("zinc nitrate hexahydrate"))
    }
}
