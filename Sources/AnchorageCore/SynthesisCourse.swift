import Foundation

/// The host framework as the course needs to know it: the names it answers to, the metals of its nodes, and whether
/// its node cations are known to exchange. Filled by the caller from the framework catalog and the chemistry data.
public struct HostIdentity: Sendable {
  public var name: String
  /// Every name the framework answers to (compared by letters and digits only).
  public var names: [String]
  public var metals: [String]
  public var exchangesNodes: Bool

  public init(name: String, names: [String], metals: [String], exchangesNodes: Bool) {
    self.name = name
    self.names = names
    self.metals = metals
    self.exchangesNodes = exchangesNodes
  }

  public func answers(to written: String) -> Bool {
    let key = Self.key(written)
    return ([name] + names).contains { Self.key($0) == key }
  }

  static func key(_ name: String) -> String {
    name.lowercased().filter { $0.isLetter || $0.isNumber }
  }
}

/// What the course reads from the data beyond the recipe: the host, and which chemicals are or form HF.
public struct CourseKnowledge: Sendable {
  public var host: HostIdentity?
  /// Catalog ids of HF and of the salts that form it in acid (data: lab.hf_forming_etchants).
  public var hfFormingIDs: Set<String>
  /// The same as written formulas, for reagents written without a catalog name ("·" written as ".").
  public var hfFormingFormulas: Set<String>

  public init(host: HostIdentity?, hfFormingIDs: Set<String>, hfFormingFormulas: Set<String>) {
    self.host = host
    self.hfFormingIDs = hfFormingIDs
    self.hfFormingFormulas = Set(hfFormingFormulas.map(Self.formulaKey))
  }

  public static let none = CourseKnowledge(host: nil, hfFormingIDs: [], hfFormingFormulas: [])

  static func formulaKey(_ formula: String) -> String {
    formula.replacingOccurrences(of: "·", with: ".").replacingOccurrences(of: " ", with: "")
  }
}

/// The course of a synthesis: what is in the flask after each step, where the host framework comes from and what
/// becomes of it, and the events the chemistry turns on, each with where the recipe writes it. Built once from a
/// resolved recipe; rules, the protocol, the planner and the notebook ask it instead of reading step kinds.
public struct SynthesisCourse: Sendable {
  public enum ReagentState: String, Sendable, Hashable {
    case solid, dissolved, suspended, liquid, gas
  }

  /// One vessel's contents.
  public struct Vessel: Sendable {
    /// Each reagent in the vessel and its state.
    public var contents: [String: ReagentState] = [:]
    /// Liquid volume, mL.
    public var liquidMilliliters: Double = 0
    public var sealed = false
    public var temperatureC: Double?
    public var atmosphere: String?

    public var isEmpty: Bool { contents.isEmpty && liquidMilliliters == 0 }
    public func holds(_ id: String) -> Bool { contents[id] != nil }
  }

  public enum HostState: String, Sendable, Hashable {
    /// Not yet in the recipe (not formed, not weighed in).
    case absent
    /// Its metal source and linker have met; the framework is still forming.
    case forming
    /// A made framework.
    case framework
    /// Carbonised by pyrolysis.
    case carbonised
    /// Etched by acid after it was carbonised or made.
    case etched
  }

  public enum HostOrigin: Sendable {
    /// Weighed in already made: the reagent and where it is declared.
    case weighedIn(reagent: String, at: SourceLocation)
    /// Formed in the recipe at this step, where its metal source and linker meet.
    case formed(step: Int, at: SourceLocation)
    /// Named by the recipe's `host:` and neither weighed in nor made by it (no linker among its reagents): taken
    /// as made and in the vessel from the first step.
    case named
    /// No host named, or the recipe neither makes nor weighs it in as far as the course can tell.
    case notTraced
  }

