import AnchorageCore
import Foundation

/// Each step in a chemist's words, with its quantities, conditions, duration and the blanks to fill in at the bench.
struct StepWording: Sendable {
    var resolved: ResolvedRecipe
    var knowledge: ProtocolKnowledge

    typealias Blank = ProtocolDocument.Blank

    func block(for step: Step, observed: BenchRecord.Step? = nil) -> ProtocolDocument.StepBlock {
        let phrasebook = StepPhrasebook(resolved: resolved)
        let words = phrasebook.words(for: step)
        let programme = words.furnaceProgramme ? furnaceProgramme(step) : nil
        var block = ProtocolDocument.StepBlock(
            number: step.number, kind: step.kind.value.rawValue, instruction: words.instruction, quantities: words.quantities,
            conditions: words.conditions, duration: duration(of: step).map(Self.span), note: step.text(.note)?.value, programme: programme,
            blanks: words.blanks.map { Blank(label: $0.label, unit: $0.unit) }, overnight: canRunOvernight(step))
        block.hasQuantities = !words.quantities.isEmpty
        block.conditionSummary = words.conditions.isEmpty ? nil : words.conditions.joined(separator: "; ")
        if let observed { Self.fill(&block, blanks: words.blanks, observed: observed, name: phrasebook.name) }
        return block
    }

    func shortTitle(_ step: Step) -> String {
        StepSpec.spec(for: step.kind.value).summary
    }

    // MARK: time

    /// How long a step takes, when the recipe says (and a furnace's ramp up); nil for hands-on steps with no time given.
    func duration(of step: Step) -> Double? {
        let behaviour = step.behaviour
        guard let own = behaviour.time.flatMap({ step.quantity($0)?.value.canonicalValue }) else { return nil }
        return own * Double(step.repetitions) + (behaviour.addsRamp ? rampSeconds(step) ?? 0 : 0)
    }

    /// Time to ramp from room temperature to the set temperature.
    func rampSeconds(_ step: Step) -> Double? {
        guard let target = step.quantity(.temperature)?.value.canonicalValue, let ramp = step.quantity(.ramp)?.value.canonicalValue,
            ramp > 0, let start = knowledge.roomTemperature, target > start
        else { return nil }
        return (target - start) / ramp * 60
    }

    func canRunOvernight(_ step: Step) -> Bool {
        guard step.behaviour.unattended, let hours = knowledge.overnightMinimumHours, let seconds = duration(of: step) else { return false }
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

    // MARK: furnace programme

    func furnaceProgramme(_ step: Step) -> ProtocolDocument.Programme {
        let target = step.quantity(.temperature)?.value
        let ramp = step.quantity(.ramp)?.value
        let hold = step.behaviour.time.flatMap { step.quantity($0) }?.value
        let start = knowledge.roomTemperature
        var segments: [String] = []
        let rampTime = rampSeconds(step)
        if let target, let ramp {
            segments.append("heat from room temperature to \(target) at \(ramp)" + (rampTime.map { " (about \(Self.span($0)))" } ?? ""))
        }
        if let hold, let target { segments.append("hold at \(target) for \(hold)") }
        segments.append(
            step.text(.cooling)?.value == "controlled"
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
        func x(_ minutes: Double) -> Int {
            left
                + min(
                    max(Int(saturating: Double(right - left) * minutes / totalMinutes, rounding: .toNearestOrAwayFromZero), 0), right - left
                )
        }
        func y(_ celsius: Double) -> Int {
            bottom
                - min(
                    max(Int(saturating: Double(bottom - top) * max(celsius, 0) / temperatureTop, rounding: .toNearestOrAwayFromZero), 0),
                    bottom - top)
        }
        let holdEnd = rampMinutes + holdMinutes
        let heating = "M \(x(0)) \(y(start)) L \(x(rampMinutes)) \(y(target)) L \(x(holdEnd)) \(y(target))"
        let cooling = "M \(x(holdEnd)) \(y(target)) L \(x(totalMinutes)) \(y(start))"
        let hours = { (minutes: Double) in QuantityFormat.number(minutes / 60, significant: 2) + " h" }
        return ProtocolDocument.ProgrammePlot(
            width: width, height: height, left: left, right: right, top: top, bottom: bottom,
            heatingPath: heating, coolingPath: cooling,
            xTicks: [
                .init(position: x(0), label: "0"), .init(position: x(rampMinutes), label: hours(rampMinutes)),
                .init(position: x(holdEnd), label: hours(holdEnd)),
            ],
            yTicks: [
                .init(position: y(start), label: "\(QuantityFormat.number(start)) °C"),
                .init(position: y(target), label: "\(QuantityFormat.number(target)) °C"),
            ],
            caption: "Temperature against time: heating and hold to scale; cooling (dashed) not to scale.",
            temperatureLabelX: left - 4, timeLabelY: bottom + 14)
    }
}
