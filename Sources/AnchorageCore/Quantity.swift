import Foundation

/// What a quantity measures. Each has one canonical unit that values are stored in.
public enum Dimension: String, Sendable, Codable, Hashable, CaseIterable {
    case mass                  // g
    case amount                // mol
    case volume                // mL
    case molarConcentration    // mol/L
    case massConcentration     // mg/mL (= g/L)
    case massFraction          // percent by weight (wt%)
    case fraction              // percent (vol % of a gas mixture, a fill fraction)
    case temperature           // °C
    case duration              // s
    case heatingRate           // °C/min
    case gasFlow               // mL/min (sccm taken as mL/min)
    case pressure              // Pa
    case rotation              // rpm
    case relativeCentrifugalForce  // × g
    case density               // g/mL

    /// How a chemist names it in a message.
    public var noun: String {
        switch self {
        case .mass: "a mass"
        case .amount: "an amount of substance"
        case .volume: "a volume"
        case .molarConcentration: "a molar concentration"
        case .massConcentration: "a mass concentration"
        case .massFraction: "a mass fraction"
        case .fraction: "a percentage"
        case .temperature: "a temperature"
        case .duration: "a duration"
        case .heatingRate: "a heating rate"
        case .gasFlow: "a gas flow"
        case .pressure: "a pressure"
        case .rotation: "a rotation speed"
        case .relativeCentrifugalForce: "a relative centrifugal force"
        case .density: "a density"
        }
    }

    public var canonicalSymbol: String {
        switch self {
        case .mass: "g"
        case .amount: "mol"
        case .volume: "mL"
        case .molarConcentration: "M"
        case .massConcentration: "mg/mL"
        case .massFraction: "wt%"
        case .fraction: "%"
        case .temperature: "°C"
        case .duration: "s"
        case .heatingRate: "°C/min"
        case .gasFlow: "mL/min"
        case .pressure: "Pa"
        case .rotation: "rpm"
        case .relativeCentrifugalForce: "× g"
        case .density: "g/mL"
        }
    }

    /// Units a user may write, for hints.
    public var exampleUnits: String {
        switch self {
        case .mass: "µg, mg, g, kg"
        case .amount: "µmol, mmol, mol"
        case .volume: "µL, mL, L"
        case .molarConcentration: "M, mM, mol/L"
        case .massConcentration: "mg/mL, g/L"
        case .massFraction: "wt%"
        case .fraction: "%"
        case .temperature: "°C, K"
        case .duration: "s, min, h, d"
        case .heatingRate: "°C/min, K/min"
        case .gasFlow: "mL/min, sccm, L/min"
        case .pressure: "Pa, kPa, MPa, bar, mbar, Torr, atm"
        case .rotation: "rpm"
        case .relativeCentrifugalForce: "× g (e.g. 10000 × g)"
        case .density: "g/mL, g/cm3"
        }
    }
}

/// A unit of measure: its dimension and how to get to the canonical unit (value × scale + offset).
public struct MeasureUnit: Sendable, Hashable {
    public var symbol: String
    public var dimension: Dimension
    public var scale: Double
    public var offset: Double

    init(_ symbol: String, _ dimension: Dimension, _ scale: Double, offset: Double = 0) {
        self.symbol = symbol
        self.dimension = dimension
        self.scale = scale
        self.offset = offset
    }
}

/// A measured value with its unit, as written and in canonical units.
public struct Quantity: Sendable, Hashable, CustomStringConvertible {
    /// The number the user wrote.
    public var magnitude: Double
    public var unit: MeasureUnit
    /// The value in the dimension's canonical unit (g, mol, mL, M, °C, s, …).
    public var canonicalValue: Double

    public var dimension: Dimension { unit.dimension }

    public init(magnitude: Double, unit: MeasureUnit) {
        self.magnitude = magnitude
        self.unit = unit
        // An offset unit (K to °C) leaves binary noise: 1273.15 K would be 1000.0000000000001 °C and fall outside a
        // window that ends at 1000 °C. No temperature is written to a nanokelvin, so the noise is rounded off.
        let canonical = magnitude * unit.scale + unit.offset
        self.canonicalValue = unit.offset == 0 ? canonical : (canonical * 1e9).rounded() / 1e9
    }