  /// The state after one step.
  public struct StepState: Sendable {
    public var step: Int
    public var kind: StepKind
    /// The vessel the step works on, while it runs (the new solution, for a solution being prepared).
    public var during: Vessel
    /// The host while the step runs (after what the step brings in, before what it does to the solid).
    public var hostDuring: HostState
    /// The working vessel after the step.
    public var vessel: Vessel
    /// Solutions prepared and not yet used.
    public var prepared: [Vessel]
    public var host: HostState
  }

  public enum Mode: String, Sendable, Hashable {
    /// Present before or while the framework forms.
    case inSitu = "in-situ"
    /// Brought to a framework already made.
    case postSynthetic = "post-synthetic"
  }

  /// A reagent first meeting the host framework.
  public struct Encounter: Sendable {
    public var reagent: String
    public var step: Int
    /// The step that brings them together, and how it is said.
    public var by: StepKind
    public var phrase: String
    public var mode: Mode
    /// Whether a liquid carries the reagent to the solid (a solution, a suspension), not a dry mix or a gas.
    public var inSolution: Bool
    public var location: SourceLocation
  }

  /// A metal salt reaching a node-exchange host in solution: an exchange, whatever the verb.
  public struct Exchange: Sendable {
    public var reagent: String
    public var step: Int
    public var location: SourceLocation
  }

  /// What a sealed vessel holds and how full it is.
  public struct SealedFill: Sendable {
    public var step: Int
    /// Liner volume as written.
    public var vessel: Located<Quantity>?
    public var vesselMilliliters: Double? { vessel?.value.canonicalValue }
    /// Liquid in the liner, mL: the step's `fill`, else the liquid the course has in the vessel.
    public var liquidMilliliters: Double?
    public var fillIsWritten: Bool
    public var contents: [String: ReagentState]

    /// Liquid over liner volume, when both are known.
    public var fraction: Double? {
      guard let vessel = vesselMilliliters, vessel > 0, let liquid = liquidMilliliters else {
        return nil
      }
      return liquid / vessel
    }
  }

  /// HF, or a salt that forms it, brought in at a step.
  public struct HFPresence: Sendable {
    public var reagent: String
    public var step: Int
    public var location: SourceLocation
  }

  /// The solid heated in a furnace under a gas.
  public struct FurnaceTreatment: Sendable {
    public var step: Int
    public var gas: Located<String>?
    public var temperatureC: Double?
    /// Whether it carbonises the framework (a pyrolysis), as opposed to a reduction of a made solid.
    public var hostBefore: HostState
  }

  public var states: [StepState]
  public var hostOrigin: HostOrigin
  public var encounters: [Encounter]
  public var exchanges: [Exchange]
  public var sealedFills: [SealedFill]
  public var hf: [HFPresence]
  public var furnace: [FurnaceTreatment]

  /// The first meeting of a reagent with the host, if it meets it.
  public func encounter(of reagent: String) -> Encounter? {
    encounters.first { $0.reagent == reagent }
  }

  /// The sealed fill of a step, if that step seals the vessel.
  public func sealedFill(atStep number: Int) -> SealedFill? {
    sealedFills.first { $0.step == number }
  }

  /// Steps where HF is present.
  public var hfSteps: [Int] {
    var seen = Set<Int>()
    return hf.map(\.step).filter { seen.insert($0).inserted }
  }

  public func state(afterStep number: Int) -> StepState? { states.first { $0.step == number } }

  /// Steps that hold the host as a framework (forming or made), other than in a furnace, which is meant to change it.
  public var stepsHoldingFramework: [Int] {
    states.filter { state in
      [.forming, .framework].contains(state.hostDuring)
        && StepBehaviour.of(state.kind).contents != .furnace
    }.map(\.step)
  }

  /// The solvents (liquid, solvent-like reagents) in the vessel a step works on, in the order first named.
  public func solvents(atStep number: Int, in resolved: ResolvedRecipe) -> [ResolvedReagent] {
    guard let during = state(afterStep: number)?.during else { return [] }
    return resolved.reagents.filter {
      during.contents[$0.id] == .liquid && $0.isSolventLike && $0.role != .gas
    }
  }
}

