import Foundation
import Testing

@testable import AnchorageCLI

/// The package root, found from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func recipeFiles(in folder: String) -> [String] {
    let directory = packageRoot.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
}

/// Runs `anchorage validate` as a chemist would from the repository root, paths relative to it.
func validateFromRoot(_ relativePaths: [String], format: OutputFormat = .text, strict: Bool = false) -> CommandOutput {
    var output = ValidateCommand.execute(
        files: relativePaths.map { packageRoot.appendingPathComponent($0).path }, format: format, strict: strict)
    let prefix = packageRoot.path + "/"
    output.standardOutput = output.standardOutput.replacingOccurrences(of: prefix, with: "")
    output.standardError = output.standardError.replacingOccurrences(of: prefix, with: "")
    return output
}

/// A worked recipe is clean: no error and no warning (a note on what to expect, e.g. the coordination a pyrolysis
/// temperature leads to, is allowed). A check it leaves unknown for want of data is said, and fails it only under
/// --strict.
@Test(arguments: recipeFiles(in: "recipes"))
func workedRecipeValidatesClean(_ path: String) {
    let output = validateFromRoot([path], strict: true)
    let notChecked = output.standardOutput.contains("not checked[")
    #expect(output.exitCode == (notChecked ? 1 : 0), "\(output.standardOutput)")
    #expect(validateFromRoot([path]).exitCode == 0, "checks that could not run do not fail a build without --strict")
    #expect(!output.standardOutput.contains("error["), "a worked recipe should give no error:\n\(output.standardOutput)")
}

@Test func theFeZIF8RecipeGivesNoDiagnosticAtAll() {
    #expect(validateFromRoot(["recipes/fe-sa-nc-fe-acac3-zif8.yaml"]).standardOutput.isEmpty)
}

/// Each broken recipe gives exactly its golden diagnostics (`NAME.expected` beside `NAME.yaml`). With ANCHORAGE_RECORD=1
/// the baseline is written anew and the test fails, so that recording can never pass by accident.
@Test(arguments: recipeFiles(in: "recipes/broken"))
func brokenRecipeGivesItsGoldenDiagnostics(_ path: String) throws {
    let output = validateFromRoot([path])
    #expect(!output.standardOutput.isEmpty, "a broken recipe must give a finding")
    #expect(output.exitCode == (output.standardOutput.contains(": error[") ? 1 : 0))
    let expectedURL = packageRoot.appendingPathComponent(String(path.dropLast(".yaml".count)) + ".expected")
    if ProcessInfo.processInfo.environment["ANCHORAGE_RECORD"] == "1" {
        try Data(output.standardOutput.utf8).write(to: expectedURL)
        Issue.record("recorded a new baseline at \(expectedURL.lastPathComponent); run again without ANCHORAGE_RECORD")
        return
    }
    guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
        Issue.record("no golden file \(expectedURL.lastPathComponent): record it with ANCHORAGE_RECORD=1 swift test")
        return
    }
    #expect(output.standardOutput == expected)
}

@Test func brokenRecipesExist() {
    #expect(recipeFiles(in: "recipes/broken").count >= 10)
    #expect(!recipeFiles(in: "recipes").isEmpty)
}
