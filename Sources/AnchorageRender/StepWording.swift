import AnchorageCore
import Foundation

/// Each step in a chemist's words, with its quantities, conditions, duration and the blanks to fill in at the bench.
struct StepWording: Sendable {
    var resolved: ResolvedRecipe
    var knowledge: ProtocolKnowledge

    typealias Blank = ProtocolDocument.Blank

    /// Steps a person need not watch, which may run overnight when long enough.
    static let unattended: Set<StepKind> = [.stir, .heat, .solvothermal, .dry, .pyrolyze, .wait, .impregnate, .ionExchange, .acidEtch]

    func name(_ id: String) -> String { resolved.reagent(id)?.displayName ?? id }

    /// "1.69 g (5.68 mmol)" for a solid, "30 mL" for a liquid.
    func amount(_ id: String) -> String? {
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
    func stockVolume(for step: Step) -> (milliliters: Double, total: String)? {
        guard let acid = step.reagent("acid")?.value, let reagent = resolved.reagent(acid),
              let strength = step.quantity("concentration")?.value, strength.dimension == .molarConcentration,
              let volume = step.quantity("volume")?.value, let moles = reagent.moles, moles > 0,
              let stockML = reagent.reagent.volume?.value.canonicalValue, stockML > 0 else { return nil }
        let needed = strength.canonicalValue * volume.canonicalValue / 1000
        return (needed / (moles / stockML), "\(volume)")
    }

    func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }

    func solventPhrase(_ volumes: [(reagent: Located<String>, volume: Located<Quantity>)]) -> String {
        list(volumes.map { "\($0.volume.value) \(name($0.reagent.value))" })
    }

    /// Blank for the mass actually weighed, in the unit the amount is printed in.
    func weighedBlank(_ id: String) -> Blank? {
        guard let reagent = resolved.reagent(id), !reagent.isSolventLike else { return nil }
        if reagent.reagent.volume != nil && reagent.reagent.mass == nil { return Blank(label: "\(name(id)) measured", unit: "mL") }
        let unit = (reagent.grams ?? 1) < 1 ? "mg" : "g"
        return Blank(label: "\(name(id)) weighed", unit: unit)
    }

