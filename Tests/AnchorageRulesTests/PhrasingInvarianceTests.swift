import AnchorageCore
import Foundation
import Testing

@testable import AnchorageRules

/// The same synthesis written another way must get the same verdict: the same rule ids at the same severities.
/// Every worked recipe and every broken recipe of a chemistry family is rephrased by each generator that applies to
/// it; a generator only makes changes that leave the materials and what happens to them as they were.
struct Rephrasing: CustomTestStringConvertible, Sendable {
  enum Kind: String, CaseIterable, Sendable {
    /// Every amount, volume, time and temperature in another unit (g↔mg, mL→L, h→min, °C→K, …).
    case units
    /// Masses written as moles (from the molar mass of the written or catalog formula).
    case moles
    /// Reagents named by another name the catalog gives them (common, systematic, formula).
    case names
    /// The host named by another of its catalog names.
    case hostAlias = "host-alias"
    /// A soak written as add + stir, an ion exchange as a soak.
    case verbs
    /// A long stir or standing time split in two, a repeated wash written wash by wash.
    case split
    /// Written by hand: a rephrasing no generator makes (a stock solution, the host made or weighed in).
    case written
  }

  var original: String
  var kind: Kind
  var text: String
  var what: String

  var testDescription: String { "\(original) — \(kind.rawValue): \(what)" }
}

enum RephrasingGenerator {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let knowledge = try! Knowledge.bundled()

  /// Families whose broken recipes are about the chemistry (not the format of the file or the spelling of a unit).
  static let chemistryFamilies = [
    "CHEM", "REF", "LAB", "NODE", "CONF", "MIX", "LINK", "SIM", "AIM",
  ]

