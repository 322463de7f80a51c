/// What each kind of step does to the materials, in one table: how it changes the contents of the vessel, which of
/// its parameters bring reagents in, which give its liquid, its time, its gas, whether it runs unattended and how its
/// meeting of a precursor with a made framework is described. The course of the synthesis, the resolver's volume
/// bookkeeping, the rules and the protocol read a step through its behaviour, never through its name; adding a kind
/// of step means one row here (the `switch` is exhaustive, so the compiler asks for it) and its wording.
public struct StepBehaviour: Sendable {
  /// How a step changes what the vessel holds.
  public enum Contents: Sendable, Hashable {
    /// A solution prepared in a vessel of its own, used when it is combined or in the next operation.
    case prepareSolution
    /// Reagents (solid, liquid or in solution) brought into the working vessel.
    case bringIn
    /// Prepared solutions poured together into the working vessel.
    case combineSolutions
    /// Time and temperature: the contents are unchanged.
    case treat
    /// The contents heated in a sealed vessel.
    case sealAndHeat
    /// The solid collected: the liquid is removed.
    case collectSolid
    /// The liquid removed and the solid left dry.
    case removeLiquid
    /// The dry solid heated in a tube furnace under a flowing gas.
    case furnace
    /// The solid stirred in acid, then washed.
    case etch
    /// A precursor brought to the solid from the gas phase.
    case gasPhaseDeposition
  }

  public var kind: StepKind
  public var contents: Contents
  /// Parameters naming the reagents the step brings into the vessel.
  public var reagentsIn: [StepParameter]
  /// The `{solvent: volume}` parameter of the liquid the step brings, if any.
  public var solventsIn: StepParameter?
  /// A solvent named with a volume per use (a wash): reagent parameter and volume parameter.
  public var rinse: (reagent: StepParameter, volume: StepParameter)?
  /// An acid named by the step and the volume of it at the step's strength.
  public var dilutedAcid: (acid: StepParameter, volume: StepParameter, strength: StepParameter)?
  /// How many times the step is done with fresh liquid.
  public var repeats: StepParameter?
  /// The parameter giving the step's own time, and whether a furnace or oven ramp from room temperature adds to it.
  public var time: StepParameter?
  public var addsRamp: Bool
  /// The gas the solid is heated under, for a furnace step.
  public var gas: StepParameter?
  /// A step nobody need watch, which may run overnight when long enough.
  public var unattended: Bool
  /// The vessel is closed while the step runs.
  public var sealed: Bool
  /// How the step brings a reagent to a framework already made: "soaked in", "milled with the made framework".
  public var meetingPhrase: String
  /// The solid meets the reagent dry (no liquid carries it): a dry mix cannot exchange node ions.
  public var dry: Bool
  /// Heating under a flowing inert or reducing gas that turns a framework to carbon (a pyrolysis).
  public var carbonises: Bool

  init(
    _ kind: StepKind, _ contents: Contents, reagentsIn: [StepParameter] = [],
    solventsIn: StepParameter? = nil,
    rinse: (reagent: StepParameter, volume: StepParameter)? = nil,
    dilutedAcid: (acid: StepParameter, volume: StepParameter, strength: StepParameter)? = nil,
    repeats: StepParameter? = nil,
    time: StepParameter? = nil, addsRamp: Bool = false, gas: StepParameter? = nil,
    unattended: Bool = false, sealed: Bool = false,
    meetingPhrase: String = "brought to the made framework", dry: Bool = false,
    carbonises: Bool = false
  ) {
    self.kind = kind
    self.contents = contents
    self.reagentsIn = reagentsIn
    self.solventsIn = solventsIn
    self.rinse = rinse
    self.dilutedAcid = dilutedAcid
    self.repeats = repeats
    self.time = time
    self.addsRamp = addsRamp
    self.gas = gas
    self.unattended = unattended
    self.sealed = sealed
    self.meetingPhrase = meetingPhrase
    self.dry = dry
    self.carbonises = carbonises
  }

