import Foundation

/// Finds the largest sphere that can cross the periodic cell: grid points are added from the most open to the
/// most crowded, joined to their 26 neighbours by a union-find that remembers, for each point, which periodic
/// image of its root it belongs to. The first join of a component with a shifted image of itself is a path
/// that wraps around the crystal: the free sphere percolates.
struct Percolation {
    let grid: DistanceGrid
    let field: [Float]
    let lattice: AtomLattice
    /// Width (Å) of the buckets used to order grid points by distance.
    let bucketWidth: Float = 0.01

    func run() -> PoreGeometry {
        let n = grid.counts
        let total = grid.total
        var maximum: Float = -.infinity
        for value in field where value > maximum { maximum = value }
        let cover = grid.cover

        // Grid points outside every atom, ordered by decreasing distance (counting sort on buckets).
        let bucketCount = max(1, Int(saturating: Double(max(0, maximum) / bucketWidth)) + 2)
        var bucketStart = [Int32](repeating: 0, count: bucketCount + 1)
        for value in field where value >= 0 {
            bucketStart[bucketCount - 1 - Int(saturating: Double(value / bucketWidth))] += 1
        }
        var running: Int32 = 0
        for b in 0..<bucketCount {
            let c = bucketStart[b]
            bucketStart[b] = running
            running += c
        }
        let open = Int(running)
        var order = [Int32](repeating: 0, count: open)
        for index in 0..<total where field[index] >= 0 {
            let b = bucketCount - 1 - Int(saturating: Double(field[index] / bucketWidth))
            order[Int(bucketStart[b])] = Int32(index)
            bucketStart[b] += 1
        }

        let cavity = refineMaximum(seeds: seedsNear(maximum, order: order, limit: open))
        let cavities = cavityMaxima(order: order, open: open)

        var parent = [Int32](repeating: -1, count: total)
        var offsets = [SIMD3<Int16>](repeating: .zero, count: total)
        var neighbours: [(Int, Int, Int)] = []
        for dk in -1...1 { for dj in -1...1 { for di in -1...1 where di != 0 || dj != 0 || dk != 0 { neighbours.append((di, dj, dk)) } } }

        var found: (point: Int, processed: Int, root: Int, winding: SIMD3<Int16>)? = nil
        parent.withUnsafeMutableBufferPointer { parent in
            offsets.withUnsafeMutableBufferPointer { offsets in
                func find(_ x: Int) -> (Int, SIMD3<Int16>) {
                    var root = x
                    var shift = SIMD3<Int16>.zero
                    while Int(parent[root]) != root {
                        shift &+= offsets[root]
                        root = Int(parent[root])
                    }
                    var node = x
                    var remaining = shift
                    while Int(parent[node]) != root && node != root {
                        let next = Int(parent[node])
                        let own = offsets[node]
                        parent[node] = Int32(root)
                        offsets[node] = remaining
                        remaining &-= own
                        node = next
                    }
                    return (root, shift)
                }
                outer: for position in 0..<open {
                    let u = Int(order[position])
                    parent[u] = Int32(u)
                    offsets[u] = .zero
                    let (i, j, k) = grid.decode(u)
                    // u's root and its image, kept current as components merge.
                    var ru = u
                    var su = SIMD3<Int16>.zero
                    for (di, dj, dk) in neighbours {
                        var ni = i + di, nj = j + dj, nk = k + dk
                        var s = SIMD3<Int16>.zero
                        if ni < 0 { ni += n.x; s.x = -1 } else if ni >= n.x { ni -= n.x; s.x = 1 }
                        if nj < 0 { nj += n.y; s.y = -1 } else if nj >= n.y { nj -= n.y; s.y = 1 }
                        if nk < 0 { nk += n.z; s.z = -1 } else if nk >= n.z { nk -= n.z; s.z = 1 }
                        let v = ni + n.x * (nj + n.y * nk)
                        if parent[v] < 0 { continue }
                        let (rv, sv) = find(v)
                        let t = su &+ s &- sv
                        if ru == rv {
                            if t != .zero {
                                found = (u, position, ru, t)
                                break outer
                            }
                        } else if field[ru] >= field[rv] {
                            parent[rv] = Int32(ru)
                            offsets[rv] = t
                        } else {
                            parent[ru] = Int32(rv)
                            offsets[ru] = SIMD3<Int16>.zero &- t
                            su &-= t
                            ru = rv
                        }
                    }
                }
            }
        }

        guard let found else {
            return PoreGeometry(
                largestCavityDiameter: 2 * max(0, cavity.value), poreLimitingDiameter: 0, largestCavityAlongPath: 0, channelDirection: nil,
                gridPoints: [n.x, n.y, n.z], gridCoverRadius: cover, cavityErrorBound: 2 * cavity.bound,
                poreLimitingBracket: [0, 2 * (cover + Double(bucketWidth))], poreLimitingRefined: false, cavities: cavities)
        }

        // The component that wraps: its most open points seed the largest sphere along the path.
        let rootValue = field[found.root]
        var pathSeeds: [Int] = []
        for position in 0...found.processed {
            let v = Int(order[position])
            if Double(field[v]) + cover < Double(rootValue) { break }
            var root = v
            while Int(parent[root]) != root { root = Int(parent[root]) }
            if root == found.root { pathSeeds.append(v) }
        }
        let alongPath = refineMaximum(seeds: pathSeeds)

        let gridValue = Double(field[found.point])
        let bracket = cover + Double(bucketWidth)
        let centre = lattice.cell.cartesian(grid.fractionalCentre(grid.decode(found.point).0, grid.decode(found.point).1, grid.decode(found.point).2))
        let saddle = SaddleSearch(lattice: lattice).saddle(near: centre, gridValue: gridValue, bracket: bracket)
        let limiting = saddle ?? gridValue
        let winding = [Int(found.winding.x), Int(found.winding.y), Int(found.winding.z)]
        return PoreGeometry(
            largestCavityDiameter: 2 * max(0, cavity.value),
            poreLimitingDiameter: 2 * max(0, min(limiting, cavity.value)),
            largestCavityAlongPath: 2 * max(0, max(alongPath.value, limiting)),
            channelDirection: winding,
            gridPoints: [n.x, n.y, n.z], gridCoverRadius: cover,
            cavityErrorBound: 2 * max(cavity.bound, alongPath.bound),
            poreLimitingBracket: [2 * max(0, gridValue - bracket), 2 * (gridValue + bracket)],
            poreLimitingRefined: saddle != nil, cavities: cavities)
    }

