import AnchorageCore
import AnchorageRender
import AnchorageRules
import Foundation
import Testing

@Suite struct ScalingTests {
    static let recipeName = "fe-sa-nc-fe-acac3-zif8.yaml"

    func loaded(_ text: String, file: String) throws -> Recipe {
        let result = Validator(knowledge: try Knowledge.bundled()).validate(text: text, file: file)
        return try #require(result.recipe)
    }

    /// Every quantity of the recipe, by where it was written, with what it measures.
    func quantities(_ recipe: Recipe) -> [(place: String, quantity: Quantity)] {
        var list: [(String, Quantity)] = []
        for reagent in recipe.reagents {
            let fields: [(String, Located<Quantity>?)] = [
                ("mass", reagent.mass), ("amount", reagent.amount), ("volume", reagent.volume), ("density", reagent.density),
                ("concentration", reagent.concentration), ("purity", reagent.purity),
            ]
            for (field, value) in fields { if let value { list.append(("\(reagent.id.value).\(field)", value.value)) } }
        }
        for step in recipe.steps {
            for name in step.values.keys.sorted() {
                switch step.values[name] {
                case .quantity(let q): list.append(("step \(step.number).\(name)", q.value))
                case .solventVolumes(let volumes):
                    for (reagent, volume) in volumes { list.append(("step \(step.number).\(name).\(reagent.value)", volume.value)) }
                default: break
                }
            }
        }
        return list
    }

    @Test("--scale 2 doubles every amount and liquid volume and nothing else", arguments: [2.0, 0.5, 3.0])
    func scaleChangesOnlyAmountsAndVolumes(factor: Double) throws {
        let recipe = try loaded(try ProtocolFixture.recipeText(Self.recipeName), file: Self.recipeName)
        let scaled = RecipeScaling.scaled(recipe, by: factor)
        let before = quantities(recipe)
        let after = quantities(scaled)
        #expect(before.map(\.place) == after.map(\.place))
        var doubled = 0
        for (original, changed) in zip(before, after) {
            let isAmount = [.mass, .amount].contains(original.quantity.dimension)
                || (original.quantity.dimension == .volume && !original.place.hasSuffix(".vessel"))
            let expected = isAmount ? original.quantity.canonicalValue * factor : original.quantity.canonicalValue
            #expect(abs(changed.quantity.canonicalValue - expected) <= 1e-9 * max(1, abs(expected)), "\(original.place)")
            #expect(changed.quantity.unit == original.quantity.unit, "\(original.place) keeps its unit")
            if isAmount { doubled += 1 }
        }
        #expect(doubled == 6, "the worked recipe has 3 masses, 2 solvent volumes and a wash volume")
        // Nothing but the amounts: the same steps in the same order, the same kinds and parameters.
        #expect(scaled.steps.map(\.kind.value) == recipe.steps.map(\.kind.value))
        #expect(scaled.steps.map { $0.values.keys.sorted() } == recipe.steps.map { $0.values.keys.sorted() })
    }

