import AnchorageCore
import Testing

@testable import AnchorageRules

/// The course of the synthesis: what it makes of a recipe, event by event, whatever verbs the recipe uses.
@Suite struct CourseTests {
  static let knowledge = try! Knowledge.bundled()

  func course(
    route: String = "pore-confinement", host: String? = "ZIF-8", metals: String = "[Fe]",
    reagents: String, steps: String
  )
    throws -> (SynthesisCourse, ValidationResult)
  {
    let (text, _) = RuleExample.recipe(
      route: route, host: host, metals: metals, reagents: reagents, steps: steps
    ).unmarked
    let result = Validator(knowledge: Self.knowledge).validate(text: text, file: "course.yaml")
    let resolved = try #require(result.resolved, "\(result.diagnostics.map(\.compilerStyle))")
    return (resolved.course, result)
  }

  static let zifReagents = """
    zn: {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g, role: metal-salt}
    hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g, role: linker}
    fe: {name: iron(III) acetylacetonate, formula: Fe(C5H7O2)3, mass: 0.10 g, role: metal-precursor}
    meoh: {name: methanol, role: solvent}
    """

  @Test func precursorPresentWhileTheFrameworkFormsIsInSitu() throws {
    let (course, _) = try course(reagents: Self.zifReagents, steps: RuleExample.feZIF8Steps)
    let met = try #require(course.encounter(of: "fe"))
    #expect(met.mode == .inSitu)
    guard case .formed(let step, _) = course.hostOrigin else {
      Issue.record("host not formed: \(course.hostOrigin)")
      return
    }
    #expect(step == met.step)
  }

  @Test(arguments: [
    ("add", "- add: [fe]\n  in: {meoh: 10 mL}"),
    ("impregnate", "- impregnate: [fe]\n  in: {meoh: 10 mL}\n  time: 24 h"),
    (
      "dissolved, then stirred with it",
      "- dissolve: [fe]\n  in: {meoh: 10 mL}\n- stir: {time: 24 h}"
    ),
    ("mill", "- mill: [fe]\n  time: 1 h"),
  ])
  func precursorBroughtToTheMadeFrameworkIsPostSynthetic(_ verb: String, _ bringing: String) throws
  {
    let steps = """
      - dissolve: [zn]
        in: {meoh: 30 mL}
      - dissolve: [hmim]
        in: {meoh: 30 mL}
      - combine: all
      - stir: {time: 24 h}
      - centrifuge: {speed: 8000 rpm, time: 10 min}
      - wash: {with: meoh, volume: 20 mL, times: 3}
      - dry: {temperature: 60 °C, time: 12 h, under: vacuum}
      \(bringing)
      - pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}
      """
    let (course, result) = try course(reagents: Self.zifReagents, steps: steps)
    let met = try #require(course.encounter(of: "fe"), "\(verb)")
    #expect(met.mode == .postSynthetic, "\(verb)")
    #expect(
      result.diagnostics.contains { $0.ruleID == "CONF-002" && $0.severity == .error },
      "\(verb): \(result.diagnostics.map(\.compilerStyle))")
  }

  static let mfuReagents = """
    mof: {name: MFU-4l, mass: 100 mg, role: support}
    ni: {name: nickel(II) nitrate hexahydrate, formula: Ni(NO3)2·6H2O, mass: 150 mg, role: metal-salt}
    dmf: {name: "N,N-dimethylformamide", role: solvent}
    """

  @Test(arguments: [
    "- ion-exchange: [ni]\n  in: {dmf: 10 mL}\n  temperature: 25 °C\n  time: 3 d",
    "- impregnate: [ni]\n  in: {dmf: 10 mL}\n  time: 3 d",
    "- add: [ni]\n  in: {dmf: 10 mL}\n- stir: {time: 3 d}",
    "- dissolve: [ni]\n  in: {dmf: 10 mL}\n- stir: {time: 3 d}",
  ])
  func saltInSolutionReachingANodeExchangeHostIsAnExchange(_ soak: String) throws {
    let (course, result) = try course(
      route: "node-exchange", host: "MFU-4l", metals: "[Ni]", reagents: Self.mfuReagents,
      steps: "- add: [mof]\n  in: {dmf: 5 mL}\n" + soak)
    #expect(course.exchanges.map(\.reagent) == ["ni"])
    #expect(!result.diagnostics.contains { $0.ruleID == "NODE-004" })
  }

  @Test func saltMilledWithTheDryHostIsNoExchange() throws {
    let (course, result) = try course(
      route: "node-exchange", host: "MFU-4l", metals: "[Ni]", reagents: Self.mfuReagents,
      steps: "- mill: [mof, ni]\n  time: 30 min")
    #expect(course.exchanges.isEmpty)
    #expect(result.diagnostics.contains { $0.ruleID == "NODE-004" })
  }

  @Test func fillCountsTheLiquidSinceTheSolidWasCollected() throws {
    let steps = """
      - dissolve: [zn]
        in: {meoh: 30 mL}
      - dissolve: [hmim]
        in: {meoh: 30 mL}
      - combine: all
      - centrifuge: {speed: 8000 rpm, time: 10 min}
      - add: [fe]
        in: {meoh: 15 mL}
      - solvothermal: {temperature: 60 °C, time: 12 h, vessel: 18 mL}
      """
    let (course, result) = try course(reagents: Self.zifReagents, steps: steps)
    let sealed = try #require(course.sealedFills.first)
    #expect(sealed.liquidMilliliters == 15)
    #expect(result.diagnostics.contains { $0.ruleID == "LAB-002" })
  }

  @Test func stockSolutionVolumesFillTheLiner() throws {
    let reagents = """
      zn: {name: zinc nitrate hexahydrate, concentration: 0.5 M, volume: 30 mL, role: metal-salt}
      hmim: {name: 2-methylimidazole, mass: 3.70 g, role: linker}
      fe: {name: iron(III) acetylacetonate, mass: 0.10 g, role: metal-precursor}
      meoh: {name: methanol, role: solvent}
      """
    let steps =
      "- dissolve: [hmim, fe]\n  in: {meoh: 12 mL}\n- combine: [zn, hmim]\n- solvothermal: {temperature: 60 °C, time: 12 h, vessel: 50 mL}"
    let (course, result) = try course(reagents: reagents, steps: steps)
    #expect(course.sealedFills.first?.liquidMilliliters == 42)
    #expect(result.diagnostics.contains { $0.ruleID == "LAB-002" })
  }

  @Test func hfFormingSaltInAnyStepIsHF() throws {
    let reagents =
      "nh4f: {name: ammonium fluoride, formula: NH4F, mass: 0.5 g}\nwater: {name: water, role: solvent}\n"
      + Self.zifReagents
    let (course, result) = try course(
      reagents: reagents, steps: RuleExample.feZIF8Steps + "\n- add: [nh4f]\n  in: {water: 10 mL}")
    #expect(course.hf.map(\.reagent) == ["nh4f"])
    #expect(result.diagnostics.contains { $0.ruleID == "LAB-006" })
  }

  @Test func pyrolysisCarbonisesTheFramework() throws {
    let (course, _) = try course(reagents: Self.zifReagents, steps: RuleExample.feZIF8Steps)
    #expect(course.states.last?.host == .carbonised)
    #expect(course.furnace.count == 1)
  }
}