  public static func of(_ kind: StepKind) -> StepBehaviour {
    switch kind {
    case .dissolve:
      StepBehaviour(
        kind, .prepareSolution, reagentsIn: [.reagents], solventsIn: .in, time: .sonicate,
        meetingPhrase: "dissolved into its suspension")
    case .add:
      StepBehaviour(
        kind, .bringIn, reagentsIn: [.reagents], solventsIn: .in, time: .over,
        meetingPhrase: "added to the made framework")
    case .combine:
      StepBehaviour(
        kind, .combineSolutions, reagentsIn: [.reagents],
        meetingPhrase: "combined with the made framework")
    case .impregnate:
      StepBehaviour(
        kind, .bringIn, reagentsIn: [.reagents], solventsIn: .in, time: .time, unattended: true,
        meetingPhrase: "soaked in")
    case .mill:
      StepBehaviour(
        kind, .bringIn, reagentsIn: [.reagents], time: .time,
        meetingPhrase: "milled with the made framework", dry: true)
    case .ionExchange:
      StepBehaviour(
        kind, .bringIn, reagentsIn: [.source], solventsIn: .in, repeats: .times, time: .time,
        unattended: true,
        meetingPhrase: "soaked in")
    case .stir:
      StepBehaviour(kind, .treat, time: .time, unattended: true)
    case .heat:
      StepBehaviour(kind, .treat, time: .time, unattended: true)
    case .wait:
      StepBehaviour(kind, .treat, time: .time, unattended: true)
    case .solvothermal:
      StepBehaviour(kind, .sealAndHeat, time: .time, addsRamp: true, unattended: true, sealed: true)
    case .centrifuge:
      StepBehaviour(kind, .collectSolid, time: .time)
    case .filter:
      StepBehaviour(kind, .collectSolid)
    case .wash:
      StepBehaviour(kind, .collectSolid, rinse: (.with, .volume), repeats: .times)
    case .dry:
      StepBehaviour(kind, .removeLiquid, time: .time, unattended: true)
    case .evaporate:
      StepBehaviour(kind, .removeLiquid, time: .time)
    case .pyrolyze:
      StepBehaviour(
        kind, .furnace, time: .hold, addsRamp: true, gas: .atmosphere, unattended: true,
        carbonises: true)
    case .reduce:
      StepBehaviour(kind, .furnace, time: .time, addsRamp: true, gas: .gas)
    case .acidEtch:
      StepBehaviour(
        kind, .etch, reagentsIn: [.acid], dilutedAcid: (.acid, .volume, .concentration),
        time: .time, unattended: true,
        meetingPhrase: "etched with")
    case .ald:
      StepBehaviour(
        kind, .gasPhaseDeposition, reagentsIn: [.precursor, .coReactant],
        meetingPhrase: "deposited from the gas phase on", dry: true)
    }
  }

  public static let all: [StepBehaviour] = StepKind.allCases.map(of)

  /// Whether the step ends with the solid out of its liquid (collected, dried, heated in a furnace, etched and washed).
  public var isolatesSolid: Bool {
    [.collectSolid, .removeLiquid, .furnace, .etch, .gasPhaseDeposition].contains(contents)
  }
}

extension Step {
  public var behaviour: StepBehaviour { StepBehaviour.of(kind.value) }

  /// The reagents this step brings into the vessel, each where the step names it.
  public var reagentsBroughtIn: [Located<String>] {
    behaviour.reagentsIn.flatMap { reagentList($0) }
  }

  /// The gas a furnace step heats the solid under, as written (`N2`, `H2/Ar`, `NH3`, …).
  public var furnaceGas: Located<String>? { behaviour.gas.flatMap { text($0) } }

  /// How many times the step is done with fresh liquid (1 unless the step says).
  public var repetitions: Int { behaviour.repeats.flatMap { integer($0)?.value } ?? 1 }
}
