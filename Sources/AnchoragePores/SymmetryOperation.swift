import Foundation

/// A symmetry operation x' = R x + t on fractional coordinates, as written in a CIF (`-x+1/2, y, z`).
public struct SymmetryOperation: Sendable, Equatable {
    /// Rows of R.
    public var rotation: [[Double]]
    public var translation: [Double]

    public static let identity = SymmetryOperation(rotation: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], translation: [0, 0, 0])

    public init(rotation: [[Double]], translation: [Double]) {
        self.rotation = rotation
        self.translation = translation
    }

    /// Parses `x,y,z`-style text; nil with the reason when it cannot be read.
    public init(parsing text: String) throws(SymmetryParseError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw SymmetryParseError(reason: "expected three comma-separated parts, found \(parts.count)") }
        var rotation: [[Double]] = []
        var translation: [Double] = []
        for part in parts {
            let (row, shift) = try Self.parseComponent(String(part))
            rotation.append(row)
            translation.append(shift)
        }
        self.init(rotation: rotation, translation: translation)
    }

    public func apply(_ f: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(
            rotation[0][0] * f.x + rotation[0][1] * f.y + rotation[0][2] * f.z + translation[0],
            rotation[1][0] * f.x + rotation[1][1] * f.y + rotation[1][2] * f.z + translation[1],
            rotation[2][0] * f.x + rotation[2][1] * f.y + rotation[2][2] * f.z + translation[2])
    }

    private static func parseComponent(_ raw: String) throws(SymmetryParseError) -> ([Double], Double) {
        let chars = Array(raw.lowercased().filter { $0 != " " && $0 != "\t" })
        guard !chars.isEmpty else { throw SymmetryParseError(reason: "an empty part") }
        var row = [0.0, 0.0, 0.0]
        var shift = 0.0
        var i = 0
        while i < chars.count {
            var sign = 1.0
            if chars[i] == "+" || chars[i] == "-" {
                sign = chars[i] == "-" ? -1 : 1
                i += 1
            } else if i != 0 {
                throw SymmetryParseError(reason: "unexpected '\(chars[i])' in '\(raw)'")
            }
            // An optional number (integer, decimal or fraction).
            var numberText = ""
            while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "/" {
                numberText.append(chars[i])
                i += 1
            }
            var factor: Double? = nil
            if !numberText.isEmpty {
                let pieces = numberText.split(separator: "/", omittingEmptySubsequences: false)
                if pieces.count == 1, let v = Double(pieces[0]) {
                    factor = v
                } else if pieces.count == 2, let n = Double(pieces[0]), let d = Double(pieces[1]), d != 0 {
                    factor = n / d
                } else {
                    throw SymmetryParseError(reason: "cannot read the number '\(numberText)' in '\(raw)'")
                }
                if i < chars.count, chars[i] == "*" { i += 1 }
            }
            if i < chars.count, let axis = "xyz".firstIndex(of: chars[i]) {
                row["xyz".distance(from: "xyz".startIndex, to: axis)] += sign * (factor ?? 1)
                i += 1
            } else if let factor {
                shift += sign * factor
            } else {
                throw SymmetryParseError(reason: "expected x, y, z or a number in '\(raw)'")
            }
        }
        return (row, shift)
    }
}

public struct SymmetryParseError: Error, Sendable {
    public var reason: String
}
