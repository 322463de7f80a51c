import AnchorageCore
import Testing

@testable import AnchorageRules

/// Every rule's examples, run through the whole pipeline, each a check's three outcomes: a triggering example must
/// produce the rule's finding (at the marked column when marked): violated; a non-triggering one nothing from the rule,
/// neither a finding nor an unknown: held; an unknown example only the rule's "not checked" (severity unknown): unknown.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    enum Outcome: String, Sendable { case violated, held, unknown }

    var rule: RuleDescription
    var example: RuleExample
    var outcome: Outcome
    var index: Int

    var triggers: Bool { outcome != .held }
    var testDescription: String { "\(rule.id) \(outcome.rawValue) #\(index + 1)" }

    /// A rule whose own severity is unknown (a check that only ever lacks data) shows its unknowns as its triggering examples.
    static func outcome(ofTriggering rule: RuleDescription) -> Outcome { rule.severity == .unknown ? .unknown : .violated }

    static var all: [RuleExampleCase] {
        RuleRegistry.descriptions.flatMap { rule in
            rule.triggering.enumerated().map { RuleExampleCase(rule: rule, example: $1, outcome: outcome(ofTriggering: rule), index: $0) }
                + rule.nonTriggering.enumerated().map { RuleExampleCase(rule: rule, example: $1, outcome: .held, index: $0) }
                + rule.unknown.enumerated().map { RuleExampleCase(rule: rule, example: $1, outcome: .unknown, index: $0) }
        }
    }
}

let validator = Validator(knowledge: try! Knowledge.bundled())

@Test(arguments: RuleExampleCase.all)
func ruleExample(_ test: RuleExampleCase) {
    let (text, marker) = test.example.unmarked
    let result = validator.validate(text: text, file: "example.yaml")
    let all = result.diagnostics.filter { $0.ruleID == test.rule.id }
    // Violated: the rule's findings proper; unknown: its "not checked" findings.
    let findings = all.filter { ($0.severity == .unknown) == (test.outcome == .unknown) }
    let sourceLocation = Testing.SourceLocation(
        fileID: "AnchorageRules/\(test.example.file.split(separator: "/").last ?? "")", filePath: test.example.file,
        line: test.example.line, column: 1)
    let shown = result.diagnostics.map(\.compilerStyle).joined(separator: "\n")
    if test.triggers {
        #expect(!findings.isEmpty, "\(test.rule.id) did not trigger; found:\n\(shown)", sourceLocation: sourceLocation)
        if let marker {
            #expect(
                findings.contains { $0.location.line == marker.line && $0.location.column == marker.column },
                "\(test.rule.id) should land at \(marker.line):\(marker.column); found:\n\(shown)", sourceLocation: sourceLocation)
        }
        if test.outcome == .unknown {
            #expect(
                all.allSatisfy { $0.severity == .unknown }, "\(test.rule.id) found a fault where data is missing:\n\(shown)",
                sourceLocation: sourceLocation)
            #expect(
                findings.allSatisfy { $0.message.contains("add ") }, "an unknown names where to add the datum",
                sourceLocation: sourceLocation)
        }
    } else {
        #expect(
            all.isEmpty, "\(test.rule.id) triggered (or could not run) on a non-triggering example:\n\(shown)",
            sourceLocation: sourceLocation)
        #expect(marker == nil, "a non-triggering example carries no marker", sourceLocation: sourceLocation)
    }
}

@Test func everyRuleHasBothKindsOfExample() {
    for rule in RuleRegistry.descriptions {
        #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
    }
}

/// Held, violated and unknown, for every family whose checks rest on data. The format and unit rules read only the
/// recipe and need no datum, so a check of theirs always runs: they must never say "not checked".
@Test(arguments: RuleFamily.allCases)
func everyFamilyShowsEachOutcome(_ family: RuleFamily) {
    let cases = RuleExampleCase.all.filter { $0.rule.family == family }
    let outcomes = Set(cases.map(\.outcome))
    #expect(outcomes.contains(.held), "\(family.rawValue) has no held example")
    #expect(outcomes.contains(.violated), "\(family.rawValue) has no violated example")
    if family == .format || family == .units {
        #expect(!outcomes.contains(.unknown), "\(family.rawValue) reads only the recipe: it has no unknown")
        #expect(cases.allSatisfy { $0.rule.severity != .unknown })
    } else {
        #expect(outcomes.contains(.unknown), "\(family.rawValue) has no unknown example: show a check of the family that cannot run")
    }
}

@Test func ruleIDsAreUniqueAndWellFormed() {
    let ids = RuleRegistry.descriptions.map(\.id)
    #expect(Set(ids).count == ids.count, "duplicate rule ids: \(ids)")
    for rule in RuleRegistry.descriptions {
        #expect(rule.id.hasPrefix(rule.family.rawValue + "-"), "\(rule.id) does not carry its family prefix \(rule.family.rawValue)")
        #expect(rule.id.range(of: #"^[A-Z]+-\d{3}$"#, options: .regularExpression) != nil, "\(rule.id) is not of the form ABC-001")
    }
}

@Test func everyReferenceResolves() throws {
    let citations = try CitationIndex.bundled()
    for rule in RuleRegistry.descriptions {
        for reference in rule.references {
            #expect(citations[reference] != nil, "\(rule.id) cites '\(reference)', which is not in the citation data")
        }
    }
}
