import AnchorageCore
import Foundation

/// The characterisation plan of a recipe: the items of `characterisation.yaml` for its site, filled in for each
/// target metal (its X-ray absorption edge), kept or left out by what the recipe does (a pyrolysis with zinc, ALD),
/// and the theoretical metal loading the amounts imply, for the ICP-OES/AAS measurement to be compared with.
extension ProtocolBuilder {
    func characterisation(_ recipe: Recipe, resolved: ResolvedRecipe) -> (
        checks: [ProtocolDocument.Check], loading: [String]
    ) {
        guard let plan = knowledge.characterisation else { return ([], []) }
        let site = recipe.target.site.value
        let metals = recipe.target.metals.map(\.value)
        let kinds = Set(recipe.steps.map(\.kind.value))
        let zincBrought =
            resolved.reagents.contains { $0.metals.contains("Zn") }
            || (recipe.host?.value.uppercased().contains("ZIF") ?? false)
        func applies(_ condition: String?) -> Bool {
            switch condition {
            case nil: true
            case "pyrolysis-with-zn": kinds.contains(.pyrolyze) && zincBrought && !metals.contains("Zn")
            case "ald": kinds.contains(.ald)
            default: false
            }
        }
        let loading = theoreticalLoading(recipe, resolved: resolved)
        var checks: [ProtocolDocument.Check] = []
        for item in plan.items where (item.site == nil || item.site == site) && applies(item.when) {
            for metal in item.perMetal == true ? metals : [metals.joined(separator: ", ")] {
                let edge = plan.edges[metal]
                func fill(_ text: String) -> String {
                    text.replacingOccurrences(of: "{metal}", with: metal)
                        .replacingOccurrences(of: "{edge}", with: edge?.edge ?? "(edge not in the data)")
                        .replacingOccurrences(
                            of: "{energy}", with: edge?.energy.map { QuantityFormat.number($0) } ?? "?")
                }
                var technique = fill(item.technique)
                if edge == nil, item.technique.contains("{edge}") {
                    technique =
                        "\(fill(item.technique.replacingOccurrences(of: " ({energy} eV)", with: ""))): no edge for \(metal) in characterisation.yaml"
                } else if edge?.energy == nil {
                    technique = technique.replacingOccurrences(of: " (? eV)", with: "")
                }
                var lookFor = fill(item.lookFor)
                if item.loading == true {
                    lookFor += loading.isEmpty ? "" : ": " + loading.joined(separator: "; ")
                }
                var sources = item.source.map { [citedShort($0)] } ?? []
                if item.technique.contains("{energy}"), let edgeSource = plan.edgesSource {
                    sources.append(citedShort(edgeSource))
                }
                checks.append(
                    .init(technique: technique, lookFor: lookFor, source: sources.joined(separator: "; ")))
            }
        }
        return (checks, loading)
    }

    /// The metal loading the amounts imply if every target metal atom ends up in the product: over the support
    /// weighed in plus that metal, where the recipe weighs in a made support; otherwise over the product's mass,
    /// which the recipe cannot know (a pyrolysis loses most of the framework): the protocol gives the metal's mass
    /// for the product's weighed mass to be divided into.
    func theoreticalLoading(_ recipe: Recipe, resolved: ResolvedRecipe) -> [String] {
        let support = resolved.reagents.first { $0.role == .support }
        var lines: [String] = []
        for metal in recipe.target.metals.map(\.value) {
            guard let weight = elements.element(metal)?.weight else { continue }
            var grams = 0.0
            for reagent in resolved.reagents where reagent.role != .support {
                guard let moles = reagent.moles, let formula = reagent.formula else { continue }
                grams += moles * formula.count(of: metal) * weight
            }
            guard grams > 0 else {
                lines.append(
                    "theoretical \(metal) loading not computed: no amount of a \(metal) source in the recipe")
                continue
            }
            let mass = QuantityFormat.mass(grams: grams)
            if let supportGrams = support?.grams, supportGrams > 0 {
                let percent = grams / (supportGrams + grams) * 100
                lines.append(
                    "theoretical \(metal) \(QuantityFormat.number(percent, significant: 3)) wt % (\(mass) \(metal) on \(QuantityFormat.mass(grams: supportGrams)) of \(support?.displayName ?? "support"), if all of it is taken up)"
                )
            } else {
                lines.append(
                    "theoretical \(metal): \(mass) of \(metal) charged ÷ the product's weighed mass (all of it retained)"
                )
            }
        }
        return lines
    }
}
