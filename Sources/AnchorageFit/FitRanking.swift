import AnchorageCore
import Foundation

extension FitMode {
    /// Order of preference when ranking hosts for single atoms: trapped first, unknowns before the impossible.
    var rank: Int {
        switch self {
        case .inSitu: 0
        case .impregnation: 1
        case .notConfined: 2
        case .undetermined: 3
        case .tooLarge: 4
        }
    }
}

extension FitCatalog {
    /// Every catalog framework for one precursor, best host first: by mode, then by the snuggest cage.
    public func rankFrameworks(for precursor: Precursor) -> [FitVerdict] {
        frameworks.map { assessFit(precursor, $0) }.sorted(by: FitCatalog.better)
    }

    /// Every catalog precursor for one framework, best guest first.
    public func rankPrecursors(for framework: Framework) -> [FitVerdict] {
        precursors.map { assessFit($0, framework) }.sorted(by: FitCatalog.better)
    }

    static func better(_ a: FitVerdict, _ b: FitVerdict) -> Bool {
        if a.mode.rank != b.mode.rank { return a.mode.rank < b.mode.rank }
        let slackA = a.framework.cageDiameter.flatMap { lcd in a.effectiveCageSize.map { lcd - $0 } } ?? .infinity
        let slackB = b.framework.cageDiameter.flatMap { lcd in b.effectiveCageSize.map { lcd - $0 } } ?? .infinity
        if slackA != slackB { return abs(slackA) < abs(slackB) }
        return (a.framework.name, a.precursor.name) < (b.framework.name, b.precursor.name)
    }
}

/// The ranking order of `rankFrameworks`, for hosts judged outside the catalog (a folder of CIFs).
public enum FitCatalogRanking {
    public static func better(_ a: FitVerdict, _ b: FitVerdict) -> Bool { FitCatalog.better(a, b) }
}