    /// A quantity given directly in canonical units.
    public init(canonical value: Double, _ dimension: Dimension) {
        let unit = MeasureUnit(dimension.canonicalSymbol, dimension, 1)
        self.init(magnitude: value, unit: unit)
    }

    public func scaled(by factor: Double) -> Quantity {
        Quantity(magnitude: magnitude * factor, unit: unit)
    }

    public var description: String { "\(QuantityFormat.number(magnitude)) \(unit.symbol)" }
}

/// Why a quantity could not be read. `offset` is the column inside the written text where the trouble starts.
public struct QuantityError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case notANumber, missingUnit, unknownUnit, ambiguousUnit, wrongDimension, belowAbsoluteZero, negative, fractionForPercentage, outOfRange
    }
    public var kind: Kind
    public var message: String
    public var hint: String?
    public var offset: Int
}

public enum QuantityParser {
    /// Every unit spelling accepted, by the exact text after the number.
    static let units: [String: MeasureUnit] = {
        var table: [String: MeasureUnit] = [:]
        func add(_ spellings: [String], _ dimension: Dimension, _ scale: Double, offset: Double = 0) {
            for spelling in spellings {
                table[spelling] = MeasureUnit(spellings[0], dimension, scale, offset: offset)
            }
        }
        add(["µg", "μg", "ug"], .mass, 1e-6)
        add(["mg"], .mass, 1e-3)
        add(["g"], .mass, 1)
        add(["kg"], .mass, 1e3)
        add(["nmol"], .amount, 1e-9)
        add(["µmol", "μmol", "umol"], .amount, 1e-6)
        add(["mmol"], .amount, 1e-3)
        add(["mol"], .amount, 1)
        add(["µL", "μL", "uL", "µl", "μl", "ul"], .volume, 1e-3)
        add(["mL", "ml", "cm3", "cm³", "cc"], .volume, 1)
        add(["L", "l", "dm3"], .volume, 1e3)
        add(["M", "mol/L", "mol/l", "mol L-1", "mol·L⁻¹"], .molarConcentration, 1)
        add(["mM", "mmol/L", "mmol/l"], .molarConcentration, 1e-3)
        add(["µM", "μM", "uM"], .molarConcentration, 1e-6)
        add(["mg/mL", "mg/ml", "g/L", "g/l"], .massConcentration, 1)
        add(["µg/mL", "μg/mL", "ug/mL", "mg/L", "mg/l"], .massConcentration, 1e-3)
        add(["wt%", "wt %", "wt.%", "% w/w", "%w/w", "w/w%"], .massFraction, 1)
        add(["%", "vol%", "vol %", "% v/v", "%v/v", "v/v%"], .fraction, 1)
        add(["°C", "℃", "C", "degC", "deg C", "oC"], .temperature, 1)
        add(["K"], .temperature, 1, offset: -273.15)
        add(["s", "sec", "second", "seconds"], .duration, 1)
        add(["min", "mins", "minute", "minutes"], .duration, 60)
        add(["h", "hr", "hrs", "hour", "hours"], .duration, 3600)
        add(["d", "day", "days"], .duration, 86400)
        add(["°C/min", "℃/min", "C/min", "degC/min", "°C min-1", "°C·min⁻¹", "K/min"], .heatingRate, 1)
        add(["°C/h", "C/h", "K/h"], .heatingRate, 1.0 / 60)
        add(["°C/s", "C/s", "K/s"], .heatingRate, 60)
        add(["mL/min", "ml/min", "sccm", "cm3/min", "mL min-1"], .gasFlow, 1)
        add(["L/min", "l/min", "slm", "slpm"], .gasFlow, 1e3)
        add(["Pa"], .pressure, 1)
        add(["kPa"], .pressure, 1e3)
        add(["MPa"], .pressure, 1e6)
        add(["bar"], .pressure, 1e5)
        add(["mbar"], .pressure, 1e2)
        add(["Torr", "torr"], .pressure, 101_325.0 / 760.0)
        add(["mTorr", "mtorr"], .pressure, 101_325.0 / 760_000.0)
        add(["atm"], .pressure, 101_325)
        add(["rpm", "r/min"], .rotation, 1)
        add(["× g", "×g", "x g", "xg", "g-force", "rcf", "RCF"], .relativeCentrifugalForce, 1)
        add(["g/mL", "g/ml", "g/cm3", "g/cm³", "g cm-3"], .density, 1)
        add(["kg/L", "kg/l"], .density, 1)
        return table
    }()

