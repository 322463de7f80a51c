import Foundation
import Testing
import Yams

@testable import AnchorageCore

struct PublishedMolarMass: Decodable, Sendable, CustomTestStringConvertible {
    var formula: String
    var molar_mass: Double
    var source: String
    var testDescription: String { formula }
}

func publishedMolarMasses() -> [PublishedMolarMass] {
    guard let url = Bundle.module.url(forResource: "molar-masses", withExtension: "yaml", subdirectory: "Fixtures"),
          let text = try? String(contentsOf: url, encoding: .utf8),
          let list = try? YAMLDecoder().decode([PublishedMolarMass].self, from: text)
    else { return [] }
    return list
}

@Test func atLeastTwentyPublishedMolarMasses() {
    #expect(publishedMolarMasses().count >= 20)
}

@Test(arguments: publishedMolarMasses())
func molarMassMatchesPublished(_ entry: PublishedMolarMass) throws {
    let table = try PeriodicTable.bundled()
    let computed = try ChemicalFormula(parsing: entry.formula).molarMass(in: table)
    #expect(abs(computed - entry.molar_mass) <= 0.01, "\(entry.formula): computed \(computed), published \(entry.molar_mass) (\(entry.source))")
}

@Test(arguments: ["Zn(NO3)2·6H2O", "Zn(NO3)2.6H2O", "Zn(NO3)2*6H2O", "Zn(NO3)2•6H2O"])
func hydrateSeparatorsAgree(_ text: String) throws {
    let formula = try ChemicalFormula(parsing: text)
    #expect(formula.composition == ["Zn": 1, "N": 2, "O": 12, "H": 12])
}

@Test func nestedBracketsChargesAndAbbreviations() throws {
    #expect(try ChemicalFormula(parsing: "[Pt(NH3)4](NO3)2").composition == ["Pt": 1, "N": 6, "H": 12, "O": 6])
    #expect(try ChemicalFormula(parsing: "[Fe(CN)6]3-").charge == -3)
    #expect(try ChemicalFormula(parsing: "Fe(acac)3").composition == ["Fe": 1, "C": 15, "H": 21, "O": 6])
    #expect(try ChemicalFormula(parsing: "Pd(OAc)2").composition == ["Pd": 1, "C": 4, "H": 6, "O": 4])
    #expect(try ChemicalFormula(parsing: "Zn(mim)2").composition == ["Zn": 1, "C": 8, "H": 10, "N": 4])
    #expect(try ChemicalFormula(parsing: "FePc").metalSymbols == ["Fe"])
    #expect(try ChemicalFormula(parsing: "FeCp2").composition == ["Fe": 1, "C": 10, "H": 10])
    #expect(try ChemicalFormula(parsing: "CuCl2·2H2O").metalSymbols == ["Cu"])
    #expect(try ChemicalFormula(parsing: "RuCl3·0.5H2O").count(of: "H") == 1)
}

struct BadFormula: Sendable, CustomTestStringConvertible {
    var text: String
    var offset: Int
    var fragment: String
    var testDescription: String { text }
}

@Test(arguments: [
    BadFormula(text: "Fa(acac)3", offset: 0, fragment: "unknown element 'Fa'"),
    BadFormula(text: "Zn(NO3", offset: 6, fragment: "missing ')'"),
    BadFormula(text: "RuCl3·xH2O", offset: 6, fragment: "not a number"),
    BadFormula(text: "ZnNO3)2", offset: 5, fragment: "closes nothing"),
    BadFormula(text: "", offset: 0, fragment: "empty"),
    BadFormula(text: "Qq2", offset: 0, fragment: "unknown element"),
])
func formulaErrorsAreLocated(_ c: BadFormula) {
    do {
        _ = try ChemicalFormula(parsing: c.text)
        Issue.record("'\(c.text)' was accepted")
    } catch let error as FormulaError {
        #expect(error.offset == c.offset)
        #expect(error.message.contains(c.fragment), "\(error.message)")
    } catch {
        Issue.record("unexpected error \(error)")
    }
}