extension SynthesisCourse {
  /// Follows the recipe step by step.
  public init(_ resolved: ResolvedRecipe, knowledge: CourseKnowledge) {
    var builder = CourseBuilder(resolved: resolved, knowledge: knowledge)
    self = builder.run()
  }
}

struct CourseBuilder {
  let resolved: ResolvedRecipe
  let knowledge: CourseKnowledge

  var working = SynthesisCourse.Vessel()
  var prepared: [SynthesisCourse.Vessel] = []
  var host: SynthesisCourse.HostState = .absent
  var hostOrigin: SynthesisCourse.HostOrigin = .notTraced
  /// The reagent that is the made host, when it is weighed in.
  var hostReagent: String?
  /// A made host named by the recipe and not declared as a reagent.
  var impliedHost = false
  /// Reagents that make the host (its metal source and linker), when it forms in the recipe.
  var hostConstituents = Set<String>()
  /// Where each reagent was last named by a step.
  var namedAt: [String: SourceLocation] = [:]
  var encounters: [SynthesisCourse.Encounter] = []
  var exchanges: [SynthesisCourse.Exchange] = []
  var sealedFills: [SynthesisCourse.SealedFill] = []
  var hf: [SynthesisCourse.HFPresence] = []
  var furnace: [SynthesisCourse.FurnaceTreatment] = []
  var states: [SynthesisCourse.StepState] = []

  init(resolved: ResolvedRecipe, knowledge: CourseKnowledge) {
    self.resolved = resolved
    self.knowledge = knowledge
    if let identity = knowledge.host {
      // A made framework weighed in: a support reagent, or a reagent named as the host.
      let support =
        resolved.reagents.first { reagent in
          let names = [
            reagent.reagent.name?.value, reagent.reagent.formula?.value, reagent.chemical?.name,
            reagent.id,
          ].compactMap { $0 }
          return names.contains { identity.answers(to: $0) }
        } ?? resolved.reagents.first { $0.role == .support }
      if let support {
        hostReagent = support.id
        hostOrigin = .weighedIn(reagent: support.id, at: support.reagent.id.location)
      }
      let makesFramework = resolved.reagents.contains {
        $0.role == .linker || $0.chemical?.chemicalClass == "linker"
      }
      if hostReagent == nil && !makesFramework {
        impliedHost = true
        host = .framework
        hostOrigin = .named
      }
    } else if let support = resolved.reagents.first(where: { $0.role == .support }) {
      hostReagent = support.id
      hostOrigin = .weighedIn(reagent: support.id, at: support.reagent.id.location)
    }
  }

  func state(of id: String) -> SynthesisCourse.ReagentState {
    guard let reagent = resolved.reagent(id) else { return .solid }
    if reagent.role == .gas || reagent.chemical?.chemicalClass == "gas" { return .gas }
    if reagent.reagent.concentration != nil { return .dissolved }
    if reagent.isSolventLike || reagent.reagent.volume != nil { return .liquid }
    return .solid
  }

  /// The declared volume a reagent brings when a step names it (a neat liquid or a stock solution), mL.
  func declaredVolume(_ id: String) -> Double {
    resolved.reagent(id)?.reagent.volume?.value.canonicalValue ?? 0
  }

  func hostPresent(in vessel: SynthesisCourse.Vessel) -> Bool {
    if impliedHost { return host != .absent }
    if let hostReagent { return vessel.holds(hostReagent) }
    return host != .absent && !hostConstituents.isEmpty
      && hostConstituents.contains { vessel.holds($0) }
  }

