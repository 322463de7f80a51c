import Foundation

/// How finely the cell is sampled.
public struct PoreAnalysisOptions: Sendable {
    /// Target spacing (Å) of the distance grid along each cell vector.
    public var gridSpacing: Double
    /// Upper limit on grid points; a larger cell gets a coarser grid (refinement keeps the answer exact).
    public var maximumGridPoints: Int

    public init(gridSpacing: Double = 0.12, maximumGridPoints: Int = 24_000_000) {
        self.gridSpacing = gridSpacing
        self.maximumGridPoints = maximumGridPoints
    }
}

/// Pore diameters of a framework, as Zeo++ defines them (`-res`: Di, Df, Dif), in Å.
public struct PoreGeometry: Sendable, Codable, Equatable {
    /// Largest cavity diameter (Zeo++ Di): the largest sphere that fits anywhere between the atoms.
    public var largestCavityDiameter: Double
    /// Pore-limiting diameter (Zeo++ Df): the largest sphere that can travel through the whole crystal.
    public var poreLimitingDiameter: Double
    /// Largest sphere that fits along that free path (Zeo++ Dif).
    public var largestCavityAlongPath: Double
    /// Cell translation (in a, b, c) that the free path crosses, e.g. [1, 0, 0]; nil when nothing percolates.
    public var channelDirection: [Int]?
    /// Grid points along a, b, c and the largest distance from any point to the nearest grid point (Å).
    public var gridPoints: [Int]
    public var gridCoverRadius: Double
    /// Bound (Å, on the diameter) on the error of the largest cavity diameters (branch and bound); see docs/pores.md.
    public var cavityErrorBound: Double
    /// The interval (Å, diameter) that the grid alone proves the pore-limiting diameter lies in.
    public var poreLimitingBracket: [Double]
    /// True when the pore-limiting diameter was placed on an exact three-atom saddle of the distance field
    /// inside that interval; false when the grid value (the interval's middle) is reported.
    public var poreLimitingRefined: Bool
    /// The distinct cavities of the cell (maxima of the distance field), largest first; see `CavityMaximum`.
    public var cavities: [CavityMaximum] = []

    /// Cavities of the cell that hold a sphere larger than `diameter` (Å): the cages a guest of that size fits.
    public func cavities(holding diameter: Double) -> Int { cavities.filter { $0.diameter > diameter }.count }
}

/// One cavity of the cell: a maximum of the distance to the nearest atom surface, per unit cell (its periodic images
/// are the same cavity).
public struct CavityMaximum: Sendable, Codable, Equatable {
    /// Largest sphere the cavity holds (Å).
    public var diameter: Double
    /// Largest sphere that can leave it for a larger cavity (Å): the window to it; nil for the largest cavity of its
    /// channel system.
    public var saddleDiameter: Double?
    /// Fractional coordinates of the cavity's centre (to the grid).
    public var position: [Double]
}

/// Computes pore diameters from atoms and radii with a periodic distance field, percolation by union-find,
/// and exact local refinement (branch and bound for maxima, three-atom saddle points for bottlenecks).
public enum PoreAnalyzer {
    public static func analyze(_ structure: CrystalStructure, radii: [Double], options: PoreAnalysisOptions = .init()) -> PoreGeometry {
        let cell = structure.cell
        let lattice = AtomLattice(cell: cell, fractional: structure.atoms.map(\.fractional), radii: radii)
        let grid = DistanceGrid(cell: cell, options: options)
        let field = grid.computeField(lattice)
        let result = Percolation(grid: grid, field: field, lattice: lattice).run()
        return result
    }
}

extension PoreAnalysisOptions {
    /// The spacing (Å) a cell of this volume gets within the grid-point limit.
    public func effectiveSpacing(for cell: UnitCell) -> Double {
        max(gridSpacing, cbrt(cell.volume / Double(max(64, maximumGridPoints))))
    }
}

/// A grid of points at voxel centres, `counts` along the cell vectors.
struct DistanceGrid: Sendable {
    let cell: UnitCell
    let counts: SIMD3<Int>
    let edges: [SIMD3<Double>]
    /// Largest distance from a voxel centre to a point of its voxel.
    let cover: Double

