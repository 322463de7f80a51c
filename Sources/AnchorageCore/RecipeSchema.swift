import Foundation

/// The recipe format as JSON Schema (draft 2020-12), generated from the same tables the loader reads, so that an editor's
/// completion and Anchorage's own checks cannot drift apart. `schemas/recipe.schema.json` is this, committed; a test keeps
/// the two identical.
public enum RecipeSchema {
    public static func generate() -> String {
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "urn:anchorage:recipe:\(RecipeDecoder.supportedFormatVersion)",
            "title": "Anchorage synthesis recipe, format \(RecipeDecoder.supportedFormatVersion)",
            "description": "A synthesis recipe for an atomically dispersed metal catalyst held by or made from a MOF, COF or HOF. See docs/recipe-format.md.",
            "type": "object",
            "additionalProperties": false,
            "required": ["anchorage", "id", "title", "target", "route", "reagents", "steps"],
            "properties": [
                "anchorage": ["const": RecipeDecoder.supportedFormatVersion, "description": "The format version."],
                "id": ["type": "string", "minLength": 1, "description": "A short stable identifier of the recipe."],
                "title": ["type": "string", "minLength": 1],
                "source": [
                    "description": "Where the recipe comes from.",
                    "oneOf": [
                        ["type": "string"],
                        object(["cite": string("the paper, as a reference"), "doi": string("its DOI"), "url": string("a web address"),
                                "note": string("what was adapted")], required: []),
                    ],
                ],
                "target": object([
                    "metals": ["description": "Element symbols of the metal(s) to be dispersed.",
                               "oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"], "minItems": 1]]],
                    "site": ["enum": SiteType.allCases.map(\.rawValue)],
                    "support": string("what the metal sits on in the end, e.g. N-doped carbon"),
                ], required: ["metals", "site"]),
                "route": ["enum": Route.allCases.map(\.rawValue), "description": "The synthesis route family (review §4.1–4.2)."],
                "host": string("The host framework, by catalog name (e.g. ZIF-8, UiO-66-NH2, NU-1000)."),
                "reagents": [
                    "type": "object", "description": "Reagents by id.",
                    "additionalProperties": ["$ref": "#/$defs/reagent"],
                ],
                "steps": ["type": "array", "items": ["$ref": "#/$defs/step"], "description": "Bench operations, in order."],
                "notes": ["type": "string"],
            ],
            "$defs": definitions(),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func string(_ description: String) -> [String: Any] { ["type": "string", "description": description] }

    static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        var object: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties]
        if !required.isEmpty { object["required"] = required }
        return object
    }

    static func quantity(_ dimensions: Set<Dimension>, _ description: String) -> [String: Any] {
        let sorted = dimensions.sorted { $0.rawValue < $1.rawValue }
        return [
            "type": "string", "pattern": #"^\s*[-+−]?[0-9.]"#,
            "description": description + " — " + sorted.map { "\($0.noun): \($0.exampleUnits)" }.joined(separator: "; "),
        ]
    }

    static func definitions() -> [String: Any] {
        var definitions: [String: Any] = [
            "reagentId": ["type": "string", "description": "The id of a reagent declared under `reagents`."],
            "reagent": object([
                "name": string("the chemical's name (looked up in the catalog)"),
                "formula": string("its formula, e.g. Zn(NO3)2·6H2O or Fe(acac)3"),
                "cas": string("CAS registry number"),
                "role": ["enum": ReagentRole.allCases.map(\.rawValue)],
                "mass": quantity([.mass], "mass weighed"),
                "amount": quantity([.amount], "amount of substance"),
                "volume": quantity([.volume], "volume measured (neat liquid or solution)"),
                "density": quantity([.density], "density, where the catalog lacks it"),
                "concentration": quantity([.molarConcentration, .massConcentration, .massFraction], "concentration of a solution"),
                "purity": quantity([.fraction, .massFraction], "assay"),
                "note": string("a remark"),
            ], required: []),
        ]
        var kinds: [[String: Any]] = []
        for spec in StepSpec.all {
            var parameters: [String: Any] = [:]
            for parameter in spec.parameters { parameters[parameter.name] = schema(for: parameter) }
            let parameterObject = object(parameters, required: spec.parameters.filter(\.required).map(\.name))
            var kindValue: [Any] = [parameterObject]
            if spec.parameters.allSatisfy({ !$0.required }) { kindValue.append(["type": "null"]) }
            if let primary = spec.primary, let parameter = spec.parameter(primary) {
                kindValue.insert(schema(for: parameter), at: 0)
            }
            var properties: [String: Any] = [spec.kind.rawValue: ["description": spec.summary, "anyOf": kindValue]]
            for parameter in spec.parameters where parameter.parameter != spec.primary || spec.primary != nil {
                properties[parameter.name] = schema(for: parameter)
            }
            let name = "step-" + spec.kind.rawValue
            definitions[name] = object(properties, required: [spec.kind.rawValue])
            kinds.append(["$ref": "#/$defs/\(name)"])
        }
        definitions["step"] = ["oneOf": kinds]
        return definitions
    }

    static func schema(for parameter: ParameterSpec) -> [String: Any] {
        var schema: [String: Any]
        switch parameter.type {
        case .quantity(let dimensions):
            return quantity(dimensions, parameter.meaning)
        case .reagent:
            schema = ["$ref": "#/$defs/reagentId"]
        case .reagents:
            schema = ["anyOf": [["$ref": "#/$defs/reagentId"], ["type": "array", "items": ["$ref": "#/$defs/reagentId"], "minItems": 1]]]
        case .reagentsOrAll:
            schema = ["anyOf": [["const": "all"], ["$ref": "#/$defs/reagentId"], ["type": "array", "items": ["$ref": "#/$defs/reagentId"], "minItems": 1]]]
        case .solventVolumes:
            schema = ["type": "object", "additionalProperties": quantity([.volume], "volume of this solvent"), "minProperties": 1]
        case .integer(let minimum):
            schema = ["type": "integer", "minimum": minimum]
        case .choice(let options):
            // The gas names and mixture orders the reader also takes for a choice that lists the gas ("argon" for Ar,
            // "Ar/H2" for H2/Ar), in the cases a paper prints them.
            let written = StepSpec.gasSpellings.filter { options.contains($0.value) }.keys
                .flatMap { [$0, $0.capitalized, $0.uppercased()] }
            schema = ["enum": options + Set(written).subtracting(options).sorted()]
        case .text:
            schema = ["type": "string"]
        case .flag:
            schema = ["type": "boolean"]
        }
        schema["description"] = parameter.meaning
        return schema
    }
}
