import Foundation

/// What a protocol prints for one step, in a chemist's words: the instruction, the quantities measured out, the
/// conditions, and the blanks to fill in at the bench. Part of the step-behaviour table: one case per kind of step.
public struct StepWords: Sendable {
    /// What a blank is for, so that a value observed at the bench can be written into it.
    public enum Measure: Sendable, Hashable {
        /// The quantity of one reagent weighed or measured out at the step (its id).
        case reagent(String)
        /// A temperature read at the step.
        case temperature
        /// The mass of the solid the step gives (no reagent named).
        case solidMass
        /// How long a stage of the step took.
        case duration
        /// A pressure read at the step.
        case pressure
        /// What the step looked like: the notes taken at it.
        case appearance
    }

    public struct Blank: Sendable, Hashable {
        public var label: String
        public var unit: String
        /// What the blank measures; nil for one a record keeps no value for (washes done, cycles completed, a mass
        /// gain, the mass loaded into a furnace beside the product's).
        public var measures: Measure?

        public init(label: String, unit: String, measures: Measure? = nil) {
            self.label = label
            self.unit = unit
            self.measures = measures
        }
    }

    public var instruction = ""
    public var quantities: [String] = []
    public var conditions: [String] = []
    public var blanks: [Blank] = []
    /// The step heats the solid to a hold on a ramp: print its furnace programme.
    public var furnaceProgramme = false
}

/// The words of each step of a resolved recipe: reagent names and amounts as the protocol prints them.
public struct StepPhrasebook: Sendable {
    public var resolved: ResolvedRecipe

    public init(resolved: ResolvedRecipe) { self.resolved = resolved }

    public func name(_ id: String) -> String { resolved.reagent(id)?.displayName ?? id }

    /// "1.69 g (5.68 mmol)" for a solid, "30 mL" for a liquid.
    public func amount(_ id: String) -> String? {
        guard let reagent = resolved.reagent(id) else { return nil }
        if !reagent.isSolventLike, let grams = reagent.grams {
            var text = QuantityFormat.mass(grams: grams)
            if let moles = reagent.moles { text += " (\(QuantityFormat.amount(moles: moles)))" }
            if let mL = reagent.reagent.volume?.value.canonicalValue {
                // A stock solution says its strength: "4 mL of the 10 mM solution = 9.664 mg (40 µmol)".
                let strength = reagent.reagent.concentration.map { " of the \($0.value) solution" } ?? ""
                text = QuantityFormat.volume(milliliters: mL) + strength + " = " + text
            }
            return text
        }
        if let mL = reagent.reagent.volume?.value.canonicalValue {
            var text = QuantityFormat.volume(milliliters: mL)
            if let c = reagent.reagent.concentration?.value { text += " of \(c)" }
            return text
        }
        return nil
    }

    /// The volume of the declared acid stock that a molar acid-etch step dilutes to its volume: moles needed
    /// (concentration × volume) over the stock's moles per millilitre. Nil for a mass-fraction strength (the density of
    /// the dilute acid is not in the catalog) or a stock without moles and volume.
    public func stockVolume(for step: Step) -> (milliliters: Double, total: String)? {
        guard let acid = step.reagent(.acid)?.value, let reagent = resolved.reagent(acid),
            let strength = step.quantity(.concentration)?.value,
            strength.dimension == .molarConcentration,
            let volume = step.quantity(.volume)?.value, let moles = reagent.moles, moles > 0,
            let stockML = reagent.reagent.volume?.value.canonicalValue, stockML > 0
        else { return nil }
        let needed = strength.canonicalValue * volume.canonicalValue / 1000
        return (needed / (moles / stockML), "\(volume)")
    }