    /// The same units written as a paper prints them: "°C min⁻¹", "K min-1", "mg mL-1", "mL·min⁻¹", "g cm⁻³" are
    /// "°C/min", "K/min", "mg/mL", "mL/min" and "g/cm3".
    static func canonicalSpelling(_ text: String) -> String {
        var spelling = text
        for (written, plain) in [("⁻", "-"), ("−", "-"), ("¹", "1"), ("²", "2"), ("³", "3"), ("·", " "), ("⋅", " "), ("*", " ")] {
            spelling = spelling.replacingOccurrences(of: written, with: plain)
        }
        spelling = spelling.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        // "X Y-1" is "X/Y"; "X Y-3" (a density) is "X/Y3".
        if let match = spelling.firstMatch(of: /^(.+?) ([A-Za-z]+)-([13])$/) {
            spelling = "\(match.1)/\(match.2)" + (match.3 == "3" ? "3" : "")
        }
        return spelling
    }

    /// Every accepted spelling, by its canonical form (an exact spelling of the table comes first).
    static let unitsByCanonicalSpelling: [String: MeasureUnit] = {
        var table: [String: MeasureUnit] = [:]
        for (spelling, unit) in units.sorted(by: { $0.key < $1.key }) where table[canonicalSpelling(spelling)] == nil {
            table[canonicalSpelling(spelling)] = unit
        }
        return table
    }()

    /// Words for room temperature written where a temperature is asked for: refused with what to write instead.
    static let roomTemperatureWords: Set<String> = ["rt", "r.t.", "r.t", "room temperature", "room temp.", "ambient", "ambient temperature"]

    /// Spellings that could mean two things; refused with the two readings named (as ORD does for "m").
    static let ambiguous: [String: String] = [
        "m": "'m' could be metre or minute: write 'min' for minutes",
        "mm": "'mm' could be millimolar or millimetre: write 'mM' for millimolar",
        "G": "'G' is not a unit here: write '× g' for relative centrifugal force or 'g' for grams",
    ]

    /// Spellings refused outright, with what to write instead.
    static let refused: [String: String] = [
        "°F": "Fahrenheit is not accepted: give the temperature in °C or K",
        "F": "Fahrenheit is not accepted: give the temperature in °C or K",
        "degF": "Fahrenheit is not accepted: give the temperature in °C or K",
        "℉": "Fahrenheit is not accepted: give the temperature in °C or K",
        "°F/min": "Fahrenheit is not accepted: give the rate in °C/min",
    ]

