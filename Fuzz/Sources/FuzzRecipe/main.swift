import Foundation
import FuzzerDriver
import AnchorageCore
import AnchorageRender
import AnchorageRules

/// Everything that does not depend on the input, loaded once.
struct Pipeline: Sendable {
    let knowledge: Knowledge
    let validator: Validator
    let builder: ProtocolBuilder
    let renderer: ProtocolRenderer

    static let shared: Pipeline = {
        do {
            let knowledge = try Knowledge.bundled()
            let builder = ProtocolBuilder(
                knowledge: try ProtocolKnowledge.bundled(), catalog: knowledge.chemicals, elements: knowledge.elements,
                citations: knowledge.citations)
            return Pipeline(
                knowledge: knowledge, validator: Validator(knowledge: knowledge), builder: builder, renderer: try ProtocolRenderer())
        } catch {
            fatalError("the shipped knowledge cannot be loaded: \(error)")
        }
    }()
}

/// One input: validate it as a recipe and, when it is one, render its protocol in every format (as `--force` would).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRecipe(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    let pipeline = Pipeline.shared
    let result = pipeline.validator.validate(text: text, file: "fuzz.yaml")
    guard let recipe = result.recipe else { return 0 }
    for scale in [1.0, 1e6] {
        let settings = ProtocolSettings(scale: scale, file: "fuzz.yaml", sha256: "0", date: "2026-01-01", version: "fuzz")
        let document = pipeline.builder.build(
            recipe: recipe, diagnostics: result.diagnostics, settings: settings,
            course: result.course ?? pipeline.knowledge.courseKnowledge(for: recipe))
        for format in ProtocolFormat.allCases {
            _ = pipeline.renderer.render(document, as: format)
        }
    }
    return 0
}

exit(anchorage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzzRecipe(data, size)
})