    @Test("the scaled protocol has every mass, mole and volume doubled, and the same times and conditions")
    func scaledProtocol() throws {
        let text = try ProtocolFixture.recipeText(Self.recipeName)
        let single = try ProtocolFixture.document(text: text, file: Self.recipeName)
        let double = try ProtocolFixture.document(text: text, file: Self.recipeName, scale: 2)
        let knowledge = try Knowledge.bundled()
        let recipe = try loaded(text, file: Self.recipeName)
        let one = RecipeResolver.resolve(recipe, catalog: knowledge.chemicals, elements: knowledge.elements, course: .none)
        let two = RecipeResolver.resolve(RecipeScaling.scaled(recipe, by: 2), catalog: knowledge.chemicals, elements: knowledge.elements, course: .none)
        for (a, b) in zip(one.reagents, two.reagents) {
            if let grams = a.grams { #expect(abs((b.grams ?? 0) - 2 * grams) < 1e-9, "\(a.id) grams") }
            if let moles = a.moles { #expect(abs((b.moles ?? 0) - 2 * moles) < 1e-12, "\(a.id) moles") }
            if let mL = a.milliliters { #expect(abs((b.milliliters ?? 0) - 2 * mL) < 1e-9, "\(a.id) mL") }
        }
        // Ratios do not change with scale.
        #expect(single.ratio?.values == double.ratio?.values)
        #expect(single.metalRatio?.values == double.metalRatio?.values)
        // Times, temperatures, speeds and the furnace programme are those of the recipe as written.
        #expect(single.timeline.map(\.duration) == double.timeline.map(\.duration))
        #expect(single.totalTime == double.totalTime)
        #expect(single.steps.map(\.conditions) == double.steps.map(\.conditions))
        #expect(single.steps.map { $0.programme?.segments ?? [] } == double.steps.map { $0.programme?.segments ?? [] })
        #expect(single.equipment == double.equipment)
        #expect(double.reagents.first { $0.id == "zn" }?.mass == "3.38 g")
        #expect(double.reagents.first { $0.id == "fe" }?.mass == "200 mg")
        #expect(double.reagents.first { $0.id == "meoh" }?.volume == "240 mL")
        #expect(double.steps[0].quantities.contains("methanol: 60 mL"))
        #expect(double.scale != nil && single.scale == nil)
    }

    static let autoclaveRecipe = """
        anchorage: 1
        id: liner-check
        title: Co in a ZIF by solvothermal synthesis
        target: {metals: [Co], site: single-atom, support: N-doped carbon}
        route: mixed-metal-pyrolysis
        reagents:
          co: {name: cobalt(II) nitrate hexahydrate, formula: Co(NO3)2·6H2O, mass: 0.10 g, role: metal-salt}
          zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.00 g, role: metal-salt}
          meoh: {name: methanol, role: solvent}
        steps:
          - dissolve: [co, zn]
            in: {meoh: 30 mL}
          - solvothermal: {temperature: 120 °C, time: 12 h, vessel: 50 mL}
        """

    @Test("scaling warns when the autoclave liner becomes too small, and not before")
    func linerTooSmall() throws {
        let same = try ProtocolFixture.document(text: Self.autoclaveRecipe, file: "liner.yaml", scale: 1)
        #expect(same.scalingWarnings.isEmpty)
        let fits = try ProtocolFixture.document(text: Self.autoclaveRecipe, file: "liner.yaml", scale: 1.2)
        #expect(fits.scalingWarnings.isEmpty, "36 mL in 50 mL is within the fill limit")
        let double = try ProtocolFixture.document(text: Self.autoclaveRecipe, file: "liner.yaml", scale: 2)
        #expect(double.scalingWarnings.count == 1)
        #expect(double.scalingWarnings.first?.contains("60 mL") == true)
        #expect(double.scalingWarnings.first?.contains("50 mL liner") == true)
        #expect(double.equipment.contains { $0.contains("50 mL PTFE liner") }, "the liner is equipment: not scaled")
    }

    @Test("--batch sets the limiting reagent to the amount asked for")
    func batch() throws {
        let knowledge = try Knowledge.bundled()
        let recipe = try loaded(try ProtocolFixture.recipeText(Self.recipeName), file: Self.recipeName)
        let resolved = RecipeResolver.resolve(recipe, catalog: knowledge.chemicals, elements: knowledge.elements, course: .none)
        #expect(RecipeScaling.limitingReagent(of: resolved)?.id == "fe")
        let moles = try #require(resolved.reagent("fe")?.moles)
        let factor = try RecipeScaling.factor(forBatch: Quantity(canonical: 2 * moles, .amount), resolved: resolved).get()
        #expect(abs(factor - 2) < 1e-9)
        let byMass = try RecipeScaling.factor(forBatch: Quantity(canonical: 0.05, .mass), resolved: resolved).get()
        #expect(abs(byMass - 0.5) < 1e-9)
        if case .success = RecipeScaling.factor(forBatch: Quantity(canonical: 5, .volume), resolved: resolved) {
            Issue.record("a volume is not a batch size")
        }
    }
}
