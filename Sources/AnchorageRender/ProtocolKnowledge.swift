import AnchorageCore
import Foundation

/// The shipped numbers and words a protocol prints beyond the recipe, each from a data file with its source:
/// `protocol.yaml`, `ghs-hazard-statements.yaml`, and the autoclave fill limit of `chemistry.yaml`.
public struct ProtocolKnowledge: Sendable {
    public struct Check: Decodable, Sendable {
        public var technique: String
        public var lookFor: String
        public var source: SourceReference?

        enum CodingKeys: String, CodingKey {
            case technique, source
            case lookFor = "look_for"
        }
    }

    /// Start of a furnace programme, °C.
    public var roomTemperature: Double?
    /// A step this long or longer, left unattended, can run overnight; hours.
    public var overnightMinimumHours: Double?
    public var singleAtomChecks: [Check]
    public var dualAtomChecks: [Check]
    /// GHS hazard statement wording by code.
    public var hazardStatements: [String: String]
    /// Largest fraction of an autoclave liner the liquid may fill.
    public var autoclaveMaxFillFraction: Double?

    struct Value: Decodable { var value: Double? }

    struct ProtocolFile: Decodable {
        var roomTemperature: Value?
        var overnightMinimum: Value?
        var singleAtomChecks: [Check]?
        var dualAtomChecks: [Check]?

        enum CodingKeys: String, CodingKey {
            case roomTemperature = "room_temperature_C"
            case overnightMinimum = "overnight_min_h"
            case singleAtomChecks = "single_atom_checks"
            case dualAtomChecks = "dual_atom_checks"
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
        roomTemperature: Double?, overnightMinimumHours: Double?, singleAtomChecks: [Check], dualAtomChecks: [Check],
        hazardStatements: [String: String], autoclaveMaxFillFraction: Double?
    ) {
        self.roomTemperature = roomTemperature
        self.overnightMinimumHours = overnightMinimumHours
        self.singleAtomChecks = singleAtomChecks
        self.dualAtomChecks = dualAtomChecks
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
            singleAtomChecks: file.singleAtomChecks ?? [], dualAtomChecks: file.dualAtomChecks ?? [],
            hazardStatements: statements.statements,
            autoclaveMaxFillFraction: chemistry.lab?.autoclaveMaxFillFraction?.value)
    }
}
