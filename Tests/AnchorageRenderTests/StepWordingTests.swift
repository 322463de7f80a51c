import AnchorageCore
import AnchorageRender
import Foundation
import Testing

@Suite struct StepWordingTests {
    /// One step of every kind, with the hazards the safety panel must gather.
    static let everyStep = """
        anchorage: 1
        id: every-step
        title: Every step kind
        target: {metals: [Pt], site: single-atom, support: N-doped carbon}
        route: sim
        host: NU-1000
        reagents:
          pt:   {name: chloroplatinic acid hexahydrate, mass: 20 mg, role: metal-salt}
          tma:  {name: trimethylaluminium, role: ald-precursor}
          h2s:  {name: hydrogen sulfide, role: co-reactant}
          hf:   {name: hydrofluoric acid 48 %, role: acid, volume: 5 mL}
          etoh: {name: ethanol, role: solvent}
          water: {name: water, role: solvent}
        steps:
          - dissolve: [pt]
            in: {water: 10 mL}
            sonicate: 5 min
          - add: [pt]
            dropwise: true
            over: 30 min
          - combine: all
          - stir: {time: 1 h, speed: 500 rpm}
          - impregnate: [pt]
            in: {etoh: 5 mL}
            time: 2 h
            temperature: 60 °C
          - heat: {temperature: 80 °C, time: 2 h, using: oil-bath, reflux: true}
          - solvothermal: {temperature: 120 °C, time: 24 h, vessel: 25 mL, ramp: 2 °C/min}
          - centrifuge: {speed: 10000 × g, time: 5 min}
          - filter: {membrane: nylon 0.22 µm}
          - wash: {with: etoh, volume: 10 mL, times: 2, by: filtration}
          - dry: {temperature: 80 °C, time: 6 h, under: air}
          - acid-etch: {acid: hf, concentration: 2 M, temperature: 25 °C, time: 12 h, volume: 5 mL}
          - reduce: {gas: H2/Ar, h2: 5 %, temperature: 300 °C, time: 2 h, ramp: 5 °C/min, flow: 50 mL/min}
          - ald: {precursor: tma, co-reactant: h2s, pulse: 1 s, purge: 60 s, exposure: 10 s, cycles: 2, temperature: 150 °C}
          - ion-exchange: [pt]
            in: {etoh: 5 mL}
            temperature: 25 °C
            time: 1 d
            times: 2
          - wait: {time: 10 h, temperature: 25 °C}
          - pyrolyze: {temperature: 700 °C, ramp: 10 °C/min, hold: 1 h, atmosphere: NH3, cooling: controlled}
          - evaporate: {temperature: 40 °C, time: 30 min, under: vacuum, stir: true}
          - mill: [pt]
            time: 2 h
            speed: 400 rpm
            balls: zirconia
        """

    @Test("every step kind is worded, numbered and timed")
    func everyKind() throws {
        let document = try ProtocolFixture.document(text: Self.everyStep, file: "every-step.yaml")
        #expect(Set(document.steps.map(\.kind)) == Set(StepKind.allCases.map(\.rawValue)))
        #expect(document.steps.map(\.number) == Array(1...StepKind.allCases.count))
        for step in document.steps {
            #expect(!step.instruction.isEmpty && step.instruction.hasSuffix("."), "step \(step.number)")
            #expect(!step.instruction.contains("  "), "step \(step.number): \(step.instruction)")
        }
        #expect(document.steps[6].duration == "24 h 48 min", "24 h plus the oven's ramp from 25 °C at 2 °C/min")
        #expect(document.steps[14].duration == "48 h", "1 d, twice")
        #expect(document.steps[14].quantities.first?.hasSuffix("in all, 10 mg each time") == true, "\(document.steps[14].quantities)")
        #expect(document.steps.first { $0.kind == "pyrolyze" }?.programme?.plot != nil)
        #expect(document.steps.first { $0.kind == "reduce" }?.programme?.plot != nil)
        #expect(document.overnight == ["step 7 (solvothermal)", "step 12 (acid-etch)", "step 15 (ion-exchange)", "step 16 (wait)"])
        #expect(document.untimedSteps?.contains("steps 3, 9, 10, 14,") == true)
    }

