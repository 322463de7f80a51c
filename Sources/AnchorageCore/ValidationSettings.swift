/// The numbers the foundation checks use, from `validation.yaml` (each with its source there).
public struct ValidationSettings: Sendable {
    /// Largest relative disagreement between two statements of one amount, as a fraction (0.02 for 2 %).
    public var amountAgreementTolerance: Double

    struct Entry: Decodable { var value: Double }
    struct File: Decodable { var amount_agreement_tolerance_pct: Entry }

    public static func bundled() throws -> ValidationSettings { try cache.get() }

    private static let cache: Result<ValidationSettings, Error> = Result {
        let file = try BundledData.decode(File.self, from: "validation.yaml")
        return ValidationSettings(amountAgreementTolerance: file.amount_agreement_tolerance_pct.value / 100)
    }
}