    func block(for step: Step) -> ProtocolDocument.StepBlock {
        let kind = step.kind.value
        var instruction = ""
        var quantities: [String] = []
        var conditions: [String] = []
        var blanks: [Blank] = []
        var programme: ProtocolDocument.Programme?
        func q(_ name: String) -> String? { step.quantity(name).map { "\($0.value)" } }
        func reagentQuantities(_ ids: [String]) {
            for id in ids { if let amount = amount(id) { quantities.append("\(name(id)): \(amount)") } }
            blanks += ids.compactMap(weighedBlank)
        }
        func solventQuantities(_ volumes: [(reagent: Located<String>, volume: Located<Quantity>)], times: Int = 1) {
            for (reagent, volume) in volumes {
                quantities.append("\(name(reagent.value)): \(volume.value)" + (times > 1 ? " each time" : ""))
            }
        }
        switch kind {
        case .dissolve:
            let ids = step.reagentList("reagents").map(\.value)
            let solvents = step.solventVolumes("in")
            instruction = "Weigh \(list(ids.map(name))) and dissolve in \(solventPhrase(solvents))."
            reagentQuantities(ids)
            solventQuantities(solvents)
            if let t = q("temperature") { conditions.append("at \(t)") }
            if let s = q("sonicate") { conditions.append("sonicate \(s)") }
            blanks.append(Blank(label: "solution: clear? colour", unit: ""))
        case .add:
            let ids = step.reagentList("reagents").map(\.value)
            let solvents = step.solventVolumes("in")
            var manner: [String] = []
            if step.flag("dropwise")?.value == true { manner.append("dropwise") }
            if let over = q("over") { manner.append("over \(over)") }
            if step.number == 1 && manner.isEmpty {
                // Nothing is in the vessel yet: the first solid is weighed out, or suspended in its solvent.
                instruction = solvents.isEmpty
                    ? "Weigh out \(list(ids.map(name)))."
                    : "Suspend \(list(ids.map(name))) in \(solventPhrase(solvents))."
            } else {
                instruction = "Add \(list(ids.map(name)))" + (solvents.isEmpty ? "" : " in \(solventPhrase(solvents))")
                // "Add acetic acid to the mixture." — a comma only sets off how it is added.
                instruction += manner.isEmpty ? " to the mixture." : ", " + manner.joined(separator: ", ") + ", to the mixture."
            }
            reagentQuantities(ids)
            solventQuantities(solvents)
            blanks.append(Blank(label: "appearance after adding", unit: ""))
        case .combine:
            if step.takesAllReagents {
                instruction = "Combine all the solutions."
            } else {
                let ids = step.reagentList("reagents").map(\.value)
                instruction = "Combine the solutions of \(list(ids.map(name)))."
                // Stock solutions declared with their strength and volume are measured out here, not dissolved earlier.
                reagentQuantities(ids.filter { id in
                    guard let reagent = resolved.reagent(id)?.reagent else { return false }
                    return reagent.concentration != nil && reagent.volume != nil
                })
            }
            if let order = step.text("order")?.value { conditions.append(order) }
            blanks.append(Blank(label: "appearance on mixing", unit: ""))
        case .impregnate:
            let ids = step.reagentList("reagents").map(\.value)
            let solvents = step.solventVolumes("in")
            instruction = "Soak the solid in a solution of \(list(ids.map(name)))" + (solvents.isEmpty ? "" : " in \(solventPhrase(solvents))")
            if let t = q("time") { instruction += " for \(t)" }
            if let temperature = q("temperature") { instruction += " at \(temperature)" }
            instruction += "."
            reagentQuantities(ids)
            solventQuantities(solvents)
        case .stir:
            instruction = "Stir for \(q("time") ?? "the time given")" + (q("temperature").map { " at \($0)" } ?? " at room temperature")
            if let speed = q("speed") { instruction += ", \(speed)" }
            instruction += "."
            blanks.append(Blank(label: "appearance at the end (colour, turbidity)", unit: ""))
        case .heat:
            instruction = "Heat at \(q("temperature") ?? "the temperature given") for \(q("time") ?? "the time given")"
            if step.flag("reflux")?.value == true { instruction += " under reflux" }
            if let using = step.text("using")?.value { instruction += " (\(using.replacingOccurrences(of: "-", with: " ")))" }
            instruction += "."
            blanks.append(Blank(label: "temperature reached", unit: "°C"))
        case .solvothermal:
            let liner = step.text("liner")?.value ?? "PTFE"
            instruction = "Transfer the mixture to the \(q("vessel") ?? "") \(liner)-lined autoclave, seal it and heat in an oven at "
                + "\(q("temperature") ?? "the temperature given") for \(q("time") ?? "the time given"). Let it cool to room temperature before opening."
            if let fill = liquidVolume(before: step) { quantities.append("liquid in the liner: \(QuantityFormat.volume(milliliters: fill))") }
            if let ramp = q("ramp") { conditions.append("oven ramp \(ramp)") }
            blanks.append(Blank(label: "oven temperature reached", unit: "°C"))
            blanks.append(Blank(label: "appearance on opening", unit: ""))
        case .centrifuge:
            instruction = "Collect the solid by centrifugation at \(q("speed") ?? "the speed given") for \(q("time") ?? "the time given")"
            if let t = q("temperature") { instruction += " at \(t)" }
            instruction += "; discard the supernatant."
            blanks.append(Blank(label: "pellet colour", unit: ""))
        case .filter:
            instruction = "Collect the solid by filtration" + (step.text("membrane").map { " through \($0.value)" } ?? "") + "."
        case .wash:
            let with = step.reagent("with")?.value ?? ""
            let times = step.integer("times")?.value ?? 1
            instruction = "Wash the solid with \(q("volume") ?? "") \(name(with))" + (times > 1 ? ", \(times) times" : "")
            if let by = step.text("by")?.value { instruction += ", recovering it by \(by)" }
            instruction += "."
            if let volume = step.quantity("volume")?.value {
                quantities.append("\(name(with)): \(times) × \(volume) = \(QuantityFormat.volume(milliliters: volume.canonicalValue * Double(times)))")
            }
            blanks.append(Blank(label: "washes done", unit: "of \(times)"))
        case .dry:
            let under = step.text("under")?.value ?? "air"
            instruction = "Dry at \(q("temperature") ?? "the temperature given") for \(q("time") ?? "the time given") "
                + (under == "vacuum" ? "under vacuum" : under == "air" ? "in air" : "under \(under)") + "."
            blanks.append(Blank(label: "mass after drying", unit: "mg"))
        case .pyrolyze:
            let atmosphere = step.text("atmosphere")?.value ?? "the gas given"
            var gas = atmosphere
            if let h2 = q("h2") { gas += " (\(h2) H2)" }
            if let flow = q("flow") { gas += " at \(flow)" }
            instruction = "Spread the solid in a ceramic boat in the tube furnace. Purge with \(gas), then heat to \(q("temperature") ?? "the temperature given") "
                + "at \(q("ramp") ?? "the ramp given"), hold \(q("hold") ?? "the time given") and let cool "
                + (step.text("cooling")?.value == "controlled" ? "at a controlled rate" : "naturally") + " under the gas."
            programme = furnaceProgramme(step, holdName: "hold")
            blanks += [
                Blank(label: "mass loaded", unit: "mg"), Blank(label: "hold temperature reached", unit: "°C"),
                Blank(label: "cooling took", unit: "min"), Blank(label: "mass of product", unit: "mg"), Blank(label: "colour", unit: ""),
            ]
        case .acidEtch:
            let acid = step.reagent("acid")?.value ?? ""
            // A stock named with its own strength ("hydrofluoric acid 48 %") is not what the solid is stirred in.
            let acidPhrase = name(acid).contains("%") ? "acid (diluted from \(name(acid)))" : name(acid)
            instruction = "Stir the solid in \(q("volume").map { "\($0) of " } ?? "")\(q("concentration") ?? "") \(acidPhrase) at "
                + "\(q("temperature") ?? "the temperature given") for \(q("time") ?? "the time given"); then wash to neutral."
            if let stock = stockVolume(for: step) {
                quantities.append("\(name(acid)): \(QuantityFormat.volume(milliliters: stock.milliliters)) of the stock, made up to \(stock.total) with water")
                blanks.append(Blank(label: "\(name(acid)) measured", unit: "mL"))
            }
            blanks.append(Blank(label: "mass after leaching", unit: "mg"))
        case .reduce:
            var gas = step.text("gas")?.value ?? "the gas given"
            if let h2 = q("h2") { gas += " (\(h2) H2)" }
            if let flow = q("flow") { gas += " at \(flow)" }
            instruction = "Reduce under \(gas) at \(q("temperature") ?? "the temperature given") for \(q("time") ?? "the time given")"
                + (q("ramp").map { ", heating at \($0)" } ?? "") + "."
            if step.quantity("ramp") != nil { programme = furnaceProgramme(step, holdName: "time") }
            blanks.append(Blank(label: "temperature reached", unit: "°C"))
        case .ald:
            let precursor = step.reagent("precursor")?.value ?? ""
            let coReactant = step.reagent("co-reactant")?.value ?? ""
            instruction = "Run \(step.integer("cycles")?.value ?? 0) ALD cycles at \(q("temperature") ?? "the temperature given"): "
                + "pulse \(name(precursor)) \(q("pulse") ?? "")" + (q("exposure").map { ", expose \($0)" } ?? "")
                + ", purge \(q("purge") ?? ""); then \(name(coReactant)) the same way."
            if let pressure = q("pressure") { conditions.append("base pressure \(pressure)") }
            blanks += [Blank(label: "base pressure", unit: ""), Blank(label: "cycles completed", unit: ""), Blank(label: "mass gain", unit: "mg")]
        case .ionExchange:
            let ids = step.reagentList("source").map(\.value)
            let solvents = step.solventVolumes("in")
            let times = step.integer("times")?.value ?? 1
            instruction = "Soak the solid in a solution of \(list(ids.map(name))) in \(solventPhrase(solvents)) at "
                + "\(q("temperature") ?? "the temperature given") for \(q("time") ?? "the time given")"
                + (times > 1 ? "; do this \(times) times in all, with fresh solution each time" : "") + "."
            reagentQuantities(ids)
            if times > 1 {
                // The declared amount is what is weighed in all; each fresh solution takes its share.
                quantities = quantities.map { line in
                    guard let id = ids.first(where: { line.hasPrefix(name($0) + ": ") }), let grams = resolved.reagent(id)?.grams else { return line }
                    return line + " in all, \(QuantityFormat.mass(grams: grams / Double(times))) each time"
                }
            }
            solventQuantities(solvents, times: times)
            blanks.append(Blank(label: "colour of the solid", unit: ""))
        case .wait:
            instruction = "Let the mixture stand for \(q("time") ?? "the time given")" + (q("temperature").map { " at \($0)" } ?? "") + "."
            blanks.append(Blank(label: "appearance", unit: ""))
        case .evaporate:
            let under = step.text("under")?.value ?? "air"
            instruction = "Evaporate the solvent"
                + (under == "vacuum" ? " on a rotary evaporator" : under == "N2" ? " under a stream of N2" : " in the fume hood")
                + (step.flag("stir")?.value == true ? ", stirring," : "")
                + (q("temperature").map { " at \($0)" } ?? " at room temperature")
                + (q("time").map { " (about \($0))" } ?? "") + " until the solid is dry."
            blanks.append(Blank(label: "appearance of the solid", unit: ""))
        case .mill:
            let ids = step.reagentList("reagents").map(\.value)
            let using = step.text("using")?.value ?? "planetary-ball-mill"
            if using == "mortar" {
                instruction = "Grind \(list(ids.map(name))) together in an agate mortar for \(q("time") ?? "the time given")."
            } else {
                let material = step.text("balls")?.value.replacingOccurrences(of: "-", with: " ")
                instruction = "Weigh \(list(ids.map(name))) into the \(material.map { $0 + " " } ?? "")jar of the "
                    + using.replacingOccurrences(of: "-", with: " ") + (material.map { ", with \($0) balls," } ?? "")
                    + " and mill for \(q("time") ?? "the time given")" + (q("speed").map { " at \($0)" } ?? "") + "."
            }
            reagentQuantities(ids)
            blanks.append(Blank(label: "appearance of the mixed powder", unit: ""))
        }
        var block = ProtocolDocument.StepBlock(
            number: step.number, kind: kind.rawValue, instruction: instruction, quantities: quantities, conditions: conditions,
            duration: duration(of: step).map(Self.span), note: step.text("note")?.value, programme: programme, blanks: blanks,
            overnight: canRunOvernight(step))
        block.hasQuantities = !quantities.isEmpty
        block.conditionSummary = conditions.isEmpty ? nil : conditions.joined(separator: "; ")
        return block
    }

