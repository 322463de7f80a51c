/// Every rule, in one explicit list (a guard test checks that every rule type in `Rules/` is here, once).
public enum RuleRegistry {
    public static let rules: [any Rule] = [
        YAMLSyntaxRule(), NotARecipeRule(), NewerFormatVersionRule(), UnknownKeyRule(), MissingFieldRule(), WrongTypeRule(),
        DuplicateKeyRule(), InvalidValueRule(), DocumentTooLargeRule(), RecipeAsksTooMuchRule(),
        UnreadableQuantityRule(), WrongDimensionRule(), ImpossibleValueRule(), FractionForPercentageRule(),
        UnreadableFormulaRule(), AmountsDisagreeRule(), MissingAmountRule(), UnknownChemicalRule(), FormulaDiffersFromCatalogRule(),
        TargetMetalNotSuppliedRule(),
        UndeclaredReagentRule(), UnusedReagentRule(), SolventVolumeMismatchRule(), NotASolventRule(), AcidStockTooSmallRule(), UnknownHostRule(),
        SealedAboveBoilingPointRule(), AutoclaveOverfilledRule(), LinerAboveServiceTemperatureRule(), OxidisingPyrolysisRule(),
        FlammableHydrogenRule(), HydrofluoricEtchRule(), RampTooFastRule(), MetalLoadingAboveReportedRule(), OpenVesselAboveBoilingPointRule(),
        TubeAboveMaximumTemperatureRule(),
        NobleMetalInZIFRule(), UnreportedZIFMetalRule(), NoZincSpacerRule(), PyrolysisOutsideZincWindowRule(), ExpectedCoordinationRule(),
        ZincTargetAboveBoilingPointRule(),
        HostWithoutChelatingSiteRule(), MetalExceedsSitesRule(), PyrolysisWithoutAnchorsRule(), PorphyrinPlatinumWithoutReductionRule(),
        DualAtomWithoutPairLigandRule(),
        NodeNotExchangeableRule(), IncomingIonNotOnRecordRule(), ExchangeAboveStabilityRule(), NoExchangeStepRule(),
        NodeWithoutTerminalHydroxylRule(), DepositionAboveStabilityRule(), MetalExceedsNodeSitesRule(), SealedDepositionRule(),
        UnsuitableALDSupportRule(), WrongCoReactantRule(), HazardousALDReagentRule(), NoALDStepRule(),
        PrecursorLargerThanCageRule(), SoakedPastTheWindowRule(), SimpleSaltPrecursorRule(), PrecursorTooSmallRule(),
        MoreThanOnePerCageRule(), ConfinementWithoutPyrolysisRule(), PolynuclearPrecursorRule(), UnlistedPrecursorClassRule(),
        ChannelHostRule(), UnknownPrecursorSizeRule(),
    ]

    public static var descriptions: [RuleDescription] {
        rules.map { type(of: $0).description }
    }

    public static func description(for id: String) -> RuleDescription? {
        descriptions.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}