    @Test("an evaporation is worded with its apparatus and lists it")
    func evaporation() throws {
        let document = try ProtocolFixture.document(text: Self.everyStep, file: "every-step.yaml")
        let step = try #require(document.steps.first { $0.kind == "evaporate" })
        #expect(step.instruction == "Evaporate the solvent on a rotary evaporator, stirring, at 40 °C (about 30 min) until the solid is dry.")
        #expect(step.duration == "30 min")
        #expect(document.equipment.contains("rotary evaporator (bath 40 °C)"))
    }

    @Test("a ball milling is worded with its mill, jar and speed, and lists the mill")
    func milling() throws {
        let document = try ProtocolFixture.document(text: Self.everyStep, file: "every-step.yaml")
        let step = try #require(document.steps.first { $0.kind == "mill" })
        #expect(step.instruction == "Weigh chloroplatinic acid hexahydrate into the zirconia jar of the planetary ball mill, with zirconia balls, and mill for 2 h at 400 rpm.")
        #expect(step.duration == "2 h")
        #expect(document.equipment.contains("planetary ball mill with zirconia jar and balls"))
    }

    @Test("a stock solution is measured out with its strength where it is combined, and the reagent table prints it")
    func stockSolution() throws {
        let text = """
            anchorage: 1
            id: stock
            title: Stock solutions
            target: {metals: [Co], site: single-atom, support: N-doped carbon}
            route: mixed-metal-pyrolysis
            host: ZIF-8
            reagents:
              zn:   {name: Zn(NO3)2·6H2O, concentration: 0.5 M, volume: 8 mL}
              co:   {name: Co(NO3)2·6H2O, concentration: 0.05 M, volume: 4 mL}
              mim:  {name: 2-MeIm, mass: 1.31 g}
              meoh: {name: MeOH, role: solvent}
            steps:
              - combine: [zn, co]
              - dissolve: [mim]
                in: {meoh: 40 mL}
              - combine: all
              - stir: {time: 24 h}
              - pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 1 h, atmosphere: Ar}
            """
        let document = try ProtocolFixture.document(text: text, file: "stock.yaml")
        let first = try #require(document.steps.first)
        #expect(first.quantities.contains("Zn(NO3)2·6H2O: 8 mL of the 0.5 M solution = 1.19 g (4 mmol)"), "\(first.quantities)")
        #expect(first.quantities.contains("Co(NO3)2·6H2O: 4 mL of the 0.05 M solution = 58.21 mg (200 µmol)"), "\(first.quantities)")
        #expect(document.reagents.first { $0.id == "zn" }?.volume == "8 mL of 0.5 M")
    }

    @Test("the safety panel gathers the hazards of the steps and reagents")
    func safetyPanel() throws {
        let document = try ProtocolFixture.document(text: Self.everyStep, file: "every-step.yaml")
        let titles = document.safety.map(\.title)
        for expected in ["Autoclave pressure", "Furnace exhaust", "Hydrogen", "Ammonia", "Hydrofluoric acid", "Pyrophoric: trimethylaluminium", "Hydrogen sulfide"] {
            #expect(titles.contains(expected), "\(expected) missing from \(titles)")
        }
        #expect(document.safety.first { $0.title == "Hydrofluoric acid" }?.raisedBy == "step 12; LAB-006")
        #expect(document.safety.first { $0.title == "Furnace exhaust" }?.raisedBy == "steps 13, 17; LAB-005; LAB-007")
        #expect(document.equipment.contains("PTFE or polypropylene ware (no glass) for hydrofluoric acid"))
        #expect(document.equipment.filter { $0.hasPrefix("filtration set-up") }.count == 1)
    }

    @Test("an addition without a manner reads without a stray comma")
    func plainAddition() throws {
        let document = try ProtocolFixture.document(text: try ProtocolFixture.recipeText("ru-sas-nc-uio66-nh2.yaml"), file: "ru.yaml")
        #expect(document.steps.first { $0.kind == "add" }?.instruction == "Add acetic acid to the mixture.")
        let everyStep = try ProtocolFixture.document(text: Self.everyStep, file: "every-step.yaml")
        #expect(everyStep.steps.first { $0.kind == "add" }?.instruction.hasSuffix(", dropwise, over 30 min, to the mixture.") == true)
    }