    func shortTitle(_ step: Step) -> String {
        StepSpec.spec(for: step.kind.value).summary
    }

    // MARK: time

    /// How long a step takes, when the recipe says (and a furnace's ramp up); nil for hands-on steps with no time given.
    func duration(of step: Step) -> Double? {
        func seconds(_ name: String) -> Double? { step.quantity(name)?.value.canonicalValue }
        switch step.kind.value {
        case .dissolve: return seconds("sonicate")
        case .add: return seconds("over")
        case .combine, .filter, .wash, .ald: return nil
        case .impregnate, .stir, .heat, .centrifuge, .dry, .acidEtch, .wait, .evaporate, .mill: return seconds("time")
        case .solvothermal: return seconds("time").map { $0 + (rampSeconds(step) ?? 0) }
        case .reduce: return seconds("time").map { $0 + (rampSeconds(step) ?? 0) }
        case .pyrolyze: return seconds("hold").map { $0 + (rampSeconds(step) ?? 0) }
        case .ionExchange: return seconds("time").map { $0 * Double(step.integer("times")?.value ?? 1) }
        }
    }

    /// Time to ramp from room temperature to the set temperature.
    func rampSeconds(_ step: Step) -> Double? {
        guard let target = step.quantity("temperature")?.value.canonicalValue, let ramp = step.quantity("ramp")?.value.canonicalValue,
              ramp > 0, let start = knowledge.roomTemperature, target > start
        else { return nil }
        return (target - start) / ramp * 60
    }

