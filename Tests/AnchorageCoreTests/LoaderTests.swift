import Foundation
import Testing

@testable import AnchorageCore

let wellFormed = """
    anchorage: 1
    id: fe
    title: Fe in ZIF-8
    target: {metals: [Fe], site: single-atom}
    route: pore-confinement
    host: ZIF-8
    reagents:
      zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g}
      meoh: {name: methanol, role: solvent}
    steps:
      - dissolve: [zn]
        in: {meoh: 30 mL}
      - pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}

    """

func decode(_ text: String) -> (Recipe?, [Diagnostic]) {
    var decoder = RecipeDecoder(file: "r.yaml")
    let recipe = decoder.decode(text: text)
    return (recipe, decoder.diagnostics)
}

@Test func valuesKeepTheirLocationsThroughDecoding() throws {
    let (recipe, diagnostics) = decode(wellFormed)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.compilerStyle))")
    let r = try #require(recipe)
    #expect(r.id.location == SourceLocation(file: "r.yaml", line: 2, column: 5))
    #expect(r.route.value == .poreConfinement)
    let zn = try #require(r.reagent("zn"))
    #expect(zn.id.location.line == 8 && zn.id.location.column == 3)
    #expect(zn.mass?.location == SourceLocation(file: "r.yaml", line: 8, column: 70))
    #expect(r.steps.count == 2)
    #expect(r.steps[0].kind.location == SourceLocation(file: "r.yaml", line: 11, column: 5))
    let meohVolume = try #require(r.steps[0].solventVolumes(.`in`).first)
    #expect(meohVolume.volume.location == SourceLocation(file: "r.yaml", line: 12, column: 16))
    #expect(r.steps[1].quantity(.temperature)?.value.canonicalValue == 900)
    #expect(r.steps[1].quantity(.temperature)?.location.column == 29)
}

@Test func quotedScalarsPointInsideTheQuotes() throws {
    let (recipe, _) = decode(wellFormed.replacingOccurrences(of: "mass: 1.69 g", with: "mass: \"1.69 g\""))
    #expect(recipe?.reagent("zn")?.mass?.location.column == 71)
}

@Test func duplicateKeyIsReportedAtTheSecondOccurrence() {
    let (_, diagnostics) = decode("anchorage: 1\nid: a\ntitle: t\nid: b\n")
    let duplicate = diagnostics.first { $0.ruleID == "FMT-007" }
    #expect(duplicate?.location.line == 4)
    #expect(duplicate?.notes.first?.location?.line == 2)
}

@Test func unknownKeySuggestsTheIntendedOne() {
    let (_, diagnostics) = decode(wellFormed.replacingOccurrences(of: "title:", with: "titel:"))
    let unknown = diagnostics.first { $0.ruleID == "FMT-004" }
    #expect(unknown?.location == SourceLocation(file: "r.yaml", line: 3, column: 1))
    #expect(unknown?.notes.first?.message == "did you mean 'title'?")
}

@Test func newerFormatVersionStopsReading() {
    let (recipe, diagnostics) = decode(wellFormed.replacingOccurrences(of: "anchorage: 1", with: "anchorage: 7"))
    #expect(recipe == nil)
    #expect(diagnostics.map(\.ruleID) == ["FMT-003"])
}

@Test(arguments: [
    "<?xml version=\"1.0\"?><record/>",
    "{\"$schema\": \"x\", \"type\": \"object\", \"properties\": {}}",
    "",
    "just a sentence",
    "- a\n- b\n",
])
func otherDocumentsAreNotRecipes(_ text: String) {
    let (recipe, diagnostics) = decode(text)
    #expect(recipe == nil)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.ruleID == "FMT-002")
}

@Test func aliasBombIsRefusedQuickly() {
    var text = "anchorage: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        previous = name
    }
    let start = Date()
    let (recipe, diagnostics) = decode(text)
    #expect(recipe == nil)
    #expect(diagnostics.contains { $0.ruleID == "FMT-009" })
    #expect(Date().timeIntervalSince(start) < 5)
}

@Test func syntaxErrorsAreLocated() {
    let (_, tab) = decode("anchorage: 1\nid: x\n\ttitle: y\n")
    #expect(tab.first?.ruleID == "FMT-001")
    #expect(tab.first?.location.line == 3)
    let (_, quote) = decode("anchorage: 1\nid: \"x\ntitle: y\n")
    #expect(quote.first?.ruleID == "FMT-001")
}

@Test func stepWithTwoOperationsOrNoneIsAnError() {
    let (_, two) = decode(wellFormed.replacingOccurrences(of: "  - dissolve: [zn]\n", with: "  - dissolve: [zn]\n    stir: {time: 1 h}\n"))
    #expect(two.contains { $0.ruleID == "FMT-006" && $0.location.line == 12 })
    let (_, none) = decode(wellFormed.replacingOccurrences(of: "  - dissolve: [zn]\n", with: "  - disolve: [zn]\n"))
    let finding = none.first { $0.ruleID == "FMT-004" }
    #expect(finding?.notes.first?.message == "did you mean 'dissolve'?")
}

@Test func oversizedFileIsRefusedUnread() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-large-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    let line = String(repeating: "# padding line of a file far too large to be a recipe\n", count: 60_000)
    try Data(line.utf8).write(to: url)
    #expect(throws: RecipeFileError.self) { try RecipeDecoder.load(path: url.path) }
    #expect(throws: RecipeFileError.self) { try RecipeDecoder.load(path: "/nonexistent/recipe.yaml") }
}

@Test("gases as papers name them read as the format's spelling", arguments: [
    ("nitrogen", "N2"), ("Argon", "Ar"), ("Ar/H2", "H2/Ar"), ("N2/H2", "H2/N2"), ("ammonia", "NH3"),
])
func gasSpellings(written: String, read: String) throws {
    let (recipe, diagnostics) = decode(wellFormed.replacingOccurrences(of: "atmosphere: N2", with: "atmosphere: \(written)"))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(recipe?.steps.last?.text(.atmosphere)?.value == read)
}

@Test func aGasContentWrittenIntoTheMixtureIsSentToItsOwnParameter() {
    let (_, diagnostics) = decode(wellFormed.replacingOccurrences(of: "atmosphere: N2", with: "atmosphere: 10% H2/Ar"))
    let refused = diagnostics.first { $0.ruleID == "FMT-008" }
    #expect(refused?.notes.first?.message == "write the mixture as 'H2/Ar' and its H2 content apart, as `h2: 10 %`")
}