    /// The distinct cavities of one cell: the maxima of the distance field, each with the level at which it joins a
    /// more open cavity (its saddle, the widest way out). Grid points are added from the most open down, as above;
    /// a new point with no open neighbour starts a cavity, and when two cavities meet the lower one ends there
    /// (0-dimensional persistence). Periodic images are one point of the grid, so a cavity and its images are one.
    /// Maxima whose height above their saddle is within the grid's resolution are not kept; see docs/pores.md.
    func cavityMaxima(order: [Int32], open: Int) -> [CavityMaximum] {
        let n = grid.counts
        let total = grid.total
        let significance = max(Self.minimumCavityProminence, 2 * grid.cover)
        var parent = [Int32](repeating: -1, count: total)
        var ended: [(root: Int, saddle: Float)] = []
        var neighbours: [(Int, Int, Int)] = []
        for dk in -1...1 { for dj in -1...1 { for di in -1...1 where di != 0 || dj != 0 || dk != 0 { neighbours.append((di, dj, dk)) } } }
        parent.withUnsafeMutableBufferPointer { parent in
            func find(_ x: Int) -> Int {
                var root = x
                while Int(parent[root]) != root { root = Int(parent[root]) }
                var node = x
                while Int(parent[node]) != root {
                    let next = Int(parent[node])
                    parent[node] = Int32(root)
                    node = next
                }
                return root
            }
            for position in 0..<open {
                let u = Int(order[position])
                parent[u] = Int32(u)
                var ru = u
                let (i, j, k) = grid.decode(u)
                for (di, dj, dk) in neighbours {
                    var ni = i + di, nj = j + dj, nk = k + dk
                    if ni < 0 { ni += n.x } else if ni >= n.x { ni -= n.x }
                    if nj < 0 { nj += n.y } else if nj >= n.y { nj -= n.y }
                    if nk < 0 { nk += n.z } else if nk >= n.z { nk -= n.z }
                    let v = ni + n.x * (nj + n.y * nk)
                    if parent[v] < 0 { continue }
                    let rv = find(v)
                    if rv == ru { continue }
                    // The lower cavity ends at this level; the point itself belongs to neither as a maximum.
                    let (high, low) = field[ru] >= field[rv] ? (ru, rv) : (rv, ru)
                    if low != u { ended.append((low, field[u])) }
                    parent[low] = Int32(high)
                    ru = high
                }
            }
        }
        var endedRoots = Set<Int>()
        var result: [CavityMaximum] = []
        func cavity(_ root: Int, saddle: Float?) -> CavityMaximum? {
            // A maximum only as high as its saddle within the grid's resolution is the grid's, not the structure's.
            // A pocket with no way out must stand out from the atoms' surfaces by as much.
            if Double(field[root] - (saddle ?? 0)) < significance { return nil }
            // Refined within the voxel of the grid maximum: the diameter to better than the grid's cover.
            let (i, j, k) = grid.decode(root)
            let refined = refineMaximum(seeds: [root]).value
            return CavityMaximum(
                diameter: 2 * max(0, max(refined, Double(field[root]))), saddleDiameter: saddle.map { 2 * max(0, Double($0)) },
                position: [grid.fractionalCentre(i, j, k).x, grid.fractionalCentre(i, j, k).y, grid.fractionalCentre(i, j, k).z])
        }
        for (root, saddle) in ended {
            endedRoots.insert(root)
            if let found = cavity(root, saddle: saddle) { result.append(found) }
        }
        for index in 0..<total where parent[index] == Int32(index) && !endedRoots.contains(index) {
            if let found = cavity(index, saddle: nil) { result.append(found) }
        }
        return result.sorted { $0.diameter > $1.diameter }
    }