    func canRunOvernight(_ step: Step) -> Bool {
        guard Self.unattended.contains(step.kind.value), let hours = knowledge.overnightMinimumHours, let seconds = duration(of: step) else { return false }
        return seconds >= hours * 3600
    }

    /// "2 h 55 min", "10 min", "30 s".
    static func span(_ seconds: Double) -> String {
        if seconds < 60 && seconds.rounded() != 0 { return "\(QuantityFormat.number(seconds)) s" }
        let minutes = Int(saturating: seconds / 60, rounding: .toNearestOrAwayFromZero)
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return "\(rest) min" }
        return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }

    /// The liquid in an autoclave: as written (`fill`), or the solvent volumes of the steps since the solid was last collected.
    func liquidVolume(before step: Step) -> Double? {
        if let fill = step.quantity("fill") { return fill.value.canonicalValue }
        var total = 0.0
        for earlier in resolved.recipe.steps where earlier.number < step.number {
            switch earlier.kind.value {
            case .centrifuge, .filter, .wash, .dry, .pyrolyze, .solvothermal:
                total = 0
            default:
                total += earlier.solventVolumes("in").reduce(0) { $0 + $1.volume.value.canonicalValue }
                for id in earlier.reagentList("reagents").map(\.value) {
                    if let mL = resolved.reagent(id)?.reagent.volume?.value.canonicalValue { total += mL }
                }
            }
        }
        return total > 0 ? total : nil
    }

    // MARK: furnace programme

    func furnaceProgramme(_ step: Step, holdName: String) -> ProtocolDocument.Programme {
        let target = step.quantity("temperature")?.value
        let ramp = step.quantity("ramp")?.value
        let hold = step.quantity(holdName)?.value
        let start = knowledge.roomTemperature
        var segments: [String] = []
        let rampTime = rampSeconds(step)
        if let target, let ramp {
            segments.append("heat from room temperature to \(target) at \(ramp)" + (rampTime.map { " (about \(Self.span($0)))" } ?? ""))
        }
        if let hold, let target { segments.append("hold at \(target) for \(hold)") }
        segments.append(step.text("cooling")?.value == "controlled"
            ? "cool at a controlled rate under the gas" : "cool naturally under the gas (time not estimated: note it in the blank)")
        var plot: ProtocolDocument.ProgrammePlot?
        if let target = target?.canonicalValue, let rampTime, let holdTime = hold?.canonicalValue, let start {
            plot = Self.plot(start: start, target: target, rampMinutes: rampTime / 60, holdMinutes: holdTime / 60)
        }
        return ProtocolDocument.Programme(segments: segments, summary: segments.joined(separator: "; "), plot: plot)
    }

    /// Temperature against time, drawn to scale for heating and holding; the cooling line is drawn as long as the ramp and
    /// dashed, since its length is not known.
    static func plot(start: Double, target: Double, rampMinutes: Double, holdMinutes: Double) -> ProtocolDocument.ProgrammePlot {
        let (width, height, left, right, top, bottom) = (360, 150, 48, 344, 12, 120)
        let coolMinutes = rampMinutes
        let totalMinutes = max(rampMinutes + holdMinutes + coolMinutes, 1)
        let temperatureTop = max((target / 100).rounded(.up) * 100, 100)
        func x(_ minutes: Double) -> Int { left + min(max(Int(saturating: Double(right - left) * minutes / totalMinutes, rounding: .toNearestOrAwayFromZero), 0), right - left) }
        func y(_ celsius: Double) -> Int { bottom - min(max(Int(saturating: Double(bottom - top) * max(celsius, 0) / temperatureTop, rounding: .toNearestOrAwayFromZero), 0), bottom - top) }
        let holdEnd = rampMinutes + holdMinutes
        let heating = "M \(x(0)) \(y(start)) L \(x(rampMinutes)) \(y(target)) L \(x(holdEnd)) \(y(target))"
        let cooling = "M \(x(holdEnd)) \(y(target)) L \(x(totalMinutes)) \(y(start))"
        let hours = { (minutes: Double) in QuantityFormat.number(minutes / 60, significant: 2) + " h" }
        return ProtocolDocument.ProgrammePlot(
            width: width, height: height, left: left, right: right, top: top, bottom: bottom,
            heatingPath: heating, coolingPath: cooling,
            xTicks: [.init(position: x(0), label: "0"), .init(position: x(rampMinutes), label: hours(rampMinutes)),
                     .init(position: x(holdEnd), label: hours(holdEnd))],
            yTicks: [.init(position: y(start), label: "\(QuantityFormat.number(start)) °C"),
                     .init(position: y(target), label: "\(QuantityFormat.number(target)) °C")],
            caption: "Temperature against time: heating and hold to scale; cooling (dashed) not to scale.",
            temperatureLabelX: left - 4, timeLabelY: bottom + 14)
    }
}
