import Foundation
import Testing

@testable import AnchorageCore

/// The checked conversion, the quantity ranges, the formula limits and the bounded quoting that keep any input from
/// trapping or running away.
@Suite struct InputLimitTests {
    @Test("the checked conversion saturates where Int(_:) would trap", arguments: [
        (Double.nan, 0), (.infinity, Int.max), (-.infinity, Int.min), (1e300, Int.max), (-1e300, Int.min),
        (9.3e18, Int.max), (2.7, 2), (-2.7, -2),
    ])
    func saturating(value: Double, expected: Int) {
        #expect(Int(saturating: value) == expected)
    }

    @Test func checkedIsNilOutsideInt() {
        #expect(Int(checked: .nan) == nil)
        #expect(Int(checked: 9_223_372_036_854_775_808.0) == nil)
        #expect(Int(checked: 9_223_372_036_854_774_784.0) == 9_223_372_036_854_774_784)
        #expect(Int(checked: 2.5, rounding: .toNearestOrAwayFromZero) == 3)
        #expect(Int32(saturating: 1e12) == Int32.max)
    }

    @Test("a quantity beyond a bench's range is refused as physically meaningless", arguments: [
        ("1e300 h", AnchorageCore.Dimension.duration), ("1.6e17 h", .duration), ("366 d", .duration), ("1e19 °C", .temperature), ("5000 K", .temperature),
        ("2 t", .mass), ("1e7 kg", .mass), ("30 g/mL", .density), ("1e12 rpm", .rotation), ("200 M", .molarConcentration),
    ])
    func refusedBeyondRange(text: String, dimension: AnchorageCore.Dimension) {
        guard case .failure(let error) = QuantityParser.parse(text, expecting: [dimension]) else {
            // "2 t" is no unit at all: refused as unknown, which is also a refusal.
            Issue.record("\(text) was accepted")
            return
        }
        #expect(error.kind == .outOfRange || error.kind == .unknownUnit, "\(text): \(error.message)")
    }

    @Test("quantities a lab writes stay accepted", arguments: ["24 h", "14 d", "365 d", "1100 °C", "3000 °C", "100 kg", "22.59 g/mL", "150000 rpm"])
    func benchValuesAccepted(text: String) {
        let dimensions: Set<AnchorageCore.Dimension> = [.duration, .temperature, .mass, .density, .rotation]
        guard case .success = QuantityParser.parse(text, expecting: dimensions) else {
            Issue.record("\(text) was refused")
            return
        }
    }

    @Test func theRangeMessageNamesTheLimitAndItsReason() throws {
        guard case .failure(let error) = QuantityParser.parse("1e300 h", expecting: [.duration]) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message == "1.000e+300 h is not physically meaningful as a duration: Anchorage takes at most 365 d")
        #expect(error.hint?.contains("One year") == true)
    }

    @Test("a formula count beyond a formula unit is an error at the count, not a trap later", arguments: [
        "Fe99999999999999999999", "Fe1000001", "C6H6·99999999999H2O",
    ])
    func formulaCountBeyondLimit(formula: String) {
        #expect(throws: FormulaError.self) { try ChemicalFormula(parsing: formula) }
    }

    @Test func deeplyNestedFormulaIsRefused() {
        let formula = String(repeating: "(", count: 5_000) + "H" + String(repeating: ")", count: 5_000)
        #expect(throws: FormulaError.self) { try ChemicalFormula(parsing: formula) }
        #expect((try? ChemicalFormula(parsing: "[Pt(NH3)4](NO3)2")) != nil)
    }

    @Test func suggestionsSkipWordsLongerThanAName() {
        #expect(Suggestion.closest(to: String(repeating: "x", count: 50_000), among: ["ZIF-8", "UiO-66"]) == nil)
        #expect(Suggestion.closest(to: "temprature", among: ["temperature", "time"]) == "temperature")
    }

    @Test func sourceLinesEndAtLFCRLFAndCR() {
        let text = SourceText("a\r\nb\nc\rd")
        #expect(text.lines == ["a", "b", "c", "d"])
        #expect(SourceText.position(ofByte: 5, in: "ab\r\ncd") == (2, 2))
    }

    @Test func aLongLineIsQuotedAsAWindowAroundTheCaret() {
        let line = Substring(String(repeating: "a", count: 10_000) + "X" + String(repeating: "b", count: 10_000))
        let (text, caret) = SourceText.excerpt(line, column: 10_001, limit: 160)
        #expect(text.count <= 162)
        #expect(Array(text)[caret] == "X")
    }

    @Test func diagnosticMessagesAreBounded() {
        let diagnostic = Diagnostic(.error, "FMT-008", "'\(String(repeating: "x", count: 20_000))' is not a known host", at: SourceLocation(file: "f", line: 1, column: 1))
        #expect(diagnostic.message.count <= 401)
        #expect(diagnostic.message.hasSuffix("is not a known host"))
    }

    @Test func everyDimensionHasARange() throws {
        let limits = try InputLimits.bundled()
        for dimension in AnchorageCore.Dimension.allCases where dimension != .fraction && dimension != .massFraction {
            #expect(limits.maximum(of: dimension) != nil, "\(dimension)")
        }
    }
}
