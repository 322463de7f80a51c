/// What one input may ask for and the range a written quantity may take, from `input-limits.yaml` (each with its reason).
public struct InputLimits: Sendable {
    public struct Limit: Sendable, Decodable {
        public var value: Double
        public var why: String

        /// As a count; the data file holds whole numbers.
        public var count: Int { Int(saturating: value) }
    }

    struct QuantityLimit: Sendable, Decodable {
        var max: Double
        var unit: String
        var why: String
    }

    public struct Recipe: Sendable, Decodable {
        public var metals_per_target: Limit
        public var reagents: Limit
        public var steps: Limit
        public var name_characters: Limit
        public var list_items: Limit
        public var text_characters: Limit
        public var formula_group_depth: Limit
        public var formula_count: Limit
    }

    public struct Messages: Sendable, Decodable {
        public var excerpt_characters: Limit
        public var message_characters: Limit
        public var suggestion_input_characters: Limit
    }

    public struct Structure: Sendable, Decodable {
        public var symmetry_operations: Limit
        public var atoms: Limit
        public var cell_length_min: Limit
        public var cell_length_max: Limit
        public var radius_max: Limit
        public var coordinate_magnitude_max: Limit
    }

    struct File: Decodable {
        var quantities: [String: QuantityLimit]
        var recipe: Recipe
        var messages: Messages
        var structure: Structure
    }

    let quantities: [Dimension: QuantityLimit]
    public let recipe: Recipe
    public let messages: Messages
    public let structure: Structure

    /// The largest value of a dimension, in its canonical unit, with the reason; nil where the file sets none.
    public func maximum(of dimension: Dimension) -> (value: Double, why: String)? {
        quantities[dimension].map { ($0.max, $0.why) }
    }

    public static func bundled() throws -> InputLimits { try cache.get() }

    private static let cache: Result<InputLimits, Error> = Result {
        let file = try BundledData.decode(File.self, from: "input-limits.yaml")
        var quantities: [Dimension: QuantityLimit] = [:]
        for (name, limit) in file.quantities {
            guard let dimension = Dimension(rawValue: name) else {
                throw DataFileError.malformed("input-limits.yaml", "'\(name)' is not a kind of quantity")
            }
            quantities[dimension] = limit
        }
        return InputLimits(quantities: quantities, recipe: file.recipe, messages: file.messages, structure: file.structure)
    }
}
