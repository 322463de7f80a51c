import AnchorageCore
import AnchorageRender
import AnchorageRules
import Foundation
import Testing

/// A rule and the protocol must state the same facts about a recipe: the liner's fill (LAB-002 and the protocol's
/// liquid line and scaling warning) and where HF is present (LAB-006 and the Hydrofluoric acid panel). Both read the
/// course of the synthesis; this runs every worked and broken recipe that loads and checks that they agree.
@Suite struct AgreementTests {
  static var recipePaths: [String] {
    let root = ProtocolFixture.packageRoot.appendingPathComponent("recipes")
    let worked = ProtocolFixture.recipeNames.map { "recipes/\($0)" }
    let broken =
      ((try? FileManager.default.contentsOfDirectory(
        atPath: root.appendingPathComponent("broken").path)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted().map { "recipes/broken/\($0)" }
    return worked + broken
  }

  /// The step a finding is written in: between the step's first line and the next step's.
  static func step(of diagnostic: Diagnostic, in recipe: Recipe) -> Int? {
    for (index, step) in recipe.steps.enumerated() {
      let end = index + 1 < recipe.steps.count ? recipe.steps[index + 1].location.line : Int.max
      if diagnostic.location.line >= step.location.line && diagnostic.location.line < end {
        return step.number
      }
    }
    return nil
  }

  /// Step numbers a safety item says it is raised by ("steps 3, 4; LAB-006").
  static func steps(raisedBy text: String) -> Set<Int> {
    guard let part = text.split(separator: ";").first, part.hasPrefix("step") else { return [] }
    return Set(
      part.drop { !$0.isNumber }.split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
      })
  }

  @Test(arguments: recipePaths)
  func ruleAndProtocolAgree(_ path: String) throws {
    let knowledge = try Knowledge.bundled()
    let text = try String(
      contentsOf: ProtocolFixture.packageRoot.appendingPathComponent(path), encoding: .utf8)
    let result = Validator(knowledge: knowledge).validate(text: text, file: path)
    guard let recipe = result.recipe else { return }
    let protocolKnowledge = try ProtocolKnowledge.bundled()
    let limit = try #require(protocolKnowledge.autoclaveMaxFillFraction)
    let builder = ProtocolBuilder(
      knowledge: protocolKnowledge, catalog: knowledge.chemicals, elements: knowledge.elements,
      citations: knowledge.citations)
    for scale in [1.0, 2.0] {
      let settings = ProtocolSettings(
        scale: scale, paper: .a4, file: path, sha256: "", date: ProtocolFixture.date,
        version: ProtocolFixture.version)
      let document = builder.build(
        recipe: recipe, diagnostics: result.diagnostics, settings: settings,
        course: knowledge.courseKnowledge(for: recipe))
      // The fill: the protocol prints the liquid in each liner; it is over the limit exactly where LAB-002 says so
      // (at the recipe's scale) and where the protocol warns (at another scale).
      var overfilled = Set<Int>()
      for block in document.steps {
        guard let line = block.quantities.first(where: { $0.hasPrefix("liquid in the liner: ") })
        else { continue }
        let printed = try QuantityParser.parse(
          String(line.dropFirst("liquid in the liner: ".count)), expecting: [.volume]
        ).get()
        let step = try #require(recipe.steps.first { $0.number == block.number })
        guard let vessel = step.quantity(.vessel)?.value.canonicalValue else { continue }
        let fill = printed.canonicalValue
        // The printed fill is rounded: compare with the limit only outside the rounding.
        if fill / vessel > limit * 1.001 { overfilled.insert(block.number) }
      }
      if scale == 1 {
        let flagged = Set(
          result.diagnostics.filter { $0.ruleID == "LAB-002" }.compactMap {
            Self.step(of: $0, in: recipe)
          })
        #expect(
          flagged == overfilled,
          "\(path): LAB-002 at steps \(flagged.sorted()), protocol over the fill limit at \(overfilled.sorted())"
        )
      } else {
        let warned = Set(
          document.scalingWarnings.compactMap { warning -> Int? in
            guard warning.hasPrefix("step ") else { return nil }
            return Int(warning.dropFirst(5).prefix { $0.isNumber })
          })
        #expect(
          warned == overfilled,
          "\(path) ×\(scale): liner warnings at \(warned.sorted()), printed fill over the limit at \(overfilled.sorted())"
        )
      }
      // HF: every step LAB-006 names has the protocol's HF panel, and the panel names no step without HF.
      let hfPanel = document.safety.filter { $0.title == "Hydrofluoric acid" }.flatMap {
        Self.steps(raisedBy: $0.raisedBy)
      }
      let lab006 = Set(
        result.diagnostics.filter { $0.ruleID == "LAB-006" }.compactMap {
          Self.step(of: $0, in: recipe)
        })
      #expect(
        lab006.isSubset(of: Set(hfPanel)),
        "\(path): LAB-006 at steps \(lab006.sorted()) but the HF panel names \(hfPanel.sorted())")
      let resolved = try #require(result.resolved)
      #expect(
        Set(hfPanel) == Set(resolved.course.hfSteps),
        "\(path): HF panel \(hfPanel.sorted()) against the course's \(resolved.course.hfSteps)")
    }
  }
}
