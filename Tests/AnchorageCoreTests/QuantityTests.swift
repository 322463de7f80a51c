import Testing

@testable import AnchorageCore

struct QuantityCase: Sendable, CustomTestStringConvertible {
    var text: String
    var dimensions: Set<Dimension>
    var canonical: Double
    var testDescription: String { text }
}

@Test(arguments: [
    QuantityCase(text: "1.69 g", dimensions: [.mass], canonical: 1.69),
    QuantityCase(text: "1.69g", dimensions: [.mass], canonical: 1.69),
    QuantityCase(text: "250 mg", dimensions: [.mass], canonical: 0.25),
    QuantityCase(text: "15 µg", dimensions: [.mass], canonical: 15e-6),
    QuantityCase(text: "2 kg", dimensions: [.mass], canonical: 2000),
    QuantityCase(text: "5.68 mmol", dimensions: [.amount], canonical: 5.68e-3),
    QuantityCase(text: "30 mL", dimensions: [.volume], canonical: 30),
    QuantityCase(text: "250 µL", dimensions: [.volume], canonical: 0.25),
    QuantityCase(text: "1.5 L", dimensions: [.volume], canonical: 1500),
    QuantityCase(text: "0.5 M", dimensions: [.molarConcentration], canonical: 0.5),
    QuantityCase(text: "20 mM", dimensions: [.molarConcentration], canonical: 0.02),
    QuantityCase(text: "37 wt%", dimensions: [.massFraction], canonical: 37),
    QuantityCase(text: "10 000 rpm", dimensions: [.rotation], canonical: 10000),
    QuantityCase(text: "12\u{2009}000 × g", dimensions: [.relativeCentrifugalForce], canonical: 12000),
    QuantityCase(text: "2 mg/mL", dimensions: [.massConcentration], canonical: 2),
    QuantityCase(text: "900 °C", dimensions: [.temperature], canonical: 900),
    QuantityCase(text: "900 C", dimensions: [.temperature], canonical: 900),
    QuantityCase(text: "900 degC", dimensions: [.temperature], canonical: 900),
    QuantityCase(text: "298.15 K", dimensions: [.temperature], canonical: 25),
    QuantityCase(text: "24 h", dimensions: [.duration], canonical: 86400),
    QuantityCase(text: "10 min", dimensions: [.duration], canonical: 600),
    QuantityCase(text: "2 d", dimensions: [.duration], canonical: 172_800),
    QuantityCase(text: "5 °C/min", dimensions: [.heatingRate], canonical: 5),
    QuantityCase(text: "5 K/min", dimensions: [.heatingRate], canonical: 5),
    // As papers print them.
    QuantityCase(text: "5 °C min⁻¹", dimensions: [.heatingRate], canonical: 5),
    QuantityCase(text: "5 K min-1", dimensions: [.heatingRate], canonical: 5),
    QuantityCase(text: "5 °C·min−1", dimensions: [.heatingRate], canonical: 5),
    QuantityCase(text: "2 °C/s", dimensions: [.heatingRate], canonical: 120),
    QuantityCase(text: "2 mg mL⁻¹", dimensions: [.massConcentration], canonical: 2),
    QuantityCase(text: "0.5 mol L⁻¹", dimensions: [.molarConcentration], canonical: 0.5),
    QuantityCase(text: "80 mL·min⁻¹", dimensions: [.gasFlow], canonical: 80),
    QuantityCase(text: "0.1 L min-1", dimensions: [.gasFlow], canonical: 100),
    QuantityCase(text: "1.84 g cm⁻³", dimensions: [.density], canonical: 1.84),
    QuantityCase(text: "80 mL/min", dimensions: [.gasFlow], canonical: 80),
    QuantityCase(text: "80 sccm", dimensions: [.gasFlow], canonical: 80),
    QuantityCase(text: "1 bar", dimensions: [.pressure], canonical: 1e5),
    QuantityCase(text: "760 Torr", dimensions: [.pressure], canonical: 101_325),
    QuantityCase(text: "8000 rpm", dimensions: [.rotation, .relativeCentrifugalForce], canonical: 8000),
    QuantityCase(text: "10000 × g", dimensions: [.rotation, .relativeCentrifugalForce], canonical: 10000),
    QuantityCase(text: "10000 x g", dimensions: [.rotation, .relativeCentrifugalForce], canonical: 10000),
    QuantityCase(text: "5 %", dimensions: [.fraction], canonical: 5),
    QuantityCase(text: "1e-3 mol", dimensions: [.amount], canonical: 1e-3),
])
func quantityParses(_ c: QuantityCase) throws {
    let quantity = try QuantityParser.parse(c.text, expecting: c.dimensions).get()
    #expect(abs(quantity.canonicalValue - c.canonical) <= 1e-9 * max(1, abs(c.canonical)))
}