    @Test("a molar acid etch says how much of the declared stock to dilute")
    func acidStockVolume() throws {
        let document = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText("fe-nc-fe-zif8-acid-leach-two-step.yaml"), file: "fe.yaml")
        let etch = try #require(document.steps.first { $0.kind == "acid-etch" })
        // 0.5 M × 100 mL = 50 mmol; the stock holds 2.8 mL × 1.84 g/mL / 98.08 g/mol = 52.53 mmol in 2.8 mL.
        #expect(etch.quantities == ["sulfuric acid: 2.665 mL of the stock, made up to 100 mL with water"])
        #expect(etch.instruction.hasPrefix("Stir the solid in 100 mL of 0.5 M sulfuric acid at 80 °C"))
    }

    @Test("a stock named with its strength is not what the solid is stirred in")
    func stockNamedWithStrength() throws {
        let document = try ProtocolFixture.document(
            text: try ProtocolFixture.recipeText("w-sa-nc-wcl5-uio66-nh2.yaml"), file: "w.yaml")
        let etch = try #require(document.steps.first { $0.kind == "acid-etch" })
        #expect(etch.instruction.hasPrefix("Stir the solid in 40 mL of 5 wt% acid (diluted from hydrofluoric acid 48 %) at 25 °C"))
        #expect(etch.quantities.isEmpty, "a wt% strength needs the dilute acid's density, which the catalog lacks")
    }

    @Test("a work tube named in the step is named in the equipment")
    func tubeInEquipment() throws {
        let text = try ProtocolFixture.recipeText("fe-sa-nc-ferrocene-zif8.yaml")
            .replacingOccurrences(of: "atmosphere: Ar, flow: 80 mL/min}", with: "atmosphere: Ar, flow: 80 mL/min, tube: quartz}")
        let document = try ProtocolFixture.document(text: text, file: "fc.yaml")
        #expect(document.equipment.contains("tube furnace (to 900 °C) with a quartz work tube and a ceramic boat"))
        let plain = try ProtocolFixture.document(text: try ProtocolFixture.recipeText("fe-sa-nc-ferrocene-zif8.yaml"), file: "fc.yaml")
        #expect(plain.equipment.contains("tube furnace (to 900 °C) with a ceramic boat"))
    }

    @Test("a loading note is a finding, not a safety item")
    func loadingNoteIsNotSafety() throws {
        let document = try ProtocolFixture.document(text: try ProtocolFixture.recipeText("pd-cof-lzu1.yaml"), file: "pd.yaml")
        #expect(!document.safety.contains { $0.title == "LAB-008" })
        #expect(document.warnings.contains { $0.ruleID == "LAB-008" })
    }

    @Test("the ratio leaves out solvents and etching acids")
    func ratio() throws {
        let document = try ProtocolFixture.document(text: Self.everyStep, file: "every-step.yaml")
        #expect(document.ratio == nil, "only one reagent, the Pt salt, counts")
        #expect(document.reagents.first { $0.id == "hf" }?.ratio == "—")
    }

    @Test("the furnace plot is drawn to scale inside its box")
    func plot() throws {
        let document = try ProtocolFixture.document(text: try ProtocolFixture.recipeText("fe-sa-nc-fe-acac3-zif8.yaml"), file: "fe.yaml")
        let plot = try #require(document.steps.last?.programme?.plot)
        let numbers = (plot.heatingPath + " " + plot.coolingPath).split(separator: " ").compactMap { Int($0) }
        let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        #expect(xs.allSatisfy { $0 >= plot.left && $0 <= plot.right })
        #expect(ys.allSatisfy { $0 >= plot.top && $0 <= plot.bottom })
        #expect(plot.heatingPath.allSatisfy { $0.isNumber || $0 == " " || $0 == "M" || $0 == "L" })
        #expect(plot.yTicks.map(\.label) == ["25 °C", "900 °C"])
        #expect(plot.xTicks.map(\.label) == ["0", "2.9 h", "5.9 h"], "175 min ramp, then 3 h hold")
    }
}