  mutating func bring(
    _ ids: [Located<String>], solvents: [(reagent: Located<String>, volume: Located<Quantity>)],
    into original: SynthesisCourse.Vessel, liquid: Bool
  ) -> SynthesisCourse.Vessel {
    var vessel = original
    for id in ids {
      namedAt[id.value] = id.location
      var state = state(of: id.value)
      if state == .solid && liquid { state = .dissolved }
      vessel.contents[id.value] = state
      vessel.liquidMilliliters += declaredVolume(id.value)
    }
    for (solvent, volume) in solvents {
      namedAt[solvent.value] = solvent.location
      vessel.contents[solvent.value] = .liquid
      vessel.liquidMilliliters += volume.value.canonicalValue
    }
    return vessel
  }

  mutating func merge(_ other: SynthesisCourse.Vessel) {
    for (id, state) in other.contents { working.contents[id] = working.contents[id] ?? state }
    working.liquidMilliliters += other.liquidMilliliters
  }

  /// The host forms where a reagent carrying one of its metals meets a linker in the working vessel.
  mutating func checkFormation(_ step: Step) {
    guard host == .absent, hostReagent == nil, let identity = knowledge.host else { return }
    let metals = Set(identity.metals)
    let sources = working.contents.keys.filter { id in
      guard let reagent = resolved.reagent(id), !reagent.isSolventLike, reagent.role != .linker
      else { return false }
      return !Set(reagent.metals).isDisjoint(with: metals)
    }
    let linkers = working.contents.keys.filter {
      resolved.reagent($0)?.role == .linker
        || resolved.reagent($0)?.chemical?.chemicalClass == "linker"
    }
    guard !sources.isEmpty, !linkers.isEmpty else { return }
    host = .forming
    hostConstituents = Set(sources + linkers)
    hostOrigin = .formed(step: step.number, at: step.kind.location)
  }

  /// Records every reagent in the working vessel that meets the host for the first time.
  mutating func recordEncounters(_ step: Step, behaviour: StepBehaviour) {
    guard hostPresent(in: working) else { return }
    let met = Set(encounters.map(\.reagent))
    let mode: SynthesisCourse.Mode =
      hostReagent != nil || host == .framework || host == .carbonised || host == .etched
      ? .postSynthetic : .inSitu
    let inSolution = !behaviour.dry && working.liquidMilliliters > 0
    for id in working.contents.keys.sorted()
    where !met.contains(id) && id != hostReagent && !hostConstituents.contains(id) {
      guard let reagent = resolved.reagent(id), !reagent.isSolventLike else { continue }
      let location = namedAt[id] ?? step.kind.location
      encounters.append(
        .init(
          reagent: id, step: step.number, by: step.kind.value, phrase: behaviour.meetingPhrase,
          mode: mode,
          inSolution: inSolution, location: location))
      // A metal salt reaching a node-exchange host in solution is an exchange, whatever the verb.
      if mode == .postSynthetic, inSolution, host != .carbonised, let identity = knowledge.host,
        identity.exchangesNodes,
        !reagent.metals.isEmpty, !Set(reagent.metals).isSubset(of: Set(identity.metals))
      {
        exchanges.append(.init(reagent: id, step: step.number, location: location))
      }
    }
  }

  func formsHF(_ id: String) -> Bool {
    guard let reagent = resolved.reagent(id) else { return false }
    if let catalogID = reagent.chemical?.id, knowledge.hfFormingIDs.contains(catalogID) {
      return true
    }
    if let written = reagent.reagent.formula?.value,
      knowledge.hfFormingFormulas.contains(CourseKnowledge.formulaKey(written))
    {
      return true
    }
    return false
  }