    /// Reads "1.69 g", "900 °C", "5 °C/min", "10000 × g", "2.5 wt%".
    public static func parse(_ text: String, expecting dimensions: Set<Dimension>) -> Result<Quantity, QuantityError> {
        let expected = dimensions.sorted { $0.rawValue < $1.rawValue }
        let expectedNoun = expected.map(\.noun).joined(separator: " or ")
        let leading = text.prefix { $0 == " " }.count
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if dimensions.contains(.temperature), roomTemperatureWords.contains(trimmed.lowercased()) {
            return .failure(QuantityError(
                kind: .notANumber, message: "'\(trimmed)' is not a temperature Anchorage can compute with",
                hint: "leave the temperature out where it may be omitted (the step then runs at room temperature), or write the room's temperature in °C",
                offset: leading))
        }
        guard let numberLength = numberPrefixLength(trimmed), numberLength > 0 else {
            return .failure(QuantityError(
                kind: .notANumber, message: "'\(text)' is not a quantity: \(expectedNoun) is expected, a number and a unit",
                hint: "for example " + expected.map { "'1 \(firstUnit($0))'" }.joined(separator: " or "), offset: leading))
        }
        var numberEnd = numberLength
        var numberText = String(trimmed.prefix(numberEnd)).replacingOccurrences(of: "−", with: "-")
        // Digit groups as papers print large numbers: "10 000 rpm" (a space, thin space or no-break space) is read
        // as 10000; "10,000 rpm" is refused with its reason, since a comma is a decimal mark in much of Europe.
        let characters = Array(trimmed)
        func group(after index: Int) -> String? {
            // Looked up in place: copying the rest of the text for every group made long digit runs quadratic.
            guard characters.count - index >= 4 else { return nil }
            let tail = characters[index...]
            let digits = tail[(index + 1)...(index + 3)]
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                  tail.count == 4 || !(tail[index + 4].isNumber || tail[index + 4] == ".") else { return nil }
            return String(digits)
        }
        if numberText.allSatisfy(\.isNumber), numberText.count <= 3 {
            while numberEnd < characters.count, case let separator = characters[numberEnd], [" ", "\u{2009}", "\u{202F}", "\u{00A0}"].contains(separator),
                  let digits = group(after: numberEnd) {
                numberText += digits
                numberEnd += 4
            }
        }
        let afterNumber = trimmed.dropFirst(numberEnd)
        if afterNumber.first == ",", let next = afterNumber.dropFirst().first, next.isASCII, next.isNumber {
            let written = trimmed.prefix(numberEnd) + afterNumber.prefix { $0 == "," || ($0.isASCII && $0.isNumber) }
            return .failure(QuantityError(
                kind: .notANumber, message: "'\(written)' has a comma in the number: it is read neither as a thousands separator nor as a decimal mark (\(expectedNoun) is expected)",
                hint: "write a decimal point for a decimal ('1.5'), and large numbers without the comma ('10000' or '10 000')", offset: leading))
        }
        guard let magnitude = Double(numberText), magnitude.isFinite else {
            return .failure(QuantityError(kind: .notANumber, message: "'\(numberText)' is not a number", hint: nil, offset: leading))
        }
        let rest = trimmed.dropFirst(numberEnd)
        let unitOffset = leading + numberEnd + rest.prefix { $0 == " " }.count
        let unitText = rest.trimmingCharacters(in: .whitespaces)
        if unitText.isEmpty {
            if dimensions.contains(.fraction) || dimensions.contains(.massFraction), magnitude > 0, magnitude < 1 {
                return .failure(QuantityError(
                    kind: .fractionForPercentage,
                    message: "\(QuantityFormat.number(magnitude)) looks like a fraction where a percentage is meant",
                    hint: "write '\(QuantityFormat.number(magnitude * 100)) %'", offset: leading))
            }
            return .failure(QuantityError(
                kind: .missingUnit, message: "\(QuantityFormat.number(magnitude)) has no unit: \(expectedNoun) is expected",
                hint: "units: " + expected.map(\.exampleUnits).joined(separator: "; "), offset: unitOffset))
        }
        if let why = refused[unitText] {
            return .failure(QuantityError(kind: .unknownUnit, message: "unit '\(unitText)' is not accepted", hint: why, offset: unitOffset))
        }
        if let why = ambiguous[unitText] {
            return .failure(QuantityError(kind: .ambiguousUnit, message: "unit '\(unitText)' is ambiguous", hint: why, offset: unitOffset))
        }
        guard let unit = units[unitText] ?? unitsByCanonicalSpelling[canonicalSpelling(unitText)] else {
            let suggestion = Suggestion.closest(to: unitText, among: Array(units.keys).filter { u in
                dimensions.contains { units[u]?.dimension == $0 }
            })
            return .failure(QuantityError(
                kind: .unknownUnit, message: "unknown unit '\(unitText)': \(expectedNoun) is expected",
                hint: suggestion.map { "did you mean '\($0)'?" } ?? ("units: " + expected.map(\.exampleUnits).joined(separator: "; ")),
                offset: unitOffset))
        }
        guard dimensions.contains(unit.dimension) else {
            var hint = "units: " + expected.map(\.exampleUnits).joined(separator: "; ")
            if unit.dimension == .mass && dimensions.contains(.relativeCentrifugalForce) {
                hint = "for relative centrifugal force write '\(QuantityFormat.number(magnitude)) × g'"
            }
            return .failure(QuantityError(
                kind: .wrongDimension,
                message: "'\(unitText)' is \(unit.dimension.noun), but \(expectedNoun) is expected here",
                hint: hint, offset: unitOffset))
        }
        let quantity = Quantity(magnitude: magnitude, unit: unit)
        if unit.dimension == .temperature {
            if quantity.canonicalValue < -273.15 {
                return .failure(QuantityError(
                    kind: .belowAbsoluteZero, message: "\(text.trimmingCharacters(in: .whitespaces)) is below absolute zero (−273.15 °C)",
                    hint: nil, offset: leading))
            }
        } else if magnitude < 0 {
            return .failure(QuantityError(
                kind: .negative, message: "\(unit.dimension.noun.dropFirstWord) cannot be negative", hint: nil, offset: leading))
        }
        if (unit.dimension == .massFraction || unit.dimension == .fraction) && magnitude > 100 {
            return .failure(QuantityError(kind: .outOfRange, message: "a percentage cannot exceed 100", hint: nil, offset: leading))
        }
        // Past a bench's range the number is a slip, and the arithmetic after it (times, plots, ratios) would overflow.
        let limits: InputLimits
        do {
            limits = try InputLimits.bundled()
        } catch {
            return .failure(QuantityError(kind: .outOfRange, message: "the range of \(unit.dimension.noun) cannot be checked: \(error)", hint: nil, offset: leading))
        }
        if let maximum = limits.maximum(of: unit.dimension), !(quantity.canonicalValue <= maximum.value) {
            let written = "\(QuantityFormat.number(magnitude)) \(unit.symbol)"
            let bound = unit.dimension == .duration ? "\(QuantityFormat.number(maximum.value / 86400)) d"
                : "\(QuantityFormat.number(maximum.value)) \(unit.dimension.canonicalSymbol)"
            return .failure(QuantityError(
                kind: .outOfRange,
                message: "\(written) is not physically meaningful as \(unit.dimension.noun): Anchorage takes at most \(bound)",
                hint: maximum.why, offset: leading))
        }
        return .success(quantity)
    }

