import Foundation

/// Sizes of a molecule from its atomic coordinates, each atom a sphere of its van der Waals radius.
public struct MolecularSizes: Sendable, Codable, Hashable {
    /// Diameter of the smallest sphere enclosing every atom's van der Waals sphere (Å): what a cage must hold.
    public var enclosingSphereVDW: Double
    /// Diameter of the narrowest circular aperture the molecule can pass through, over all orientations (Å): what a
    /// window must let through.
    public var minCrossSectionVDW: Double
    /// Largest distance between two atoms' van der Waals surfaces, max over pairs of d + r_i + r_j (Å).
    public var longestVDW: Double
    /// Largest distance between two atom centres (Å): the convention of most literature "molecular diameters".
    public var longestNuclear: Double
    /// The direction (unit vector) along which the molecule presents its minimum cross-section.
    public var minCrossSectionDirection: [Double]

    enum CodingKeys: String, CodingKey {
        case enclosingSphereVDW = "enclosing_sphere_vdw_A", minCrossSectionVDW = "min_cross_section_vdw_A"
        case longestVDW = "longest_vdw_A", longestNuclear = "longest_nuclear_A"
        case minCrossSectionDirection = "min_cross_section_direction"
    }
}

public enum GeometryError: Error, Sendable, Hashable, CustomStringConvertible {
    case noRadius(element: String, atomIndex: Int)
    case empty

    public var description: String {
        switch self {
        case .noRadius(let element, let index):
            "atom \(index) is '\(element)', which has no van der Waals radius in vdw-radii.yaml"
        case .empty: "the molecule has no atoms"
        }
    }
}

/// Smallest enclosing sphere and minimum cross-section of a set of van der Waals spheres.
public enum MolecularGeometry {
    /// Orientations sampled (a Fibonacci lattice on the half sphere) before the best one is refined; the shipped
    /// sizes were computed with the same number.
    public static let sampledOrientations = 4000

    public static func sizes(of atoms: [Atom], radii: VanDerWaalsRadii) throws -> MolecularSizes {
        guard !atoms.isEmpty else { throw GeometryError.empty }
        var spheres = BallSet(centres: [], radii: [], dimensions: 3)
        for (index, atom) in atoms.enumerated() {
            guard let radius = radii.radius(of: atom.element) else {
                throw GeometryError.noRadius(element: atom.element, atomIndex: index + 1)
            }
            spheres.centres.append(atom.position)
            spheres.radii.append(radius)
        }
        var longestVDW = 0.0
        var longestNuclear = 0.0
        for i in 0..<spheres.count {
            longestVDW = max(longestVDW, 2 * spheres.radii[i])
            for j in (i + 1)..<spheres.count {
                let d = length(spheres.centres[i] - spheres.centres[j])
                longestNuclear = max(longestNuclear, d)
                longestVDW = max(longestVDW, d + spheres.radii[i] + spheres.radii[j])
            }
        }
        let sphere = smallestEnclosingBall(spheres)
        let (crossSection, direction) = minimumCrossSection(spheres)
        return MolecularSizes(
            enclosingSphereVDW: 2 * sphere.radius, minCrossSectionVDW: crossSection, longestVDW: longestVDW,
            longestNuclear: longestNuclear, minCrossSectionDirection: [direction.x, direction.y, direction.z])
    }

    // MARK: Minimum cross-section

    /// The narrowest circular aperture: for a direction u, the smallest circle enclosing the discs the atoms cast on
    /// the plane normal to u; minimised over sampled directions, then refined around the best one.
    static func minimumCrossSection(_ spheres: BallSet) -> (Double, SIMD3<Double>) {
        let directions = halfSphereDirections(count: sampledOrientations)
        // A cheap lower bound per direction (the widest projected pair) lets most directions be skipped exactly.
        let bounds = directions.map { projectedPairBound(spheres, along: $0) }
        let order = bounds.indices.sorted { bounds[$0] < bounds[$1] }
        var best = (diameter: Double.infinity, direction: directions[0])
        for index in order {
            if bounds[index] >= best.diameter - 1e-12 { break }
            let diameter = projectedDiameter(spheres, along: directions[index])
            if diameter < best.diameter { best = (diameter, directions[index]) }
        }
        // Refine in the two angles of the direction around the best sample.
        let (axisA, axisB) = perpendicularBasis(best.direction)
        func direction(_ p: SIMD2<Double>) -> SIMD3<Double> {
            normalised(best.direction + p.x * axisA + p.y * axisB)
        }
        let refined = NelderMead.minimise(start: .zero, dimensions: 2, step: 0.02, tolerance: 1e-10, maxEvaluations: 300) {
            projectedDiameter(spheres, along: direction(SIMD2($0.x, $0.y)))
        }
        if refined.value < best.diameter { best = (refined.value, direction(SIMD2(refined.point.x, refined.point.y))) }
        return (best.diameter, best.direction)
    }

