import AnchorageCore
import Foundation

/// The shipped numbers and words a protocol prints beyond the recipe, each from a data file with its source:
/// `protocol.yaml`, `ghs-hazard-statements.yaml`, `ghs-safety.yaml`, `characterisation.yaml`, and the autoclave
/// fill limit of `chemistry.yaml`.
public struct ProtocolKnowledge: Sendable {
    /// Start of a furnace programme, °C.
    public var roomTemperature: Double?
    /// A step this long or longer, left unattended, can run overnight; hours.
    public var overnightMinimumHours: Double?
    /// Hazard groups, their controls, pictograms and signal words.
    public var safety: SafetyKnowledge?
    /// The characterisation plan per metal and site.
    public var characterisation: CharacterisationKnowledge?
    /// GHS hazard statement wording by code.
    public var hazardStatements: [String: String]
    /// Largest fraction of an autoclave liner the liquid may fill.
    public var autoclaveMaxFillFraction: Double?

    struct Value: Decodable { var value: Double? }

    struct ProtocolFile: Decodable {
        var roomTemperature: Value?
        var overnightMinimum: Value?

        enum CodingKeys: String, CodingKey {
            case roomTemperature = "room_temperature_C"
            case overnightMinimum = "overnight_min_h"
        }
    }

    struct StatementsFile: Decodable { var statements: [String: String] }

    struct ChemistryFile: Decodable {
        struct Lab: Decodable {
            var autoclaveMaxFillFraction: Value?
            enum CodingKeys: String, CodingKey { case autoclaveMaxFillFraction = "autoclave_max_fill_fraction" }
        }
        var lab: Lab?
    }

    public init(
        roomTemperature: Double?, overnightMinimumHours: Double?, hazardStatements: [String: String],
        autoclaveMaxFillFraction: Double?, safety: SafetyKnowledge? = nil, characterisation: CharacterisationKnowledge? = nil
    ) {
        self.roomTemperature = roomTemperature
        self.overnightMinimumHours = overnightMinimumHours
        self.safety = safety
        self.characterisation = characterisation
        self.hazardStatements = hazardStatements
        self.autoclaveMaxFillFraction = autoclaveMaxFillFraction
    }

    public static func bundled() throws -> ProtocolKnowledge { try cache.get() }

    private static let cache: Result<ProtocolKnowledge, Error> = Result {
        let file = try BundledData.decode(ProtocolFile.self, from: "protocol.yaml")
        let statements = try BundledData.decode(StatementsFile.self, from: "ghs-hazard-statements.yaml")
        let chemistry = try BundledData.decode(ChemistryFile.self, from: "chemistry.yaml")
        return ProtocolKnowledge(
            roomTemperature: file.roomTemperature?.value, overnightMinimumHours: file.overnightMinimum?.value,
            hazardStatements: statements.statements,
            autoclaveMaxFillFraction: chemistry.lab?.autoclaveMaxFillFraction?.value,
            safety: try SafetyKnowledge.bundled(), characterisation: try CharacterisationKnowledge.bundled())
    }
}
