import Foundation

/// A triclinic cell: lengths in Å, angles in degrees; a along x, b in the xy plane.
public struct UnitCell: Sendable, Equatable, Codable {
    public var a: Double, b: Double, c: Double
    public var alpha: Double, beta: Double, gamma: Double

    /// Columns are the cell vectors a, b, c in Cartesian Å.
    public let vectors: [SIMD3<Double>]
    let inverseRows: [SIMD3<Double>]

    enum CodingKeys: String, CodingKey { case a, b, c, alpha, beta, gamma }

    /// Nil when the six parameters do not describe a cell (non-positive length, impossible angles).
    public init?(a: Double, b: Double, c: Double, alpha: Double, beta: Double, gamma: Double) {
        guard a > 0, b > 0, c > 0, alpha > 0, beta > 0, gamma > 0, alpha < 180, beta < 180, gamma < 180 else { return nil }
        self.a = a; self.b = b; self.c = c
        self.alpha = alpha; self.beta = beta; self.gamma = gamma
        let ca = cos(alpha * .pi / 180), cb = cos(beta * .pi / 180), cg = cos(gamma * .pi / 180)
        let sg = sin(gamma * .pi / 180)
        let volumeFactor = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg
        guard volumeFactor > 1e-6 else { return nil }
        let va = SIMD3(a, 0, 0)
        let vb = SIMD3(b * cg, b * sg, 0)
        let cx = c * cb
        let cy = c * (ca - cb * cg) / sg
        let vc = SIMD3(cx, cy, c * sqrt(volumeFactor) / sg)
        vectors = [va, vb, vc]
        // Rows of the inverse are the reciprocal vectors (without 2π).
        let volume = dot(va, cross(vb, vc))
        inverseRows = [cross(vb, vc) / volume, cross(vc, va) / volume, cross(va, vb) / volume]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let values = try [CodingKeys.a, .b, .c, .alpha, .beta, .gamma].map { try container.decode(Double.self, forKey: $0) }
        guard let cell = UnitCell(a: values[0], b: values[1], c: values[2], alpha: values[3], beta: values[4], gamma: values[5]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a cell"))
        }
        self = cell
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(a, forKey: .a); try container.encode(b, forKey: .b); try container.encode(c, forKey: .c)
        try container.encode(alpha, forKey: .alpha); try container.encode(beta, forKey: .beta); try container.encode(gamma, forKey: .gamma)
    }

    public static func == (lhs: UnitCell, rhs: UnitCell) -> Bool {
        lhs.a == rhs.a && lhs.b == rhs.b && lhs.c == rhs.c && lhs.alpha == rhs.alpha && lhs.beta == rhs.beta && lhs.gamma == rhs.gamma
    }

    /// Builds a cell from three Cartesian vectors (any orientation).
    public init?(vectors v: [SIMD3<Double>]) {
        guard v.count == 3 else { return nil }
        let la = length(v[0]), lb = length(v[1]), lc = length(v[2])
        func angle(_ x: SIMD3<Double>, _ y: SIMD3<Double>, _ lx: Double, _ ly: Double) -> Double {
            acos(max(-1, min(1, dot(x, y) / (lx * ly)))) * 180 / .pi
        }
        self.init(a: la, b: lb, c: lc, alpha: angle(v[1], v[2], lb, lc), beta: angle(v[0], v[2], la, lc), gamma: angle(v[0], v[1], la, lb))
    }

    public var volume: Double { dot(vectors[0], cross(vectors[1], vectors[2])) }

    /// Distance between opposite faces along each axis (the cell's thickness).
    public var perpendicularWidths: SIMD3<Double> {
        let v = volume
        return SIMD3(v / length(cross(vectors[1], vectors[2])), v / length(cross(vectors[2], vectors[0])), v / length(cross(vectors[0], vectors[1])))
    }

    @inline(__always) public func cartesian(_ f: SIMD3<Double>) -> SIMD3<Double> {
        vectors[0] * f.x + vectors[1] * f.y + vectors[2] * f.z
    }

    @inline(__always) public func fractional(_ r: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(dot(inverseRows[0], r), dot(inverseRows[1], r), dot(inverseRows[2], r))
    }

    /// Shortest distance between two fractional positions under periodic boundaries.
    public func periodicDistance(_ f1: SIMD3<Double>, _ f2: SIMD3<Double>) -> Double {
        var delta = f1 - f2
        delta -= delta.rounded(.toNearestOrAwayFromZero)
        var best = Double.infinity
        for i in -1...1 { for j in -1...1 { for k in -1...1 {
            best = min(best, length(cartesian(delta + SIMD3(Double(i), Double(j), Double(k)))))
        } } }
        return best
    }
}

@inline(__always) func dot(_ x: SIMD3<Double>, _ y: SIMD3<Double>) -> Double { (x * y).sum() }
@inline(__always) func length(_ x: SIMD3<Double>) -> Double { (x * x).sum().squareRoot() }
@inline(__always) func cross(_ x: SIMD3<Double>, _ y: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(x.y * y.z - x.z * y.y, x.z * y.x - x.x * y.z, x.x * y.y - x.y * y.x)
}
