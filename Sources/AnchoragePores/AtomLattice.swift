import Foundation

/// The atoms of a periodic cell binned for fast "nearest atom surface" queries from any point.
///
/// Bins tile the cell in fractional space; a query walks the bins covering a sphere, each bin taken with the
/// lattice translation that brings it next to the query point, so every periodic image is seen exactly once.
struct AtomLattice: Sendable {
    let cell: UnitCell
    let positions: [SIMD3<Double>]
    let radii: [Double]
    let maxRadius: Double
    let binCounts: SIMD3<Int>
    let binStart: [Int32]
    let binAtoms: [Int32]
    let widths: SIMD3<Double>

    init(cell: UnitCell, fractional: [SIMD3<Double>], radii: [Double], binSize: Double = 2.5) {
        self.cell = cell
        self.radii = radii
        maxRadius = radii.max() ?? 0
        widths = cell.perpendicularWidths
        func bins(_ width: Double) -> Int { max(1, Int(saturating: min(128, width / binSize))) }
        let counts = SIMD3(bins(widths.x), bins(widths.y), bins(widths.z))
        binCounts = counts
        var wrapped: [SIMD3<Double>] = []
        wrapped.reserveCapacity(fractional.count)
        var binOf: [Int] = []
        binOf.reserveCapacity(fractional.count)
        for f in fractional {
            var w = f - f.rounded(.down)
            w = SIMD3(w.x >= 1 ? 0 : w.x, w.y >= 1 ? 0 : w.y, w.z >= 1 ? 0 : w.z)
            wrapped.append(w)
            let i = min(counts.x - 1, max(0, Int(saturating: w.x * Double(counts.x))))
            let j = min(counts.y - 1, max(0, Int(saturating: w.y * Double(counts.y))))
            let k = min(counts.z - 1, max(0, Int(saturating: w.z * Double(counts.z))))
            binOf.append(i + counts.x * (j + counts.y * k))
        }
        positions = wrapped.map { cell.cartesian($0) }
        let binTotal = counts.x * counts.y * counts.z
        var start = [Int32](repeating: 0, count: binTotal + 1)
        for b in binOf { start[b + 1] += 1 }
        for b in 0..<binTotal { start[b + 1] += start[b] }
        var fill = start
        var atoms = [Int32](repeating: 0, count: fractional.count)
        for (index, b) in binOf.enumerated() {
            atoms[Int(fill[b])] = Int32(index)
            fill[b] += 1
        }
        binStart = start
        binAtoms = atoms
    }

    /// Calls `body(position, radius, atomIndex)` for every atom image whose centre may lie within `reach` of `point`
    /// (a superset: every image within `reach` is visited once).
    @inline(__always)
    func forEachImage(near point: SIMD3<Double>, reach: Double, _ body: (SIMD3<Double>, Double, Int) -> Void) {
        let f = cell.fractional(point)
        let span = SIMD3(reach / widths.x, reach / widths.y, reach / widths.z)
        let lo = SIMD3(
            Int(saturating: (f.x - span.x) * Double(binCounts.x), rounding: .down),
            Int(saturating: (f.y - span.y) * Double(binCounts.y), rounding: .down),
            Int(saturating: (f.z - span.z) * Double(binCounts.z), rounding: .down))
        let hi = SIMD3(
            Int(saturating: (f.x + span.x) * Double(binCounts.x), rounding: .down),
            Int(saturating: (f.y + span.y) * Double(binCounts.y), rounding: .down),
            Int(saturating: (f.z + span.z) * Double(binCounts.z), rounding: .down))
        let a = cell.vectors[0], b = cell.vectors[1], c = cell.vectors[2]
        let binsInRange = (Double(hi.x) - Double(lo.x) + 1) * (Double(hi.y) - Double(lo.y) + 1) * (Double(hi.z) - Double(lo.z) + 1)
        if binsInRange > Double(8 * positions.count + 64) {
            // Mostly empty space (a large cell, few atoms): walk the atoms and their images instead of the bins.
            for atom in 0..<positions.count {
                let fa = cell.fractional(positions[atom])
                let lower = (f - span - fa).rounded(.up), upper = (f + span - fa).rounded(.down)
                guard lower.x <= upper.x, lower.y <= upper.y, lower.z <= upper.z else { continue }
                for sk in Int(saturating: lower.z)...Int(saturating: upper.z) {
                    for sj in Int(saturating: lower.y)...Int(saturating: upper.y) {
                        for si in Int(saturating: lower.x)...Int(saturating: upper.x) {
                            body(positions[atom] + a * Double(si) + b * Double(sj) + c * Double(sk), radii[atom], atom)
                        }
                    }
                }
            }
            return
        }
        for k in lo.z...hi.z {
            let (sk, wk) = floorDivMod(k, binCounts.z)
            for j in lo.y...hi.y {
                let (sj, wj) = floorDivMod(j, binCounts.y)
                for i in lo.x...hi.x {
                    let (si, wi) = floorDivMod(i, binCounts.x)
                    let bin = wi + binCounts.x * (wj + binCounts.y * wk)
                    let first = Int(binStart[bin]), last = Int(binStart[bin + 1])
                    if first == last { continue }
                    let shift = a * Double(si) + b * Double(sj) + c * Double(sk)
                    for slot in first..<last {
                        let atom = Int(binAtoms[slot])
                        body(positions[atom] + shift, radii[atom], atom)
                    }
                }
            }
        }
    }

    /// Distance from `point` to the nearest atom surface (negative inside an atom) and that atom's image position.
    func nearestSurface(to point: SIMD3<Double>) -> (distance: Double, position: SIMD3<Double>) {
        guard !positions.isEmpty else { return (.infinity, point) }
        var reach = 4.0 + maxRadius
        while true {
            var best = Double.infinity
            var bestPosition = point
            forEachImage(near: point, reach: reach) { position, radius, _ in
                let d = length(point - position) - radius
                if d < best { best = d; bestPosition = position }
            }
            if best.isFinite && best + maxRadius <= reach { return (best, bestPosition) }
            reach = best.isFinite ? best + maxRadius + 1e-9 : reach * 2
        }
    }

    /// Atom images that can be nearest for some point within `halfDiagonal` of `centre`, plus the distance at `centre`.
    func candidates(around centre: SIMD3<Double>, halfDiagonal: Double) -> (centreDistance: Double, atoms: [(SIMD3<Double>, Double)]) {
        let (d, _) = nearestSurface(to: centre)
        let limit = d + 2 * halfDiagonal
        var result: [(SIMD3<Double>, Double)] = []
        forEachImage(near: centre, reach: limit + maxRadius) { position, radius, _ in
            if length(centre - position) - radius <= limit { result.append((position, radius)) }
        }
        return (d, result)
    }
}

@inline(__always) func floorDivMod(_ x: Int, _ n: Int) -> (Int, Int) {
    let m = ((x % n) + n) % n
    return ((x - m) / n, m)
}