  static var originals: [(path: String, text: String)] {
    let recipes = packageRoot.appendingPathComponent("recipes")
    func yaml(_ directory: URL) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter {
        $0.hasSuffix(".yaml")
      }.sorted()
    }
    var list: [(String, String)] = []
    for name in yaml(recipes) {
      if let text = try? String(contentsOf: recipes.appendingPathComponent(name), encoding: .utf8) {
        list.append(("recipes/\(name)", text))
      }
    }
    let broken = recipes.appendingPathComponent("broken")
    for name in yaml(broken) {
      guard let text = try? String(contentsOf: broken.appendingPathComponent(name), encoding: .utf8)
      else { continue }
      let result = Validator(knowledge: knowledge).validate(text: text, file: name)
      let ids = result.diagnostics.map(\.ruleID)
      guard result.recipe != nil, !ids.isEmpty,
        ids.allSatisfy({ id in chemistryFamilies.contains { id.hasPrefix($0 + "-") } })
      else { continue }
      list.append(("recipes/broken/\(name)", text))
    }
    return list
  }

  static var all: [Rephrasing] {
    originals.flatMap { original -> [Rephrasing] in
      let result = Validator(knowledge: knowledge).validate(
        text: original.text, file: original.path)
      guard let recipe = result.recipe, let resolved = result.resolved else { return [] }
      var variants: [Rephrasing] = []
      func add(_ kind: Rephrasing.Kind, _ what: String, _ text: String?) {
        guard let text, text != original.text else { return }
        variants.append(Rephrasing(original: original.path, kind: kind, text: text, what: what))
      }
      add(
        .units, "masses in mg/g, volumes in L, times in min, temperatures in K",
        units(original.text, recipe: recipe))
      add(.moles, "masses as amounts in mmol", moles(original.text, resolved: resolved))
      add(
        .names, "first catalog name", names(original.text, resolved: resolved, pick: { $0.first }))
      add(.names, "last catalog name", names(original.text, resolved: resolved, pick: { $0.last }))
      add(.hostAlias, "host by another name", hostAlias(original.text, recipe: recipe))
      add(.verbs, "soak as add + stir, exchange as soak", verbs(original.text, recipe: recipe))
      add(.split, "long times split, washes one by one", split(original.text, recipe: recipe))
      return variants
    } + written
  }

  // MARK: text helpers

  static func number(_ value: Double) -> String {
    var text = String(format: "%.9g", value)
    if text.contains("e") { text = String(format: "%.9f", value) }
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// Unit → (another unit of the same quantity, factor, offset): value × factor + offset.
  static let conversions: [String: (unit: String, factor: Double, offset: Double)] = [
    "g": ("mg", 1000, 0), "mg": ("g", 1e-3, 0), "mL": ("L", 1e-3, 0), "h": ("min", 60, 0),
    "min": ("s", 60, 0), "°C": ("K", 1, 273.15), "mmol": ("µmol", 1000, 0), "d": ("h", 24, 0),
  ]

  /// Lines of the reagents and steps, where amounts and conditions are written (not the title, source or notes).
  static func bodyRange(_ lines: [Substring]) -> Range<Int> {
    let start = lines.firstIndex { $0.hasPrefix("reagents:") } ?? lines.count
    let end =
      lines.indices.first { $0 > start && !$0.description.isEmpty && lines[$0].hasPrefix("notes:") }
      ?? lines.count
    return start..<end
  }

  static func rewriteLines(_ text: String, _ transform: (String) -> String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let body = bodyRange(lines)
    return lines.indices.map {
      body.contains($0) ? transform(String(lines[$0])) : String(lines[$0])
    }.joined(separator: "\n")
  }

  /// `key: 1.69 g` → `key: 1690 mg` for the quantity keys, and each `solvent: 30 mL` inside `in: {…}`.
  static func units(_ text: String, recipe: Recipe) -> String? {
    let keys = "mass|amount|volume|time|hold|temperature|sonicate|over|fill|vessel"
    let keyed = try! NSRegularExpression(
      pattern: "\\b(\(keys)): (\\d+(?:\\.\\d+)?) ?(g|mg|mL|h|min|°C|mmol|d)(?=[,}\\s]|$)")
    let inMap = try! NSRegularExpression(pattern: "in: \\{[^}]*\\}")
    let solvent = try! NSRegularExpression(
      pattern: "([A-Za-z0-9_-]+): (\\d+(?:\\.\\d+)?) ?(mL)(?=[,}])")
    func convert(_ line: String, _ regex: NSRegularExpression, keyGroup: Int) -> String {
      var out = line
      for match in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)).reversed()
      {
        guard let whole = Range(match.range, in: line),
          let key = Range(match.range(at: keyGroup), in: line),
          let value = Range(match.range(at: keyGroup + 1), in: line),
          let unit = Range(match.range(at: keyGroup + 2), in: line),
          let magnitude = Double(line[value]), let rule = conversions[String(line[unit])]
        else { continue }
        out.replaceSubrange(
          whole, with: "\(line[key]): \(number(magnitude * rule.factor + rule.offset)) \(rule.unit)"
        )
      }
      return out
    }
    return rewriteLines(text) { line in
      // A note or a citation is words, not a quantity.
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("note:") || trimmed.hasPrefix("cite:") || trimmed.hasPrefix("#") {
        return line
      }
      var out = convert(line, keyed, keyGroup: 1)
      for match in inMap.matches(in: out, range: NSRange(out.startIndex..., in: out)).reversed() {
        guard let range = Range(match.range, in: out) else { continue }
        out.replaceSubrange(range, with: convert(String(out[range]), solvent, keyGroup: 1))
      }
      return out
    }
  }

  /// The reagent lines `  id: {…}` with their ids.
  static func reagentLine(_ line: String) -> String? {
    guard line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") else {
      return nil
    }
    let id = line[line.index(line.startIndex, offsetBy: 2)..<colon]
    guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
      line[colon...].trimmingCharacters(in: .whitespaces).dropFirst().trimmingCharacters(
        in: .whitespaces
      ).hasPrefix("{")
    else { return nil }
    return String(id)
  }

  static func replaceField(_ line: String, key: String, with replacement: String) -> String? {
    let regex = try! NSRegularExpression(pattern: "\\b\(key): (\"[^\"]*\"|[^,}]+)")
    guard let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
      let range = Range(match.range, in: line)
    else { return nil }
    var out = line
    out.replaceSubrange(range, with: replacement)
    return out
  }

  static func moles(_ text: String, resolved: ResolvedRecipe) -> String? {
    var inReagents = false
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { sub -> String in
      let line = String(sub)
      if line.hasPrefix("reagents:") {
        inReagents = true
        return line
      }
      if !line.hasPrefix(" ") && !line.isEmpty { inReagents = false }
      guard inReagents, let id = reagentLine(line), let reagent = resolved.reagent(id),
        let moles = reagent.moles,
        reagent.reagent.mass != nil, reagent.reagent.amount == nil, reagent.reagent.purity == nil,
        reagent.reagent.concentration == nil, reagent.reagent.volume == nil,
        reagent.molarMass != nil
      else { return line }
      return replaceField(
        line, key: "mass", with: "amount: \(number((moles * 1e3 * 1e6).rounded() / 1e6)) mmol")
        ?? line
    }.joined(separator: "\n")
  }

  /// Names the catalog gives the chemical, each checked to lead back to the same entry.
  static func catalogNames(of reagent: ResolvedReagent) -> [String] {
    guard let chemical = reagent.chemical else { return [] }
    let written = reagent.reagent.name?.value
    return ([chemical.name] + (chemical.aliases ?? [])).filter { name in
      name != written && knowledge.chemicals.chemical(named: name)?.id == chemical.id
    }
  }

  static func names(_ text: String, resolved: ResolvedRecipe, pick: ([String]) -> String?)
    -> String?
  {
    var inReagents = false
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { sub -> String in
      let line = String(sub)
      if line.hasPrefix("reagents:") {
        inReagents = true
        return line
      }
      if !line.hasPrefix(" ") && !line.isEmpty { inReagents = false }
      guard inReagents, let id = reagentLine(line), let reagent = resolved.reagent(id),
        reagent.reagent.name != nil,
        let name = pick(catalogNames(of: reagent))
      else { return line }
      let quoted =
        "\""
        + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "\"", with: "\\\"") + "\""
      return replaceField(line, key: "name", with: "name: \(quoted)") ?? line
    }.joined(separator: "\n")
  }

  static func hostAlias(_ text: String, recipe: Recipe) -> String? {
    guard let written = recipe.host, let host = knowledge.host(of: recipe) else { return nil }
    guard
      let alias = ([host.name] + host.aliases).first(where: {
        $0 != written.value && knowledge.hosts.host(named: $0)?.id == host.id
      })
    else { return nil }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = written.location.line - 1
    guard lines.indices.contains(index) else { return nil }
    lines[index] = "host: \"\(alias)\""
    return lines.joined(separator: "\n")
  }

  // MARK: steps

  /// Each step's lines, by step number.
  static func stepBlocks(_ text: String, recipe: Recipe) -> [Int: Range<Int>] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var blocks: [Int: Range<Int>] = [:]
    for (index, step) in recipe.steps.enumerated() {
      let start = step.location.line - 1
      var end =
        index + 1 < recipe.steps.count ? recipe.steps[index + 1].location.line - 1 : lines.count
      if index + 1 == recipe.steps.count {
        // The last step ends at the next top-level key.
        end =
          (start + 1..<lines.count).first {
            lines[$0].first.map { !$0.isWhitespace && $0 != "#" } ?? false
          } ?? lines.count
      }
      while end > start + 1,
        lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty
          || lines[end - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
      { end -= 1 }
      blocks[step.number] = start..<end
    }
    return blocks
  }

  static func yaml(_ value: StepValue) -> String {
    switch value {
    case .quantity(let q): "\(q.value)"
    case .reagent(let r): r.value
    case .reagents(let list): "[" + list.map(\.value).joined(separator: ", ") + "]"
    case .allReagents: "all"
    case .solventVolumes(let list):
      "{" + list.map { "\($0.reagent.value): \($0.volume.value)" }.joined(separator: ", ") + "}"
    case .integer(let n): "\(n.value)"
    case .choice(let c): c.value
    case .text(let t): "\"" + t.value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    case .flag(let f): f.value ? "true" : "false"
    }
  }

  /// A step written out: `- kind: {p: v, …}` with the parameters in the order given.
  static func emit(_ kind: StepKind, _ values: [(StepParameter, StepValue)], indent: String)
    -> String
  {
    indent + "- \(kind.rawValue): {"
      + values.map { "\($0.0.rawValue): \(yaml($0.1))" }.joined(separator: ", ") + "}"
  }

  static func rewriteSteps(_ text: String, recipe: Recipe, _ transform: (Step) -> [String]?)
    -> String?
  {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let blocks = stepBlocks(text, recipe: recipe)
    var changed = false
    for step in recipe.steps.reversed() {
      guard let range = blocks[step.number], let replacement = transform(step) else { continue }
      lines.replaceSubrange(range, with: replacement)
      changed = true
    }
    return changed ? lines.joined(separator: "\n") : nil
  }

  static func indent(_ step: Step) -> String {
    String(repeating: " ", count: max(step.kind.location.column - 3, 0))
  }

  static func values(_ step: Step, _ parameters: [StepParameter]) -> [(StepParameter, StepValue)] {
    parameters.compactMap { parameter in step.value(parameter).map { (parameter, $0) } }
  }

  static func verbs(_ text: String, recipe: Recipe) -> String? {
    rewriteSteps(text, recipe: recipe) { step in
      switch step.kind.value {
      case .impregnate:
        // Soaking for a time is adding the solution and leaving it stirred for that time.
        var lines = [emit(.add, values(step, [.reagents, .in, .note]), indent: indent(step))]
        if step.quantity(.time) != nil {
          lines.append(emit(.stir, values(step, [.time, .temperature]), indent: indent(step)))
        }
        return lines
      case .ionExchange where step.repetitions == 1:
        var soak = values(step, [.in, .time, .temperature, .note])
        if let source = step.value(.source) { soak.insert((.reagents, source), at: 0) }
        return [emit(.impregnate, soak, indent: indent(step))]
      default:
        return nil
      }
    }
  }

  static func split(_ text: String, recipe: Recipe) -> String? {
    rewriteSteps(text, recipe: recipe) { step in
      switch step.kind.value {
      case .stir, .wait:
        guard let time = step.quantity(.time), time.value.canonicalValue >= 7200 else { return nil }
        let half = StepValue.quantity(
          Located(Quantity(canonical: time.value.canonicalValue / 2, .duration), at: time.location))
        let rest = values(step, [.temperature, .speed])
        return [
          emit(step.kind.value, [(.time, half)] + rest, indent: indent(step)),
          emit(step.kind.value, [(.time, half)] + rest, indent: indent(step)),
        ]
      case .wash:
        let times = step.repetitions
        guard times > 1 else { return nil }
        let one = values(step, [.with, .volume, .by])
        return Array(repeating: emit(.wash, one, indent: indent(step)), count: times)
      default:
        return nil
      }
    }
  }

  // MARK: written by hand

  static func recipeText(_ path: String) -> String {
    (try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)) ?? ""
  }

  static var written: [Rephrasing] {
    let feZIF8 = recipeText("recipes/fe-sa-nc-fe-acac3-zif8.yaml")
    let soaked = recipeText("recipes/broken/fe-acac3-soaked-into-zif8.yaml")
    let mfu = recipeText("recipes/ni-mfu4l-node-exchange.yaml")
    return [
      // The zinc salt as a stock solution (0.5 M): 11.36 mL of it holds the 5.681 mmol that 1.69 g does, and the
      // methanol it brings is taken off the solvent so the volumes stay as they were.
      Rephrasing(
        original: "recipes/fe-sa-nc-fe-acac3-zif8.yaml", kind: .written,
        text: feZIF8.replacingOccurrences(
          of:
            "zn:   {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g, role: metal-salt}",
          with:
            "zn:   {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, concentration: 0.5 M, volume: 11.362 mL, role: metal-salt}"
        )
        .replacingOccurrences(
          of: "  - dissolve: [zn, fe]\n    in: {meoh: 30 mL}",
          with: "  - dissolve: [fe]\n    in: {meoh: 18.638 mL}\n  - combine: [zn, fe]"),
        what: "zinc salt from a 0.5 M stock"),
      // Fe(acac)3 added (not soaked) to ZIF-8 that the recipe makes, collects and dries first.
      Rephrasing(
        original: "recipes/broken/fe-acac3-soaked-into-zif8.yaml", kind: .written,
        text: soaked.replacingOccurrences(
          of: "  zif:  {name: ZIF-8, formula: Zn(C4H5N2)2, mass: 1.00 g, role: support}",
          with:
            "  zn:   {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g, role: metal-salt}\n  hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g, role: linker}"
        )
        .replacingOccurrences(
          of: "  - add: [zif]\n    in: {meoh: 20 mL}",
          with:
            "  - dissolve: [zn]\n    in: {meoh: 30 mL}\n  - dissolve: [hmim]\n    in: {meoh: 30 mL}\n  - combine: all\n  - stir: {time: 24 h, temperature: 25 °C}\n  - centrifuge: {speed: 8000 rpm, time: 10 min}\n  - wash: {with: meoh, volume: 20 mL, times: 3}\n  - dry: {temperature: 60 °C, time: 12 h, under: vacuum}\n  - add: [meoh]"
        )
        .replacingOccurrences(
          of: "  - impregnate: [fe]\n    in: {meoh: 10 mL}\n    time: 24 h\n    temperature: 25 °C",
          with: "  - add: [fe]\n    in: {meoh: 10 mL}\n  - stir: {time: 24 h, temperature: 25 °C}"),
        what: "ZIF-8 made in the recipe, Fe(acac)3 added to it after drying"),
      // The Ni salt soaked in with `impregnate` rather than `ion-exchange`.
      Rephrasing(
        original: "recipes/ni-mfu4l-node-exchange.yaml", kind: .written,
        text: mfu.replacingOccurrences(of: "  - ion-exchange: [ni]", with: "  - impregnate: [ni]"),
        what: "exchange written as impregnate"),
      // The same soak as add + stir.
      Rephrasing(
        original: "recipes/ni-mfu4l-node-exchange.yaml", kind: .written,
        text: mfu.replacingOccurrences(
          of: "  - ion-exchange: [ni]\n    in: {dmf: 10 mL}\n    temperature: 25 °C\n    time: 3 d",
          with: "  - add: [ni]\n    in: {dmf: 10 mL}\n  - stir: {time: 3 d, temperature: 25 °C}"),
        what: "exchange written as add + stir"),
    ]
  }
}