    /// Smallest height (Å, on the radius) of a maximum above its saddle for it to count as a cavity of its own.
    static let minimumCavityProminence = 0.25


    /// Grid points whose voxel may hold a value above `level` (within the voxel's cover).
    private func seedsNear(_ level: Float, order: [Int32], limit: Int) -> [Int] {
        var seeds: [Int] = []
        for position in 0..<limit {
            let v = Int(order[position])
            if Double(field[v]) + grid.cover < Double(level) - Double(bucketWidth) { break }
            if Double(field[v]) + grid.cover >= Double(level) { seeds.append(v) }
        }
        return seeds
    }

    /// Branch and bound on voxels: the distance field is 1-Lipschitz, so a cell whose centre value plus its
    /// cover is below the best value found cannot hold the maximum. Returns the maximum and its error bound.
    func refineMaximum(seeds: [Int]) -> (value: Double, bound: Double) {
        if seeds.isEmpty { return (-.infinity, 0) }
        let n = grid.counts
        let tolerance = 1e-5
        var best = -Double.infinity
        // Highest upper bound left in any seed's cells when refinement stopped.
        var openBound = -Double.infinity
        let ordered = seeds.sorted { field[$0] > field[$1] }
        for seed in ordered {
            if Double(field[seed]) + grid.cover <= best { break }
            let (i, j, k) = grid.decode(seed)
            let f0 = grid.fractionalCentre(i, j, k)
            let c0 = lattice.cell.cartesian(f0)
            // Every atom that can be nearest to a point of this voxel.
            let (d0, nearby) = lattice.candidates(around: c0, halfDiagonal: grid.cover)
            best = max(best, d0)
            func distance(_ p: SIMD3<Double>) -> Double {
                var d = Double.infinity
                for (x, r) in nearby { d = min(d, length(p - x) - r) }
                return d
            }
            var halfSize = SIMD3(0.5 / Double(n.x), 0.5 / Double(n.y), 0.5 / Double(n.z))
            var cover = grid.cover
            var cells: [(SIMD3<Double>, Double)] = [(f0, d0)]
            while cover > tolerance {
                cells = cells.filter { $0.1 + cover > best + 1e-9 }
                if cells.isEmpty { break }
                if cells.count > 4096 {
                    cells.sort { $0.1 > $1.1 }
                    cells.removeLast(cells.count - 4096)
                }
                halfSize /= 2
                cover /= 2
                var children: [(SIMD3<Double>, Double)] = []
                children.reserveCapacity(cells.count * 8)
                for (f, _) in cells {
                    for sx in [-1.0, 1.0] { for sy in [-1.0, 1.0] { for sz in [-1.0, 1.0] {
                        let child = f + SIMD3(sx, sy, sz) * halfSize
                        let d = distance(lattice.cell.cartesian(child))
                        if d > best { best = d }
                        children.append((child, d))
                    } } }
                }
                cells = children
            }
            for (_, d) in cells { openBound = max(openBound, d + cover) }
        }
        return (best, max(0, openBound - best))
    }
}

/// Exact bottleneck of a channel: the point in the plane of three atoms equally far from their three surfaces,
/// where the distance field has a saddle (a maximum across the window, a minimum along the channel).
struct SaddleSearch {
    let lattice: AtomLattice
    var neighbourCount = 24
    var searchRadius = 3.0