  mutating func run() -> SynthesisCourse {
    for step in resolved.recipe.steps {
      let behaviour = step.behaviour
      for id in step.reagentsBroughtIn where formsHF(id.value) {
        hf.append(.init(reagent: id.value, step: step.number, location: id.location))
      }
      switch behaviour.contents {
      case .prepareSolution:
        let solution = bring(
          step.reagentsBroughtIn,
          solvents: behaviour.solventsIn.map { step.solventVolumes($0) } ?? [],
          into: SynthesisCourse.Vessel(),
          liquid: true)
        // A solution made where a framework is already suspended is made in its liquid: nothing else can
        // take it. Otherwise it waits for its combine step (or the next operation).
        if hostPresent(in: working) && working.liquidMilliliters > 0 {
          merge(solution)
        } else {
          prepared.append(solution)
        }
      case .combineSolutions:
        if step.takesAllReagents {
          for solution in prepared { merge(solution) }
          prepared = []
        } else {
          let named = step.reagentsBroughtIn
          var rest: [SynthesisCourse.Vessel] = []
          for solution in prepared {
            if named.contains(where: { solution.holds($0.value) }) {
              merge(solution)
            } else {
              rest.append(solution)
            }
          }
          prepared = rest
          // Stock solutions named here and not prepared in an earlier step are measured out now.
          let fresh = named.filter { id in !working.holds(id.value) }
          working = bring(fresh, solvents: [], into: working, liquid: true)
          for id in named { namedAt[id.value] = id.location }
        }
      default:
        // A prepared solution not yet combined goes into the next operation on the mixture.
        for solution in prepared { merge(solution) }
        prepared = []
      }
      switch behaviour.contents {
      case .bringIn, .etch, .gasPhaseDeposition:
        let solvents = behaviour.solventsIn.map { step.solventVolumes($0) } ?? []
        working = bring(
          step.reagentsBroughtIn, solvents: solvents, into: working, liquid: !solvents.isEmpty)
      default: break
      }
      checkFormation(step)
      recordEncounters(step, behaviour: behaviour)
      let hostDuring: SynthesisCourse.HostState =
        host == .absent && hostPresent(in: working) ? .framework : host
      if let celsius = step.quantity(.temperature)?.value.canonicalValue {
        working.temperatureC = celsius
      }
      var during =
        behaviour.contents == .prepareSolution && !prepared.isEmpty
        ? prepared[prepared.count - 1] : working
      during.sealed = behaviour.sealed
      during.temperatureC = step.quantity(.temperature)?.value.canonicalValue
      if behaviour.sealed {
        let vessel = step.quantity(.vessel)
        let fill = step.quantity(.fill)?.value.canonicalValue
        let liquid = fill ?? (working.liquidMilliliters > 0 ? working.liquidMilliliters : nil)
        sealedFills.append(
          .init(
            step: step.number, vessel: vessel,
            liquidMilliliters: liquid, fillIsWritten: fill != nil, contents: working.contents))
      }
      if behaviour.contents == .furnace {
        furnace.append(
          .init(
            step: step.number, gas: step.furnaceGas,
            temperatureC: step.quantity(.temperature)?.value.canonicalValue,
            hostBefore: host))
        working.atmosphere = step.furnaceGas?.value
      }
      // What the step leaves.
      if behaviour.isolatesSolid {
        working.liquidMilliliters = 0
        for (id, state) in working.contents where state != .solid {
          if let reagent = resolved.reagent(id), reagent.isSolventLike || reagent.role == .acid {
            working.contents[id] = nil
          } else {
            working.contents[id] = .solid
          }
        }
        if host == .forming { host = .framework }
      }
      if behaviour.carbonises, host == .framework || hostPresent(in: working) { host = .carbonised }
      if behaviour.contents == .etch, host != .absent { host = .etched }
      if hostReagent != nil, host == .absent, hostPresent(in: working) { host = .framework }
      states.append(
        .init(
          step: step.number, kind: step.kind.value, during: during, hostDuring: hostDuring,
          vessel: working, prepared: prepared, host: host))
    }
    return SynthesisCourse(
      states: states, hostOrigin: hostOrigin, encounters: encounters, exchanges: exchanges,
      sealedFills: sealedFills, hf: hf,
      furnace: furnace)
  }
}