    static func projectedDiameter(_ spheres: BallSet, along u: SIMD3<Double>) -> Double {
        let (a, b) = perpendicularBasis(u)
        let discs = BallSet(centres: spheres.centres.map { SIMD3(dot($0, a), dot($0, b), 0) }, radii: spheres.radii, dimensions: 2)
        return 2 * smallestEnclosingBall(discs, restarts: 2).radius
    }

    /// The widest projected pair, max over pairs of |p_i − p_j|⊥ + r_i + r_j: a lower bound of the projected circle.
    /// Plain scalar loops over flat buffers: this runs for every sampled direction.
    static func projectedPairBound(_ spheres: BallSet, along u: SIMD3<Double>) -> Double {
        let (a, b) = perpendicularBasis(u)
        let count = spheres.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * count) { buffer in
            var bound = 0.0
            for i in 0..<count {
                let c = spheres.centres[i]
                buffer[3 * i] = c.x * a.x + c.y * a.y + c.z * a.z
                buffer[3 * i + 1] = c.x * b.x + c.y * b.y + c.z * b.z
                buffer[3 * i + 2] = spheres.radii[i]
                bound = max(bound, 2 * spheres.radii[i])
            }
            for i in 0..<count {
                let xi = buffer[3 * i], yi = buffer[3 * i + 1], ri = buffer[3 * i + 2]
                var j = i + 1
                while j < count {
                    let dx = xi - buffer[3 * j], dy = yi - buffer[3 * j + 1]
                    let reach = (dx * dx + dy * dy).squareRoot() + ri + buffer[3 * j + 2]
                    if reach > bound { bound = reach }
                    j += 1
                }
            }
            return bound
        }
    }

    static func halfSphereDirections(count: Int) -> [SIMD3<Double>] {
        let golden = Double.pi * (3 - 5.0.squareRoot())
        return (0..<count).map { i in
            let z = 1 - (Double(i) + 0.5) / Double(count)
            let r = (1 - z * z).squareRoot()
            let phi = golden * Double(i)
            return SIMD3(r * cos(phi), r * sin(phi), z)
        }
    }

    static func perpendicularBasis(_ u: SIMD3<Double>) -> (SIMD3<Double>, SIMD3<Double>) {
        let helper = abs(u.x) < 0.9 ? SIMD3<Double>(1, 0, 0) : SIMD3<Double>(0, 1, 0)
        let a = normalised(cross(u, helper))
        return (a, cross(u, a))
    }

    // MARK: Smallest enclosing ball of balls

    /// Minimises the convex function max_i(|c − p_i| + r_i): a Bădoiu–Clarkson walk towards the farthest surface
    /// point to get close, then Nelder–Mead restarts with shrinking steps to converge. Discs in a plane are balls
    /// with z = 0 and `dimensions` 2.
    static func smallestEnclosingBall(_ balls: BallSet, restarts: Int = 4) -> (centre: SIMD3<Double>, radius: Double) {
        var lower = SIMD3<Double>(repeating: .infinity)
        var upper = SIMD3<Double>(repeating: -.infinity)
        for i in 0..<balls.count {
            let r = SIMD3<Double>(repeating: balls.radii[i])
            lower = pointwiseMin(lower, balls.centres[i] - r)
            upper = pointwiseMax(upper, balls.centres[i] + r)
        }
        var centre = (lower + upper) * 0.5
        if balls.dimensions == 2 { centre.z = 0 }
        for k in 1...100 {
            let (index, _) = balls.farthest(from: centre)
            let offset = balls.centres[index] - centre
            let distance = length(offset)
            let target = distance > 0 ? balls.centres[index] + offset * (balls.radii[index] / distance) : balls.centres[index]
            centre += (target - centre) * (1 / Double(k + 1))
        }
        var best = (point: centre, value: balls.farthest(from: centre).reach)
        var step = 0.5
        for _ in 0..<restarts {
            let result = NelderMead.minimise(start: best.point, dimensions: balls.dimensions, step: step, tolerance: 1e-11,
                                             maxEvaluations: 600) { balls.farthest(from: $0).reach }
            if result.value < best.value { best = result }
            step *= 0.2
        }
        return (best.point, best.value)
    }
}