    init(cell: UnitCell, options: PoreAnalysisOptions) {
        self.cell = cell
        var spacing = max(options.gridSpacing, 0.01)
        func count(_ length: Double, _ h: Double) -> Int { max(4, Int(saturating: min(1e9, length / h), rounding: .up)) }
        func countsFor(_ h: Double) -> SIMD3<Int> { SIMD3(count(cell.a, h), count(cell.b, h), count(cell.c, h)) }
        func product(_ n: SIMD3<Int>) -> Double { Double(n.x) * Double(n.y) * Double(n.z) }
        let budget = Double(max(64, options.maximumGridPoints))
        var n = countsFor(spacing)
        var rounds = 0
        while product(n) > budget && rounds < 200 {
            spacing *= cbrt(product(n) / budget) * 1.001
            n = countsFor(spacing)
            rounds += 1
        }
        if product(n) > budget {
            let side = max(4, Int(saturating: cbrt(budget)))
            n = SIMD3(min(n.x, side), min(n.y, side), min(n.z, side))
        }
        counts = n
        edges = [cell.vectors[0] / Double(n.x), cell.vectors[1] / Double(n.y), cell.vectors[2] / Double(n.z)]
        cover = Self.halfDiagonal(edges[0], edges[1], edges[2])
    }

    var total: Int { counts.x * counts.y * counts.z }

    /// Half the longest diagonal of the parallelepiped with these edges.
    static func halfDiagonal(_ e1: SIMD3<Double>, _ e2: SIMD3<Double>, _ e3: SIMD3<Double>) -> Double {
        max(length(e1 + e2 + e3), length(e1 + e2 - e3), length(e1 - e2 + e3), length(-e1 + e2 + e3)) / 2
    }

    @inline(__always) func fractionalCentre(_ i: Int, _ j: Int, _ k: Int) -> SIMD3<Double> {
        SIMD3((Double(i) + 0.5) / Double(counts.x), (Double(j) + 0.5) / Double(counts.y), (Double(k) + 0.5) / Double(counts.z))
    }

    @inline(__always) func decode(_ index: Int) -> (Int, Int, Int) {
        let i = index % counts.x
        let rest = index / counts.x
        return (i, rest % counts.y, rest / counts.y)
    }

