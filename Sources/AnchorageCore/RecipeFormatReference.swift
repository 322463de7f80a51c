/// The step reference of `docs/recipe-format.md`, generated from the step tables (a test keeps the document in step).
public enum RecipeFormatReference {
    public static let beginMarker = "<!-- step reference: generated from StepSpec.swift, do not edit by hand -->"
    public static let endMarker = "<!-- end of step reference -->"

    public static func stepReference() -> String {
        var out = beginMarker + "\n"
        for spec in StepSpec.all {
            out += "\n### `\(spec.kind.rawValue)`\n\n\(spec.summary.prefix(1).uppercased() + spec.summary.dropFirst()).\n"
            if let primary = spec.primary {
                out += "Short form: `- \(spec.kind.rawValue): …` gives `\(primary.rawValue)`.\n"
            }
            out += "\n| parameter | required | type | meaning |\n|---|---|---|---|\n"
            for parameter in spec.parameters {
                out += "| `\(parameter.name)` | \(parameter.required ? "yes" : "") | \(parameter.type.summary) | \(parameter.meaning) |\n"
            }
        }
        out += "\n" + endMarker + "\n"
        return out
    }
}