    static func firstUnit(_ dimension: Dimension) -> String {
        dimension.exampleUnits.split(separator: ",").dropFirst(dimension == .mass ? 2 : 0).first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? dimension.canonicalSymbol
    }

    /// Length of the leading number (sign, digits, decimal point, exponent).
    static func numberPrefixLength(_ text: String) -> Int? {
        var count = 0
        var sawDigit = false
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" || text[index] == "−" {
            count += 1
            index = text.index(after: index)
        }
        while index < text.endIndex, text[index].isASCII, text[index].isNumber || text[index] == "." {
            if text[index].isNumber { sawDigit = true }
            count += 1
            index = text.index(after: index)
        }
        guard sawDigit else { return nil }
        // An exponent only when digits follow it, so "5 eq" is not taken for one.
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            var look = text.index(after: index)
            var extra = 1
            if look < text.endIndex, text[look] == "-" || text[look] == "+" {
                look = text.index(after: look)
                extra += 1
            }
            var digits = 0
            while look < text.endIndex, text[look].isASCII, text[look].isNumber {
                digits += 1
                look = text.index(after: look)
            }
            if digits > 0 { count += extra + digits }
        }
        return count
    }
}

extension String {
    var dropFirstWord: String {
        guard let space = firstIndex(of: " ") else { return self }
        return String(self[index(after: space)...])
    }
}

/// Numbers as a chemist writes them: no trailing zeros, no exponent for everyday magnitudes.
public enum QuantityFormat {
    public static func number(_ value: Double, significant: Int = 4) -> String {
        if value == 0 { return "0" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(saturating: value)) }
        let magnitude = abs(value)
        // Far outside a bench's range (a scaled-up typo, a unit slip): an exponent rather than a wall of digits.
        if magnitude >= 1e9 || magnitude < 1e-6 {
            return String(format: "%.\(Swift.max(0, significant - 1))e", value)
        }
        let decimals = Swift.max(0, significant - 1 - Int(saturating: floor(log10(magnitude))))
        var text = String(format: "%.\(Swift.min(decimals, 8))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A mass in the unit a balance shows: mg below 1 g, g above.
    public static func mass(grams: Double) -> String {
        grams < 1 ? "\(number(grams * 1000)) mg" : "\(number(grams)) g"
    }

    public static func amount(moles: Double) -> String {
        if moles < 1e-3 { return "\(number(moles * 1e6)) µmol" }
        if moles < 1 { return "\(number(moles * 1e3)) mmol" }
        return "\(number(moles)) mol"
    }

    public static func volume(milliliters: Double) -> String {
        if milliliters < 1 { return "\(number(milliliters * 1000)) µL" }
        if milliliters >= 1000 { return "\(number(milliliters / 1000)) L" }
        return "\(number(milliliters)) mL"
    }

    public static func duration(seconds: Double) -> String {
        if seconds < 120 { return "\(number(seconds)) s" }
        if seconds < 2 * 3600 { return "\(number(seconds / 60)) min" }
        return "\(number(seconds / 3600)) h"
    }
}
