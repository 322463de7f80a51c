struct RecipeAsksTooMuchRule: LoaderRule {
    static let description = RuleDescription(
        id: "FMT-010", name: "recipe-asks-too-much", family: .format, severity: .error, basis: .recipeDefect,
        summary: "A recipe must stay within the limits of input-limits.yaml: metals per target, reagents, steps, names.",
        rationale: """
            A published synthesis names one to a few metals, a few dozen reagents and steps, and names of a few words. \
            A file with five thousand metals, a 50,000-character host name or ten thousand steps is a generated or \
            damaged file, and every check run over it would cost time and output out of all proportion. Such a file is \
            refused where the excess starts, before any rule runs; each limit and its reason is in input-limits.yaml.
            """,
        references: ["rfc-9512-yaml-media-type"],
        triggering: [
            RuleExample(
                """
                anchorage: 1
                id: too-many-metals
                title: A target naming more metals than any catalyst holds
                target: {metals: ↓[Fe, Co, Ni, Cu, Zn, Mn, Cr, V, Ti, Mo, W, Ru, Rh, Pd, Ag, Pt, Au], site: single-atom}
                route: pore-confinement
                reagents:
                  fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 100 mg, role: precursor}
                steps:
                  - stir: {time: 1 h}

                """)
        ],
        nonTriggering: [
            RuleExample(
                """
                anchorage: 1
                id: two-metals
                title: A dual-atom target
                target: {metals: [Fe, Co], site: dual-atom}
                route: pore-confinement
                reagents:
                  fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 100 mg, role: precursor}
                steps:
                  - stir: {time: 1 h}

                """)
        ])
}