struct RefusedQuantity: Sendable, CustomTestStringConvertible {
    var text: String
    var dimensions: Set<Dimension>
    var kind: QuantityError.Kind
    var offset: Int
    var testDescription: String { text }
}

@Test(arguments: [
    RefusedQuantity(text: "1.69 kg/s", dimensions: [.mass], kind: .unknownUnit, offset: 5),
    RefusedQuantity(text: "30 m", dimensions: [.duration], kind: .ambiguousUnit, offset: 3),
    RefusedQuantity(text: "100 °F", dimensions: [.temperature], kind: .unknownUnit, offset: 4),
    RefusedQuantity(text: "-500 °C", dimensions: [.temperature], kind: .belowAbsoluteZero, offset: 0),
    RefusedQuantity(text: "-1 g", dimensions: [.mass], kind: .negative, offset: 0),
    RefusedQuantity(text: "30", dimensions: [.volume], kind: .missingUnit, offset: 2),
    RefusedQuantity(text: "0.05", dimensions: [.fraction], kind: .fractionForPercentage, offset: 0),
    RefusedQuantity(text: "120 %", dimensions: [.fraction], kind: .outOfRange, offset: 0),
    RefusedQuantity(text: "30 mL", dimensions: [.mass], kind: .wrongDimension, offset: 3),
    RefusedQuantity(text: "10000 g", dimensions: [.rotation, .relativeCentrifugalForce], kind: .wrongDimension, offset: 6),
    RefusedQuantity(text: "lots", dimensions: [.mass], kind: .notANumber, offset: 0),
    RefusedQuantity(text: "10,000 rpm", dimensions: [.rotation], kind: .notANumber, offset: 0),
    RefusedQuantity(text: "1,5 g", dimensions: [.mass], kind: .notANumber, offset: 0),
    RefusedQuantity(text: "RT", dimensions: [.temperature], kind: .notANumber, offset: 0),
    RefusedQuantity(text: "5 mm", dimensions: [.molarConcentration], kind: .ambiguousUnit, offset: 2),
])
func quantityRefused(_ c: RefusedQuantity) {
    switch QuantityParser.parse(c.text, expecting: c.dimensions) {
    case .success(let quantity):
        Issue.record("'\(c.text)' was accepted as \(quantity)")
    case .failure(let error):
        #expect(error.kind == c.kind)
        #expect(error.offset == c.offset)
    }
}

@Test func centrifugeHintNamesRelativeCentrifugalForce() {
    guard case .failure(let error) = QuantityParser.parse("10000 g", expecting: [.rotation, .relativeCentrifugalForce]) else {
        Issue.record("accepted")
        return
    }
    #expect(error.hint?.contains("× g") == true)
}

@Test func numbersPrintAsAChemistWritesThem() {
    #expect(QuantityFormat.number(1.6900) == "1.69")
    #expect(QuantityFormat.number(297.478, significant: 5) == "297.48")
    #expect(QuantityFormat.mass(grams: 0.1) == "100 mg")
    #expect(QuantityFormat.amount(moles: 0.00568) == "5.68 mmol")
}

@Test("numbers far outside a bench's range print with an exponent, and never trap", arguments: [
    (1e308, "1.000e+308"), (2.5e-9, "2.500e-09"), (Double.infinity, "∞"), (-Double.infinity, "−∞"), (Double.nan, "NaN"),
    (12_345_678.9, "12345679"),
])
func extremeNumbersPrint(value: Double, expected: String) {
    #expect(QuantityFormat.number(value) == expected)
}