    func saddle(near point: SIMD3<Double>, gridValue: Double, bracket: Double) -> Double? {
        let (centreDistance, _) = lattice.nearestSurface(to: point)
        // Every atom that could come closer than t to a point within the search radius: a complete local check.
        var nearby: [(SIMD3<Double>, Double, Double)] = []
        let shell = max(centreDistance, gridValue + bracket) + searchRadius + 0.01
        lattice.forEachImage(near: point, reach: shell + lattice.maxRadius) { position, radius, _ in
            let surface = length(point - position) - radius
            if surface <= shell { nearby.append((position, radius, surface)) }
        }
        nearby.sort { $0.2 < $1.2 }
        let atoms = Array(nearby.prefix(neighbourCount))

        var bestValue: Double? = nil
        var bestDistance = Double.infinity
        let m = atoms.count
        guard m >= 3 else { return nil }
        for a in 0..<(m - 2) { for b in (a + 1)..<(m - 1) { for c in (b + 1)..<m {
            for (x, t) in Self.equidistantPoints(atoms[a].0, atoms[a].1, atoms[b].0, atoms[b].1, atoms[c].0, atoms[c].1) {
                guard abs(t - gridValue) <= bracket else { continue }
                let away = length(x - point)
                guard away <= searchRadius, away < bestDistance else { continue }
                guard Self.isSaddle(x, [atoms[a].0, atoms[b].0, atoms[c].0]) else { continue }
                // No other atom may come closer than the three.
                var clear = true
                for other in nearby where length(x - other.0) - other.1 < t - 1e-7 { clear = false; break }
                if !clear { continue }
                bestValue = t
                bestDistance = away
            }
        } } }
        return bestValue
    }

    /// Points in the plane of three centres whose distances to the three spheres' surfaces are equal (t).
    static func equidistantPoints(
        _ c1: SIMD3<Double>, _ r1: Double, _ c2: SIMD3<Double>, _ r2: Double, _ c3: SIMD3<Double>, _ r3: Double
    ) -> [(SIMD3<Double>, Double)] {
        let d2 = c2 - c1
        let u2 = length(d2)
        guard u2 > 1e-8 else { return [] }
        let e1 = d2 / u2
        let d3 = c3 - c1
        let u3 = dot(d3, e1)
        let perpendicular = d3 - e1 * u3
        let v3 = length(perpendicular)
        guard v3 > 1e-6 else { return [] }
        let e2 = perpendicular / v3
        // X = A0 + A1 t, Y = B0 + B1 t from the differences of the three circle equations.
        let a0 = (u2 * u2 - r2 * r2 + r1 * r1) / (2 * u2)
        let a1 = -(r2 - r1) / u2
        let b0 = (u3 * u3 + v3 * v3 - r3 * r3 + r1 * r1 - 2 * u3 * a0) / (2 * v3)
        let b1 = (-2 * (r3 - r1) - 2 * u3 * a1) / (2 * v3)
        let qa = a1 * a1 + b1 * b1 - 1
        let qb = 2 * (a0 * a1 + b0 * b1 - r1)
        let qc = a0 * a0 + b0 * b0 - r1 * r1
        var roots: [Double] = []
        if abs(qa) < 1e-12 {
            if abs(qb) > 1e-12 { roots.append(-qc / qb) }
        } else {
            let disc = qb * qb - 4 * qa * qc
            if disc >= 0 {
                let s = disc.squareRoot()
                roots.append((-qb + s) / (2 * qa))
                roots.append((-qb - s) / (2 * qa))
            }
        }
        return roots.compactMap { t in
            guard t + r1 > 0, t + r2 > 0, t + r3 > 0 else { return nil }
            return (c1 + e1 * (a0 + a1 * t) + e2 * (b0 + b1 * t), t)
        }
    }

    /// The point is a critical point of the smallest of the three distances when the directions from the three
    /// centres to it balance: the origin lies in the triangle of the three unit vectors.
    static func isSaddle(_ x: SIMD3<Double>, _ centres: [SIMD3<Double>]) -> Bool {
        let u = centres.map { c -> SIMD3<Double> in
            let v = x - c
            return v / length(v)
        }
        // Barycentric coordinates of the origin in triangle u0 u1 u2 (they are coplanar).
        let n = cross(u[1] - u[0], u[2] - u[0])
        let area = dot(n, n)
        guard area > 1e-14 else { return false }
        let w0 = dot(cross(u[1], u[2]), n) / area
        let w1 = dot(cross(u[2], u[0]), n) / area
        let w2 = dot(cross(u[0], u[1]), n) / area
        let tolerance = -1e-6
        return w0 >= tolerance && w1 >= tolerance && w2 >= tolerance
    }
}