/// Balls (or discs, with z = 0) as flat arrays: the inner loop of every size computation.
struct BallSet {
    var centres: [SIMD3<Double>]
    var radii: [Double]
    var dimensions: Int
    var count: Int { radii.count }

    /// The ball whose far surface is farthest from `c`, and that distance.
    func farthest(from c: SIMD3<Double>) -> (index: Int, reach: Double) {
        centres.withUnsafeBufferPointer { centres in
            radii.withUnsafeBufferPointer { radii in
                var best = (index: 0, reach: -Double.infinity)
                for i in 0..<radii.count {
                    let dx = centres[i].x - c.x, dy = centres[i].y - c.y, dz = centres[i].z - c.z
                    let reach = (dx * dx + dy * dy + dz * dz).squareRoot() + radii[i]
                    if reach > best.reach { best = (i, reach) }
                }
                return best
            }
        }
    }
}

func length(_ v: SIMD3<Double>) -> Double { (v * v).sum().squareRoot() }
func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }
func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}
func normalised(_ v: SIMD3<Double>) -> SIMD3<Double> { v / length(v) }

/// Derivative-free minimisation of a function of two or three variables (Nelder & Mead, Comput. J. 1965, 7, 308).
enum NelderMead {
    static func minimise(start: SIMD3<Double>, dimensions: Int, step: Double, tolerance: Double, maxEvaluations: Int = 4000,
                         _ f: (SIMD3<Double>) -> Double) -> (point: SIMD3<Double>, value: Double) {
        var simplex: [(point: SIMD3<Double>, value: Double)] = [(start, f(start))]
        for axis in 0..<dimensions {
            var p = start
            p[axis] += step
            simplex.append((p, f(p)))
        }
        var evaluations = simplex.count
        while evaluations < maxEvaluations {
            simplex.sort { $0.value < $1.value }
            let bestValue = simplex[0].value
            let worst = simplex[simplex.count - 1]
            if worst.value - bestValue <= tolerance * max(1, abs(bestValue)) {
                var spread = 0.0
                for vertex in simplex { spread = max(spread, length(vertex.point - simplex[0].point)) }
                if spread < 1e-9 { break }
            }
            var centroid = SIMD3<Double>.zero
            for vertex in simplex.dropLast() { centroid += vertex.point }
            centroid /= Double(simplex.count - 1)
            let reflected = centroid + (centroid - worst.point)
            let reflectedValue = f(reflected); evaluations += 1
            if reflectedValue < bestValue {
                let expanded = centroid + 2 * (centroid - worst.point)
                let expandedValue = f(expanded); evaluations += 1
                simplex[simplex.count - 1] = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < simplex[simplex.count - 2].value {
                simplex[simplex.count - 1] = (reflected, reflectedValue)
            } else {
                let contracted = centroid + 0.5 * (worst.point - centroid)
                let contractedValue = f(contracted); evaluations += 1
                if contractedValue < worst.value {
                    simplex[simplex.count - 1] = (contracted, contractedValue)
                } else {
                    for index in 1..<simplex.count {
                        let shrunk = simplex[0].point + 0.5 * (simplex[index].point - simplex[0].point)
                        simplex[index] = (shrunk, f(shrunk)); evaluations += 1
                    }
                }
            }
        }
        return simplex.min { $0.value < $1.value } ?? (start, f(start))
    }
}