@Suite struct PhrasingInvarianceTests {
  static let variants = RephrasingGenerator.all

  static func findings(_ text: String, file: String) -> [String] {
    Validator(knowledge: RephrasingGenerator.knowledge).validate(text: text, file: file).diagnostics
      .map { "\($0.ruleID) \($0.severity.rawValue)" }.sorted()
  }

  @Test(arguments: variants)
  func rephrasingKeepsTheFindings(_ variant: Rephrasing) throws {
    let original = Self.findings(
      RephrasingGenerator.recipeText(variant.original), file: variant.original)
    let rephrased = Self.findings(variant.text, file: variant.original)
    // A broken original has findings (the hand-written soak variant too); a worked one has none.
    #expect(Set(rephrased) == Set(original), "\(variant.testDescription)\n\(variant.text)")
  }

  @Test func enoughRephrasingsOfEveryKind() {
    var counts: [Rephrasing.Kind: Int] = [:]
    for variant in Self.variants { counts[variant.kind, default: 0] += 1 }
    let summary = Rephrasing.Kind.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(
      separator: ", ")
    print("phrasing invariance: \(Self.variants.count) rephrasings (\(summary))")
    #expect(Self.variants.count >= 150, "\(summary)")
    // At least three rephrasings of each original.
    let perOriginal = Dictionary(grouping: Self.variants, by: \.original).mapValues(\.count)
    for original in RephrasingGenerator.originals where (perOriginal[original.path] ?? 0) < 3 {
      Issue.record("\(original.path): only \(perOriginal[original.path] ?? 0) rephrasings")
    }
  }
}
