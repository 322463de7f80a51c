extension RuleExample {
    /// A whole recipe around the parts an example is about, so that examples stay short and differ only where it matters.
    /// `reagents` and `steps` are written as they stand in a recipe (two-space indent under `reagents:` / `steps:`).
    public static func recipe(
        route: String = "pore-confinement", host: String? = "ZIF-8", metals: String = "[Fe]", site: String = "single-atom",
        support: String? = nil, reagents: String, steps: String, file: String = #filePath, line: Int = #line
    ) -> RuleExample {
        var text = """
            anchorage: 1
            id: example
            title: Example
            target: {metals: \(metals), site: \(site)\(support.map { ", support: " + $0 } ?? "")}
            route: \(route)

            """
        if let host { text += "host: \(host)\n" }
        text += "reagents:\n" + indented(reagents) + "steps:\n" + indented(steps)
        return RuleExample(text, file: file, line: line)
    }

    static func indented(_ block: String) -> String {
        block.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty }
            .map { "  " + $0 + "\n" }
            .joined()
    }

    /// The Fe(acac)3@ZIF-8 reagents, for examples that need a sound recipe to change one thing in.
    public static let feZIF8Reagents = """
        zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g}
        fe: {name: iron(III) acetylacetonate, formula: Fe(acac)3, mass: 0.10 g, role: metal-precursor}
        hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g, role: linker}
        meoh: {name: methanol, role: solvent}
        """

    /// The matching steps: dissolve, combine, stir, collect, wash, dry, pyrolyse.
    public static let feZIF8Steps = """
        - dissolve: [zn, fe]
          in: {meoh: 30 mL}
        - dissolve: [hmim]
          in: {meoh: 30 mL}
        - combine: all
        - stir: {time: 24 h, temperature: 25 °C}
        - centrifuge: {speed: 8000 rpm, time: 10 min}
        - wash: {with: meoh, volume: 20 mL, times: 3}
        - dry: {temperature: 60 °C, time: 12 h, under: vacuum}
        - pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2, flow: 80 mL/min}
        """
}
