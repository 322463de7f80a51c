import AnchorageCore
import Foundation
import Testing

@Test func committedSchemaIsTheGeneratedOne() throws {
    let url = packageRoot.appendingPathComponent("schemas/recipe.schema.json")
    let generated = RecipeSchema.generate()
    if ProcessInfo.processInfo.environment["ANCHORAGE_RECORD"] == "1" {
        try Data(generated.utf8).write(to: url)
        Issue.record("wrote schemas/recipe.schema.json anew; run again without ANCHORAGE_RECORD")
        return
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "schemas/recipe.schema.json is stale: `anchorage schema > schemas/recipe.schema.json`")
}

/// Schema and loader agree: every worked recipe conforms, and a recipe the loader rejects for a misspelt key is rejected by
/// an independent validator too (python-jsonschema, installed by .ci/run).
@Test func shippedRecipesConformToTheSchemaByAnIndependentValidator() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.currentDirectoryURL = packageRoot
    process.arguments = ["python3", "scripts/check-recipes-against-schema.py", "schemas/recipe.schema.json", "--valid"]
        + recipeFiles(in: "recipes") + ["--invalid", "recipes/broken/misspelled-key.yaml"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
}

@Test func formatDocumentCarriesTheGeneratedStepReference() throws {
    let url = packageRoot.appendingPathComponent("docs/recipe-format.md")
    let document = try String(contentsOf: url, encoding: .utf8)
    let reference = RecipeFormatReference.stepReference()
    if ProcessInfo.processInfo.environment["ANCHORAGE_RECORD"] == "1" {
        var head = document
        if let start = document.range(of: RecipeFormatReference.beginMarker) { head = String(document[..<start.lowerBound]) }
        try Data((head + reference).utf8).write(to: url)
        Issue.record("wrote the step reference of docs/recipe-format.md anew; run again without ANCHORAGE_RECORD")
        return
    }
    #expect(document.hasSuffix(reference), "docs/recipe-format.md's step reference is stale: ANCHORAGE_RECORD=1 swift test --filter formatDocument")
}

/// The gas names the reader takes as papers print them ("argon", "Ar/H2") are in the schema too, so an editor does not
/// underline what `validate` accepts.
@Test func schemaTakesTheGasSpellingsTheReaderTakes() throws {
    let schema = RecipeSchema.generate()
    for spelling in ["\"argon\"", "\"Argon\"", "\"nitrogen\"", "\"Ar/H2\"", "\"N2\"", "\"H2/Ar\""] {
        #expect(schema.contains(spelling), "\(spelling) is missing from the schema's atmospheres")
    }
}