    /// Distance to the nearest atom surface at every voxel centre, in parallel over blocks of the grid.
    func computeField(_ lattice: AtomLattice) -> [Float] {
        let block = 16, tile = 4
        let blocks = SIMD3((counts.x + block - 1) / block, (counts.y + block - 1) / block, (counts.z + block - 1) / block)
        var field = [Float](repeating: 0, count: total)
        field.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: blocks.x * blocks.y * blocks.z) { blockIndex in
                let bi = blockIndex % blocks.x, bj = (blockIndex / blocks.x) % blocks.y, bk = blockIndex / (blocks.x * blocks.y)
                let lo = SIMD3(bi * block, bj * block, bk * block)
                let hi = SIMD3(min(counts.x, lo.x + block), min(counts.y, lo.y + block), min(counts.z, lo.z + block))
                fillBlock(lattice, lo: lo, hi: hi, tile: tile, out: out)
            }
        }
        return field
    }

    private func fillBlock(_ lattice: AtomLattice, lo: SIMD3<Int>, hi: SIMD3<Int>, tile: Int, out: SendableBuffer) {
        let centre = cell.cartesian(
            SIMD3(Double(lo.x + hi.x) / Double(2 * counts.x), Double(lo.y + hi.y) / Double(2 * counts.y), Double(lo.z + hi.z) / Double(2 * counts.z)))
        let span = hi &- lo &- 1
        let halfDiagonal = Self.halfDiagonal(edges[0] * Double(span.x), edges[1] * Double(span.y), edges[2] * Double(span.z))
        let (_, unsorted) = lattice.candidates(around: centre, halfDiagonal: halfDiagonal)
        // Sorted by distance from the block centre's surface so tiles can stop early.
        let nearby = unsorted.map { ($0.0, $0.1, length($0.0 - centre) - $0.1) }.sorted { $0.2 < $1.2 }
        // Positions relative to the block centre, in single precision for speed.
        let bx = nearby.map { Float($0.0.x - centre.x) }, by = nearby.map { Float($0.0.y - centre.y) }
        let bz = nearby.map { Float($0.0.z - centre.z) }, br = nearby.map { Float($0.1) }
        let bkey = nearby.map { Float($0.2) }
        var tx = [Float](), ty = [Float](), tz = [Float](), tr = [Float](), tk_ = [Float]()
        var keyed: [(Float, Int)] = []
        tx.reserveCapacity(nearby.count); ty.reserveCapacity(nearby.count); tz.reserveCapacity(nearby.count); tr.reserveCapacity(nearby.count)
        var tk = lo.z
        while tk < hi.z {
            let tkEnd = min(hi.z, tk + tile)
            var tj = lo.y
            while tj < hi.y {
                let tjEnd = min(hi.y, tj + tile)
                var ti = lo.x
                while ti < hi.x {
                    let tiEnd = min(hi.x, ti + tile)
                    let tileCentre = cell.cartesian(
                        SIMD3(Double(ti + tiEnd) / Double(2 * counts.x), Double(tj + tjEnd) / Double(2 * counts.y), Double(tk + tkEnd) / Double(2 * counts.z)))
                        - centre
                    let tileHalf = Self.halfDiagonal(
                        edges[0] * Double(tiEnd - ti - 1), edges[1] * Double(tjEnd - tj - 1), edges[2] * Double(tkEnd - tk - 1))
                    let cx = Float(tileCentre.x), cy = Float(tileCentre.y), cz = Float(tileCentre.z)
                    // |tile centre - block centre|: a block key less this bounds the distance from the tile centre.
                    let offset = (cx * cx + cy * cy + cz * cz).squareRoot() + 1e-4
                    var dCentre = Float.infinity
                    for a in 0..<bx.count {
                        if bkey[a] - offset >= dCentre { break }
                        let dx = cx - bx[a], dy = cy - by[a], dz = cz - bz[a]
                        dCentre = min(dCentre, (dx * dx + dy * dy + dz * dz).squareRoot() - br[a])
                    }
                    let half = Float(tileHalf)
                    let limit = dCentre + 2 * half + 1e-3
                    // Candidates sorted by their distance from the tile centre: a voxel stops looking once
                    // that distance, less the tile's half-diagonal, exceeds its best so far.
                    keyed.removeAll(keepingCapacity: true)
                    for a in 0..<bx.count {
                        if bkey[a] - offset > limit { break }
                        let dx = cx - bx[a], dy = cy - by[a], dz = cz - bz[a]
                        let key = (dx * dx + dy * dy + dz * dz).squareRoot() - br[a]
                        if key <= limit { keyed.append((key, a)) }
                    }
                    keyed.sort { $0.0 < $1.0 }
                    tx.removeAll(keepingCapacity: true); ty.removeAll(keepingCapacity: true)
                    tz.removeAll(keepingCapacity: true); tr.removeAll(keepingCapacity: true); tk_.removeAll(keepingCapacity: true)
                    for (key, a) in keyed {
                        tx.append(bx[a]); ty.append(by[a]); tz.append(bz[a]); tr.append(br[a]); tk_.append(key - half)
                    }
                    for k in tk..<tkEnd {
                        for j in tj..<tjEnd {
                            for i in ti..<tiEnd {
                                let p = cell.cartesian(fractionalCentre(i, j, k)) - centre
                                let px = Float(p.x), py = Float(p.y), pz = Float(p.z)
                                var best = Float.infinity
                                for a in 0..<tx.count {
                                    if tk_[a] >= best { break }
                                    let dx = px - tx[a], dy = py - ty[a], dz = pz - tz[a]
                                    best = min(best, (dx * dx + dy * dy + dz * dz).squareRoot() - tr[a])
                                }
                                out[i + counts.x * (j + counts.y * k)] = best
                            }
                        }
                    }
                    ti = tiEnd
                }
                tj = tjEnd
            }
            tk = tkEnd
        }
    }
}

/// Lets blocks running in parallel write disjoint parts of one array.
struct SendableBuffer: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Float>
    init(_ base: UnsafeMutableBufferPointer<Float>) { self.base = base }
    subscript(index: Int) -> Float {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