    public func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }

    public func solventPhrase(_ volumes: [(reagent: Located<String>, volume: Located<Quantity>)])
        -> String
    {
        list(volumes.map { "\($0.volume.value) \(name($0.reagent.value))" })
    }

    /// Blank for the mass actually weighed, in the unit the amount is printed in.
    public func weighedBlank(_ id: String) -> StepWords.Blank? {
        guard let reagent = resolved.reagent(id), !reagent.isSolventLike else { return nil }
        if reagent.reagent.volume != nil && reagent.reagent.mass == nil {
            return StepWords.Blank(label: "\(name(id)) measured", unit: "mL", measures: .reagent(id))
        }
        let unit = (reagent.grams ?? 1) < 1 ? "mg" : "g"
        return StepWords.Blank(label: "\(name(id)) weighed", unit: unit, measures: .reagent(id))
    }

    /// The step in words (one case per kind of step: the wording column of the step-behaviour table).
    public func words(for step: Step) -> StepWords {
        let kind = step.kind.value
        var instruction = ""
        var quantities: [String] = []
        var conditions: [String] = []
        var blanks: [StepWords.Blank] = []
        var furnaceProgramme = false
        func q(_ parameter: StepParameter) -> String? { step.quantity(parameter).map { "\($0.value)" } }
        func reagentQuantities(_ ids: [String]) {
            for id in ids { if let amount = amount(id) { quantities.append("\(name(id)): \(amount)") } }
            blanks += ids.compactMap(weighedBlank)
        }
        func solventQuantities(
            _ volumes: [(reagent: Located<String>, volume: Located<Quantity>)], times: Int = 1
        ) {
            for (reagent, volume) in volumes {
                quantities.append(
                    "\(name(reagent.value)): \(volume.value)" + (times > 1 ? " each time" : ""))
            }
        }
        switch kind {
        case .dissolve:
            let ids = step.reagentList(.reagents).map(\.value)
            let solvents = step.solventVolumes(.`in`)
            instruction = "Weigh \(list(ids.map(name))) and dissolve in \(solventPhrase(solvents))."
            reagentQuantities(ids)
            solventQuantities(solvents)
            if let t = q(.temperature) { conditions.append("at \(t)") }
            if let s = q(.sonicate) { conditions.append("sonicate \(s)") }
            blanks.append(StepWords.Blank(label: "solution: clear? colour", unit: "", measures: .appearance))
        case .add:
            let ids = step.reagentList(.reagents).map(\.value)
            let solvents = step.solventVolumes(.`in`)
            var manner: [String] = []
            if step.flag(.dropwise)?.value == true { manner.append("dropwise") }
            if let over = q(.over) { manner.append("over \(over)") }
            if step.number == 1 && manner.isEmpty {
                // Nothing is in the vessel yet: the first solid is weighed out, or suspended in its solvent.
                instruction =
                    solvents.isEmpty
                    ? "Weigh out \(list(ids.map(name)))."
                    : "Suspend \(list(ids.map(name))) in \(solventPhrase(solvents))."
            } else {
                instruction =
                    "Add \(list(ids.map(name)))" + (solvents.isEmpty ? "" : " in \(solventPhrase(solvents))")
                // "Add acetic acid to the mixture." — a comma only sets off how it is added.
                instruction +=
                    manner.isEmpty
                    ? " to the mixture." : ", " + manner.joined(separator: ", ") + ", to the mixture."
            }
            reagentQuantities(ids)
            solventQuantities(solvents)
            blanks.append(StepWords.Blank(label: "appearance after adding", unit: "", measures: .appearance))
        case .combine:
            if step.takesAllReagents {
                instruction = "Combine all the solutions."
            } else {
                let ids = step.reagentList(.reagents).map(\.value)
                instruction = "Combine the solutions of \(list(ids.map(name)))."
                // Stock solutions declared with their strength and volume are measured out here, not dissolved earlier.
                reagentQuantities(
                    ids.filter { id in
                        guard let reagent = resolved.reagent(id)?.reagent else { return false }
                        return reagent.concentration != nil && reagent.volume != nil
                    })
            }
            if let order = step.text(.order)?.value { conditions.append(order) }
            blanks.append(StepWords.Blank(label: "appearance on mixing", unit: "", measures: .appearance))
        case .impregnate:
            let ids = step.reagentList(.reagents).map(\.value)
            let solvents = step.solventVolumes(.`in`)
            instruction =
                "Soak the solid in a solution of \(list(ids.map(name)))"
                + (solvents.isEmpty ? "" : " in \(solventPhrase(solvents))")
            if let t = q(.time) { instruction += " for \(t)" }
            if let temperature = q(.temperature) { instruction += " at \(temperature)" }
            instruction += "."
            reagentQuantities(ids)
            solventQuantities(solvents)
        case .stir:
            instruction =
                "Stir for \(q(.time) ?? "the time given")"
                + (q(.temperature).map { " at \($0)" } ?? " at room temperature")
            if let speed = q(.speed) { instruction += ", \(speed)" }
            instruction += "."
            blanks.append(StepWords.Blank(label: "appearance at the end (colour, turbidity)", unit: "", measures: .appearance))
        case .heat:
            instruction =
                "Heat at \(q(.temperature) ?? "the temperature given") for \(q(.time) ?? "the time given")"
            if step.flag(.reflux)?.value == true { instruction += " under reflux" }
            if let using = step.text(.using)?.value {
                instruction += " (\(using.replacingOccurrences(of: "-", with: " ")))"
            }
            instruction += "."
            blanks.append(StepWords.Blank(label: "temperature reached", unit: "°C", measures: .temperature))
        case .solvothermal:
            let liner = step.text(.liner)?.value ?? "PTFE"
            instruction =
                "Transfer the mixture to the \(q(.vessel) ?? "") \(liner)-lined autoclave, seal it and heat in an oven at "
                + "\(q(.temperature) ?? "the temperature given") for \(q(.time) ?? "the time given"). Let it cool to room temperature before opening."
            if let fill = resolved.course.sealedFill(atStep: step.number)?.liquidMilliliters {
                quantities.append("liquid in the liner: \(QuantityFormat.volume(milliliters: fill))")
            }
            if let ramp = q(.ramp) { conditions.append("oven ramp \(ramp)") }
            blanks.append(StepWords.Blank(label: "oven temperature reached", unit: "°C", measures: .temperature))
            blanks.append(StepWords.Blank(label: "appearance on opening", unit: "", measures: .appearance))
        case .centrifuge:
            instruction =
                "Collect the solid by centrifugation at \(q(.speed) ?? "the speed given") for \(q(.time) ?? "the time given")"
            if let t = q(.temperature) { instruction += " at \(t)" }
            instruction += "; discard the supernatant."
            blanks.append(StepWords.Blank(label: "pellet colour", unit: "", measures: .appearance))
        case .filter:
            instruction =
                "Collect the solid by filtration"
                + (step.text(.membrane).map { " through \($0.value)" } ?? "") + "."
        case .wash:
            let with = step.reagent(.with)?.value ?? ""
            let times = step.integer(.times)?.value ?? 1
            instruction =
                "Wash the solid with \(q(.volume) ?? "") \(name(with))"
                + (times > 1 ? ", \(times) times" : "")
            if let by = step.text(.by)?.value { instruction += ", recovering it by \(by)" }
            instruction += "."
            if let volume = step.quantity(.volume)?.value {
                quantities.append(
                    "\(name(with)): \(times) × \(volume) = \(QuantityFormat.volume(milliliters: volume.canonicalValue * Double(times)))"
                )
            }
            blanks.append(StepWords.Blank(label: "washes done", unit: "of \(times)"))
        case .dry:
            let under = step.text(.under)?.value ?? "air"
            instruction =
                "Dry at \(q(.temperature) ?? "the temperature given") for \(q(.time) ?? "the time given") "
                + (under == "vacuum" ? "under vacuum" : under == "air" ? "in air" : "under \(under)") + "."
            blanks.append(StepWords.Blank(label: "mass after drying", unit: "mg", measures: .solidMass))
        case .pyrolyze:
            let atmosphere = step.text(.atmosphere)?.value ?? "the gas given"
            var gas = atmosphere
            if let h2 = q(.h2) { gas += " (\(h2) H2)" }
            if let flow = q(.flow) { gas += " at \(flow)" }
            instruction =
                "Spread the solid in a ceramic boat in the tube furnace. Purge with \(gas), then heat to \(q(.temperature) ?? "the temperature given") "
                + "at \(q(.ramp) ?? "the ramp given"), hold \(q(.hold) ?? "the time given") and let cool "
                + (step.text(.cooling)?.value == "controlled" ? "at a controlled rate" : "naturally")
                + " under the gas."
            furnaceProgramme = true
            blanks += [
                StepWords.Blank(label: "mass loaded", unit: "mg"),
                StepWords.Blank(label: "hold temperature reached", unit: "°C", measures: .temperature),
                StepWords.Blank(label: "cooling took", unit: "min", measures: .duration),
                StepWords.Blank(label: "mass of product", unit: "mg", measures: .solidMass),
                StepWords.Blank(label: "colour", unit: "", measures: .appearance),
            ]
        case .acidEtch:
            let acid = step.reagent(.acid)?.value ?? ""
            // A stock named with its own strength ("hydrofluoric acid 48 %") is not what the solid is stirred in.
            let acidPhrase = name(acid).contains("%") ? "acid (diluted from \(name(acid)))" : name(acid)
            instruction =
                "Stir the solid in \(q(.volume).map { "\($0) of " } ?? "")\(q(.concentration) ?? "") \(acidPhrase) at "
                + "\(q(.temperature) ?? "the temperature given") for \(q(.time) ?? "the time given"); then wash to neutral."
            if let stock = stockVolume(for: step) {
                quantities.append(
                    "\(name(acid)): \(QuantityFormat.volume(milliliters: stock.milliliters)) of the stock, made up to \(stock.total) with water"
                )
                blanks.append(StepWords.Blank(label: "\(name(acid)) measured", unit: "mL", measures: .reagent(acid)))
            }
            blanks.append(StepWords.Blank(label: "mass after leaching", unit: "mg", measures: .solidMass))
        case .reduce:
            var gas = step.text(.gas)?.value ?? "the gas given"
            if let h2 = q(.h2) { gas += " (\(h2) H2)" }
            if let flow = q(.flow) { gas += " at \(flow)" }
            instruction =
                "Reduce under \(gas) at \(q(.temperature) ?? "the temperature given") for \(q(.time) ?? "the time given")"
                + (q(.ramp).map { ", heating at \($0)" } ?? "") + "."
            if step.quantity(.ramp) != nil { furnaceProgramme = true }
            blanks.append(StepWords.Blank(label: "temperature reached", unit: "°C", measures: .temperature))
        case .ald:
            let precursor = step.reagent(.precursor)?.value ?? ""
            let coReactant = step.reagent(.coReactant)?.value ?? ""
            instruction =
                "Run \(step.integer(.cycles)?.value ?? 0) ALD cycles at \(q(.temperature) ?? "the temperature given"): "
                + "pulse \(name(precursor)) \(q(.pulse) ?? "")"
                + (q(.exposure).map { ", expose \($0)" } ?? "")
                + ", purge \(q(.purge) ?? ""); then \(name(coReactant)) the same way."
            if let pressure = q(.pressure) { conditions.append("base pressure \(pressure)") }
            blanks += [
                StepWords.Blank(label: "base pressure", unit: "", measures: .pressure),
                StepWords.Blank(label: "cycles completed", unit: ""),
                StepWords.Blank(label: "mass gain", unit: "mg"),
            ]
        case .ionExchange:
            let ids = step.reagentList(.source).map(\.value)
            let solvents = step.solventVolumes(.`in`)
            let times = step.integer(.times)?.value ?? 1
            instruction =
                "Soak the solid in a solution of \(list(ids.map(name))) in \(solventPhrase(solvents)) at "
                + "\(q(.temperature) ?? "the temperature given") for \(q(.time) ?? "the time given")"
                + (times > 1 ? "; do this \(times) times in all, with fresh solution each time" : "") + "."
            reagentQuantities(ids)
            if times > 1 {
                // The declared amount is what is weighed in all; each fresh solution takes its share.
                quantities = quantities.map { line in
                    guard let id = ids.first(where: { line.hasPrefix(name($0) + ": ") }),
                        let grams = resolved.reagent(id)?.grams
                    else { return line }
                    return line + " in all, \(QuantityFormat.mass(grams: grams / Double(times))) each time"
                }
            }
            solventQuantities(solvents, times: times)
            blanks.append(StepWords.Blank(label: "colour of the solid", unit: "", measures: .appearance))
        case .wait:
            instruction =
                "Let the mixture stand for \(q(.time) ?? "the time given")"
                + (q(.temperature).map { " at \($0)" } ?? "") + "."
            blanks.append(StepWords.Blank(label: "appearance", unit: "", measures: .appearance))
        case .evaporate:
            let under = step.text(.under)?.value ?? "air"
            instruction =
                "Evaporate the solvent"
                + (under == "vacuum"
                    ? " on a rotary evaporator"
                    : under == "N2" ? " under a stream of N2" : " in the fume hood")
                + (step.flag(.stir)?.value == true ? ", stirring," : "")
                + (q(.temperature).map { " at \($0)" } ?? " at room temperature")
                + (q(.time).map { " (about \($0))" } ?? "") + " until the solid is dry."
            blanks.append(StepWords.Blank(label: "appearance of the solid", unit: "", measures: .appearance))
        case .mill:
            let ids = step.reagentList(.reagents).map(\.value)
            let using = step.text(.using)?.value ?? "planetary-ball-mill"
            if using == "mortar" {
                instruction =
                    "Grind \(list(ids.map(name))) together in an agate mortar for \(q(.time) ?? "the time given")."
            } else {
                let material = step.text(.balls)?.value.replacingOccurrences(of: "-", with: " ")
                instruction =
                    "Weigh \(list(ids.map(name))) into the \(material.map { $0 + " " } ?? "")jar of the "
                    + using.replacingOccurrences(of: "-", with: " ")
                    + (material.map { ", with \($0) balls," } ?? "")
                    + " and mill for \(q(.time) ?? "the time given")" + (q(.speed).map { " at \($0)" } ?? "")
                    + "."
            }
            reagentQuantities(ids)
            blanks.append(StepWords.Blank(label: "appearance of the mixed powder", unit: "", measures: .appearance))
        }
        return StepWords(
            instruction: instruction, quantities: quantities, conditions: conditions, blanks: blanks,
            furnaceProgramme: furnaceProgramme)
    }

    /// One tube furnace per work tube, rated for the hottest of the furnace steps that use it (two pyrolyses at
    /// 1050 °C and 950 °C need one furnace that reaches 1050 °C, not two lines).
    public func furnace(for step: Step, in recipe: Recipe) -> String {
        let tube = step.text(.tube)?.value
        let hottest =
            recipe.steps
            .filter { $0.behaviour.contents == .furnace && $0.text(.tube)?.value == tube }
            .max {
                ($0.quantity(.temperature)?.value.canonicalValue ?? 0)
                    < ($1.quantity(.temperature)?.value.canonicalValue ?? 0)
            } ?? step
        return "tube furnace (to \(temperature(hottest)))"
            + (tube.map { " with a \($0) work tube and" } ?? " with") + " a ceramic boat"
    }

    /// The equipment the steps need, in order, each once (the equipment column of the step-behaviour table).
    public func equipment() -> [String] {
        let recipe = resolved.recipe
        let course = resolved.course
        var items: [String] = []
        func add(_ item: String) { if !items.contains(item) { items.append(item) } }
        add("analytical balance")
        for step in recipe.steps {
            switch step.kind.value {
            case .dissolve, .add, .combine, .impregnate, .ionExchange:
                add("beakers or vials")
                add("magnetic stirrer")
                if step.quantity(.sonicate) != nil { add("ultrasonic bath") }
            case .stir:
                if let speed = step.quantity(.speed) {
                    add("magnetic stirrer (\(speed.value))")
                } else {
                    add("magnetic stirrer")
                }
            case .heat:
                add(
                    (step.text(.using)?.value.replacingOccurrences(of: "-", with: " ") ?? "heat source")
                        + " (\(temperature(step)))")
                if step.flag(.reflux)?.value == true { add("reflux condenser") }
            case .solvothermal:
                let liner = step.text(.liner)?.value ?? "PTFE"
                add("autoclave with a \(step.quantity(.vessel).map { "\($0.value)" } ?? "") \(liner) liner")
                add("oven (\(temperature(step)))")
            case .centrifuge:
                add(
                    "centrifuge (\(step.quantity(.speed).map { "\($0.value)" } ?? "speed as given")) and tubes"
                )
            case .filter:
                add("filtration set-up" + (step.text(.membrane).map { " (\($0.value))" } ?? ""))
            case .wash:
                switch step.text(.by)?.value {
                case "filtration":
                    if !items.contains(where: { $0.hasPrefix("filtration set-up") }) {
                        add("filtration set-up")
                    }
                case "centrifugation":
                    if !items.contains(where: { $0.hasPrefix("centrifuge") }) { add("centrifuge and tubes") }
                default: break
                }
            case .dry:
                let under = step.text(.under)?.value ?? "air"
                add(
                    (under == "vacuum"
                        ? "vacuum oven" : under == "air" ? "drying oven" : "oven under \(under)")
                        + " (\(temperature(step)))")
            case .pyrolyze:
                add(furnace(for: step, in: recipe))
                add(gasLine(step.furnaceGas?.value, step: step))
            case .reduce:
                add(furnace(for: step, in: recipe))
                add(gasLine(step.furnaceGas?.value, step: step))
            case .acidEtch:
                if course.hfSteps.contains(step.number) {
                    add("PTFE or polypropylene ware (no glass) for hydrofluoric acid")
                } else {
                    add("acid-resistant flask and a magnetic stirrer")
                }
            case .ald:
                add("ALD reactor (\(temperature(step)))")
            case .wait:
                break
            case .evaporate:
                switch step.text(.under)?.value ?? "air" {
                case "vacuum":
                    add(
                        "rotary evaporator" + (step.quantity(.temperature).map { " (bath \($0.value))" } ?? ""))
                case "N2": add("N2 line for a gas stream")
                default: if step.quantity(.temperature) != nil { add("hot plate (\(temperature(step)))") }
                }
            case .mill:
                switch step.text(.using)?.value ?? "planetary-ball-mill" {
                case "mortar": add("agate mortar and pestle")
                case let mill:
                    let jar =
                        step.text(.balls).map {
                            " with \($0.value.replacingOccurrences(of: "-", with: " ")) jar and balls"
                        } ?? ""
                    add(mill.replacingOccurrences(of: "-", with: " ") + jar)
                }
            }
        }
        return items
    }

    public func temperature(_ step: Step) -> String {
        step.quantity(.temperature).map { "\($0.value)" } ?? "temperature as given"
    }

    public func gasLine(_ gas: String?, step: Step) -> String {
        var line = "gas line with \(gas ?? "the gas named") and a flow controller"
        if let h2 = step.quantity(.h2) { line += " (\(h2.value) H2)" }
        if let flow = step.quantity(.flow) { line += ", \(flow.value)" }
        return line
    }
}
