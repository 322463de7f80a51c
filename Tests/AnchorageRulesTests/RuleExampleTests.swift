import AnchorageCore
import Testing

@testable import AnchorageRules

/// Every rule's examples, run through the whole pipeline: a triggering example must produce the rule's finding (at the
/// marked column when marked), a non-triggering one must not produce it.
struct RuleExampleCase: CustomTestStringConvertible, Sendable {
    var rule: RuleDescription
    var example: RuleExample
    var triggers: Bool
    var index: Int

    var testDescription: String { "\(rule.id) \(triggers ? "triggering" : "non-triggering") #\(index + 1)" }

    static var all: [RuleExampleCase] {
        RuleRegistry.descriptions.flatMap { rule in
            rule.triggering.enumerated().map { RuleExampleCase(rule: rule, example: $1, triggers: true, index: $0) }
                + rule.nonTriggering.enumerated().map { RuleExampleCase(rule: rule, example: $1, triggers: false, index: $0) }
        }
    }
}

let validator = Validator(knowledge: try! Knowledge.bundled())

@Test(arguments: RuleExampleCase.all)
func ruleExample(_ test: RuleExampleCase) {
    let (text, marker) = test.example.unmarked
    let result = validator.validate(text: text, file: "example.yaml")
    let findings = result.diagnostics.filter { $0.ruleID == test.rule.id }
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
    } else {
        #expect(findings.isEmpty, "\(test.rule.id) triggered on a non-triggering example:\n\(shown)", sourceLocation: sourceLocation)
        #expect(marker == nil, "a non-triggering example carries no marker", sourceLocation: sourceLocation)
    }
}

@Test func everyRuleHasBothKindsOfExample() {
    for rule in RuleRegistry.descriptions {
        #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
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
