import AnchorageCore
import AnchorageFit
import AnchorageRules
import Testing

@testable import AnchoragePlan

@Suite struct PlannerTests {
    static let planner: Planner = {
        do { return try Planner.bundled() } catch { fatalError("shipped knowledge does not load: \(error)") }
    }()

    func plan(_ metals: [String], site: SiteType = .singleAtom, host: String? = nil, planner: Planner = PlannerTests.planner) throws -> Plan
    {
        try planner.plan(PlanRequest(metals: metals, site: site, host: host))
    }

    func errors(in draft: String, planner: Planner = PlannerTests.planner) -> [Diagnostic] {
        Validator(knowledge: planner.knowledge).validate(text: draft, file: "draft.yaml").diagnostics.filter { $0.severity == .error }
    }

    @Test func platinumCannotBeAZIFNode() throws {
        let plan = try plan(["Pt"])
        let mixed = try #require(plan.route(.mixedMetalPyrolysis))
        #expect(mixed.grade == .notFeasible)
        let reason = try #require(mixed.best?.reasons.first { $0.source == "MIX-001" })
        #expect(reason.message.contains("cannot take Zn's place"))
        #expect(reason.references.contains("review-pom-admc"))
        #expect(plan.routes.last?.route == .mixedMetalPyrolysis || plan.routes.last?.grade == .notFeasible)
        #expect(mixed.toMoveUp.contains { $0.contains("ruled out by MIX-001") })
    }

    @Test func platinumByConfinementOfItsAcetylacetonate() throws {
        let confinement = try #require(try plan(["Pt"]).route(.poreConfinement))
        let best = try #require(confinement.best)
        // Every check holds; no published confinement of a Pt complex in ZIF-8 is on record.
        #expect(best.grade == .rulesHold)
        #expect(best.precedents.isEmpty)
        #expect(best.toMoveUp.contains { $0.contains("would make it a precedent") })
        #expect(best.host == "ZIF-8")
        #expect(best.precursors.contains { $0.contains("Pt(acac)2") })
        #expect(best.reasons.contains { $0.source == "fit" && $0.message.contains("in-situ") })
        #expect(best.checksHeld.contains { $0.source == "CONF-001" && $0.references.contains("review-pom-admc") })
        #expect(best.maximumIsolatedLoading?.contains("one per cage") == true)
    }

    @Test func platinumByLinkerAnchoringOnAnAmineOrPorphyrinHost() throws {
        let anchoring = try #require(try plan(["Pt"]).route(.linkerAnchoring))
        let best = try #require(anchoring.best)
        #expect(best.grade != .notFeasible)
        let host = try #require(best.host.flatMap { Self.planner.knowledge.hosts.host(named: $0) })
        #expect(host.has(site: "amine") || host.has(site: "porphyrin"))
        #expect(best.checksHeld.contains { $0.source == "LINK-001" && !$0.references.isEmpty })
        #expect(best.conditions.contains { $0.contains("reduction") })
        // The porphyrinic host is formed from its linker, so the rules count its sites (one Pt per porphyrin at most).
        let porphyrinic = try #require(([anchoring.best] + anchoring.alternatives).compactMap { $0 }.first { $0.host == "PCN-224" })
        // A published Pt anchoring on a porphyrinic MOF of the same linker (Al-TCPP) makes it a precedent, by family.
        #expect(porphyrinic.grade == .precedent)
        #expect(porphyrinic.precedents.contains { $0.id == "fang-2018-pt1-porphyrin-mof" && $0.family != nil })
        #expect(porphyrinic.draft.contains("linker: {name: \"meso-tetra(4-carboxyphenyl)porphine\""))
        #expect(porphyrinic.checksHeld.contains { $0.source == "LINK-002" })
        #expect(porphyrinic.maximumIsolatedLoading?.contains("1.265 mmol") == true)
        // A host without chelating sites is turned down by the rule, with its reason.
        let uio = try #require(try plan(["Pt"], host: "UiO-66").route(.linkerAnchoring)?.best)
        #expect(uio.grade == .notFeasible)
        #expect(uio.reasons.contains { $0.source == "LINK-001" })
    }

    @Test func cobaltByMixedMetalZIFWithRatioAndTemperature() throws {
        let plan = try plan(["Co"])
        #expect(plan.routes.first?.route == .mixedMetalPyrolysis)
        let best = try #require(plan.route(.mixedMetalPyrolysis)?.best)
        #expect(best.grade == .precedent)
        #expect(best.precedents.contains { $0.doi == "10.1002/anie.201604802" })
        #expect(best.conditions.contains { $0.hasPrefix("Zn:Co molar ratio 20:1") })
        #expect(best.conditions.contains { $0.contains("900 °C under N2") })
        #expect(best.conditions.contains { $0.contains("800–1000 °C") })
        #expect(best.maximumIsolatedLoading?.contains("4 wt % Co") == true)
    }

    @Test func vanadiumOnNU1000BySIMAndAIM() throws {
        let plan = try plan(["V"], host: "NU-1000")
        let sim = try #require(plan.route(.sim))
        #expect(plan.routes.first?.route == .sim)
        #expect(sim.grade == .precedent)
        #expect(sim.best?.precedents.contains { $0.id == "otake-2018-v-sim-nu1000-mof808" } == true)
        let held = try #require(sim.best?.checksHeld.first { $0.source == "SIM-001" })
        #expect(held.message.contains("–OH/–OH2"))
        #expect(held.references.contains("otake-2018-v-sim"))
        #expect(sim.summary?.contains("–OH/–OH2") == true)
        let aim = try #require(plan.route(.aim))
        #expect(aim.grade == .unknown)
        #expect(aim.best?.reasons.contains { $0.severity == .unknown && $0.source == "catalog" } == true)
        #expect(aim.best?.host == "NU-1000")
    }

    @Test func ironCobaltPairs() throws {
        let plan = try plan(["Fe", "Co"], site: .dualAtom)
        let mixed = try #require(plan.route(.mixedMetalPyrolysis)?.best)
        #expect(mixed.grade == .precedent)
        #expect(mixed.precedents.contains { $0.doi == "10.1021/jacs.7b10385" })
        #expect(mixed.precursors.count == 2)
        #expect(mixed.draft.contains("dissolve: [zn, m1, m2]"))
        #expect(errors(in: mixed.draft).isEmpty)
        let anchoring = try #require(plan.route(.linkerAnchoring)?.best)
        #expect(anchoring.draft.contains("ligand:"))
    }

    @Test("every feasible draft of a pair validates with no error", arguments: [["Fe", "Co"], ["Cu", "Ni"]])
    func everyFeasiblePairDraftValidates(metals: [String]) throws {
        for route in try plan(metals, site: .dualAtom).routes {
            for candidate in ([route.best].compactMap { $0 } + route.alternatives) where candidate.grade != .notFeasible {
                #expect(errors(in: candidate.draft).isEmpty, "\(metals) \(route.route.rawValue) on \(candidate.host ?? "?")")
            }
        }
    }

    /// Every metal the catalogs can bring, single atoms and the worked pair.
    static let metals: [String] = {
        let knowledge = planner.knowledge
        let classes: Set<String> = ["metal-salt", "metal-precursor", "ald-precursor"]
        let fromChemicals = knowledge.chemicals.chemicals.filter { classes.contains($0.chemicalClass ?? "") }.flatMap { $0.metal ?? [] }
        let fromFit = knowledge.fit?.precursors.flatMap(\.metals) ?? []
        return Array(Set(fromChemicals + fromFit)).sorted()
    }()

    @Test("every draft of every route not ruled out validates with no error, and its grade says what is known", arguments: metals)
    func everyFeasibleDraftValidates(metal: String) throws {
        let plan = try plan([metal])
        checkGrades(plan, metal: metal)
        for route in plan.routes {
            for candidate in ([route.best].compactMap { $0 } + route.alternatives) where candidate.grade != .notFeasible {
                let found = errors(in: candidate.draft)
                #expect(found.isEmpty, "\(metal) \(route.route.rawValue) on \(candidate.host ?? "?"): \(found.map(\.compilerStyle))")
                #expect(candidate.draft.hasPrefix("# yaml-language-server: $schema="))
            }
        }
    }

    @Test func thePlanFollowsTheData() throws {
        let shipped = Self.planner
        #expect(try plan(["Co"]).route(.mixedMetalPyrolysis)?.grade == .precedent)

        // Co declared unable to replace Zn: the rule turns the route down.
        var unable = shipped
        unable.knowledge.chemistry = shipped.knowledge.chemistry.replacing(
            "mixed_metal_zif.metals_that_cannot.value", with: .list(["Pt", "Pd", "Ru", "Ir", "Co"].map(DataValue.text)))
        let turnedDown = try #require(try plan(["Co"], planner: unable).route(.mixedMetalPyrolysis))
        #expect(turnedDown.grade == .notFeasible)
        #expect(turnedDown.best?.reasons.contains { $0.source == "MIX-001" } == true)

        // A higher lower bound of the pyrolysis window: the drafted 900 °C is below it, a condition.
        var narrower = shipped
        narrower.knowledge.chemistry = shipped.knowledge.chemistry.replacing("mixed_metal_zif.pyrolysis_window_C.min", with: .number(950))
        let conditioned = try #require(try plan(["Co"], planner: narrower).route(.mixedMetalPyrolysis)?.best)
        // The published synthesis still stands; the risk is listed with it. Without the precedents the same draft is
        // unknown: a warning is not "feasible".
        #expect(conditioned.grade == .precedent)
        #expect(conditioned.reasons.contains { $0.source == "MIX-004" && $0.severity == .warning })
        var bare = narrower
        bare.data.evidence = EvidenceData()
        let unsupported = try #require(try plan(["Co"], planner: bare).route(.mixedMetalPyrolysis)?.best)
        #expect(unsupported.grade == .unknown)
        #expect(unsupported.toMoveUp.contains { $0.contains("MIX-004") })

        // The drafted temperature itself comes from the data.
        var hotter = shipped
        hotter.knowledge.chemistry = shipped.knowledge.chemistry.replacing(
            "mixed_metal_zif.reported_pyrolysis", with: .list([.map(["temperature_C": .number(950)])]))
        let draft = try #require(try plan(["Co"], planner: hotter).route(.mixedMetalPyrolysis)?.best?.draft)
        #expect(draft.contains("temperature: 950 °C"))
    }

    // MARK: Evidence grades

    @Test func cobaltIronAndNickelLeadWithTheirPublishedRoutes() throws {
        let cobalt = try #require(try plan(["Co"]).routes.first)
        #expect(cobalt.route == .mixedMetalPyrolysis && cobalt.grade == .precedent)
        #expect(cobalt.best?.precedents.contains { $0.doiText == "doi:10.1002/anie.201604802" } == true)
        #expect(cobalt.best?.precedents.first?.doi != nil)

        let iron = try #require(try plan(["Fe"]).routes.first)
        #expect(iron.route == .poreConfinement && iron.grade == .precedent)
        #expect(iron.best?.precursors.first?.contains("Fe(acac)3") == true)
        let chen = try #require(iron.best?.precedents.first)
        #expect(chen.samePrecursor && chen.id == "chen-2017-fe-isas-feacac3-zif8")
        #expect(chen.doiText.contains("10.1002/anie.201702473"))

        let nickel = try #require(try plan(["Ni"]).routes.first)
        #expect(nickel.grade == .precedent)
        #expect(nickel.best?.precedents.first?.doi != nil)
    }

    /// Each grade says what is known of the candidate (run on the plans of `everyFeasibleDraftValidates`).
    func checkGrades(_ plan: Plan, metal: String) {
        #expect(plan.routes.map(\.grade.rank) == plan.routes.map(\.grade.rank).sorted())
        for route in plan.routes {
            #expect(route.grade == route.best?.grade ?? route.grade)
            #expect(!route.toMoveUp.isEmpty || route.grade == .precedent, "\(metal) \(route.route.rawValue)")
            for candidate in [route.best].compactMap({ $0 }) + route.alternatives {
                let severities = Set(candidate.reasons.map(\.severity))
                let place = "\(metal) \(route.route.rawValue) on \(candidate.host ?? "?")"
                switch candidate.grade {
                case .rulesHold:
                    #expect(severities.isDisjoint(with: [.error, .warning, .unknown]), "\(place)")
                    #expect(candidate.precedents.isEmpty, "\(place)")
                case .precedent:
                    #expect(!candidate.precedents.isEmpty && !severities.contains(.error), "\(place)")
                    // A gap about the precursor itself is settled only by a paper that used that precursor.
                    #expect(
                        !candidate.reasons.contains { $0.concernsThePrecursor } || candidate.precedents.contains { $0.samePrecursor },
                        "\(place)")
                case .unknown:
                    #expect(!severities.isDisjoint(with: [.warning, .unknown]) && !severities.contains(.error), "\(place)")
                    for reason in candidate.reasons where reason.severity == .unknown { #expect(reason.settle != nil, "\(place)") }
                case .notFeasible:
                    #expect(severities.contains(.error), "\(place)")
                }
            }
        }
    }

    @Test func aimWithASolutionPrecursorIsUnknownAndNamesTheVolatilePrecursorsOnRecord() throws {
        let aim = try #require(try plan(["Co"]).route(.aim))
        #expect(aim.grade == .unknown)
        let gap = try #require(aim.best?.reasons.first { $0.severity == .unknown && $0.source == "catalog" })
        #expect(gap.message.contains("volatility for ALD is not on record"))
        #expect(gap.settle?.contains("Co(MeCp)2") == true)
        #expect(aim.toMoveUp.contains { $0.contains("class ald-precursor") })
        // The review's Co AIM on NU-1000 used another precursor: it does not settle this one.
        #expect(aim.best?.precedents.contains { $0.id == "review-co-aim-nu1000" && !$0.samePrecursor } == true)
    }

    @Test func aChecksUnknownKeepsACandidateFromRulesHold() throws {
        let gap = PlanReason(.unknown, source: "MIX-003", "the Zn:M limit is not on record", settle: "a sourced Zn:M limit")
        let risk = PlanReason(.warning, source: "NODE-002", "not among the ions known")
        let precedent = try #require(Self.planner.data.evidence.precedents.first { $0.id == "yin-2016-co-sas-zn-co-zif" })
        let other = PrecedentMatch(precedent, samePrecursor: false, family: nil)
        #expect(Planner.grade([], precedents: []) == .rulesHold)
        #expect(Planner.grade([gap], precedents: []) == .unknown)
        #expect(Planner.grade([risk], precedents: []) == .unknown)
        #expect(Planner.grade([gap, risk], precedents: [other]) == .precedent)
        let volatility = PlanReason(.unknown, source: "catalog", "volatility not on record", settle: "an ALD precursor")
        #expect(Planner.grade([volatility], precedents: [other]) == .unknown)
        #expect(Planner.grade([volatility], precedents: [PrecedentMatch(precedent, samePrecursor: true, family: nil)]) == .precedent)
        #expect(Planner.grade([PlanReason(.error, source: "MIX-001", "cannot")], precedents: [other]) == .notFeasible)
        // A rule's "not checked" finding names the missing datum: that is what the plan asks for.
        let diagnostic = Diagnostic(
            .unknown, "MIX-003", "Zn:Co not checked: no sourced limit (chemistry.yaml mixed_metal_zif)",
            at: SourceLocation(file: "draft.yaml", line: 1, column: 1))
        #expect(Self.planner.reason(diagnostic).settle?.contains("chemistry.yaml") == true)
    }

    @Test func chelatingSitesPerGramOfAWeighedInHost() throws {
        let uio = try #require(try plan(["Pt"], host: "UiO-66-NH2").route(.linkerAnchoring)?.best)
        // 24 –NH2 per Zr24O16(OH)16(C8H5NO4)24 (7016.6 g/mol): 3.42 mmol per g.
        #expect(uio.maximumIsolatedLoading?.contains("3.42 mmol sites per g of UiO-66-NH2") == true)
    }

    @Test func ironExchangedIntoMOF5IsAPrecedent() throws {
        let exchange = try #require(try plan(["Fe"], host: "MOF-5").route(.nodeExchange)?.best)
        #expect(exchange.grade == .precedent)
        #expect(!exchange.reasons.contains { $0.source == "NODE-002" })
        #expect(exchange.precedents.first?.doi == "10.1021/ja4064475")
    }

    // MARK: Input as chemists write it

    @Test("element names and symbols in any case", arguments: ["Cobalt", "cobalt", "COBALT", "co", "CO", "Co"])
    func elementNames(written: String) throws {
        #expect(try Self.planner.resolve(PlanRequest(metals: [written], site: .singleAtom)).metals == ["Co"])
    }

    @Test func alternativeSpellingsAndUnknownNames() throws {
        #expect(try Self.planner.resolve(PlanRequest(metals: ["Aluminum"], site: .singleAtom)).metals == ["Al"])
        #expect(try Self.planner.resolve(PlanRequest(metals: ["iron", "Cobalt"], site: .dualAtom)).metals == ["Fe", "Co"])
        #expect(throws: PlanError.self) { try Self.planner.plan(PlanRequest(metals: ["Cobalium"], site: .singleAtom)) }
    }

    @Test("the support vocabulary of recipes", arguments: ["N-C", "NC", "nc", "N-doped carbon", "nitrogen-doped carbon", "N-doped-carbon"])
    func supportAsRecipesWriteIt(written: String) throws {
        let plan = try Self.planner.plan(PlanRequest(metals: ["Co"], site: .singleAtom, support: written))
        #expect(plan.route(.mixedMetalPyrolysis)?.grade == .precedent)
        #expect(plan.route(.poreConfinement)?.grade != .notFeasible)
        let sim = try #require(plan.route(.sim)?.best)
        #expect(sim.grade == .notFeasible)
        #expect(sim.reasons.contains { $0.message.contains("not the requested support N-doped carbon") })
    }

    @Test func aFrameworkSupportAnswersToItsAliases() throws {
        let plan = try Self.planner.plan(PlanRequest(metals: ["V"], site: .singleAtom, support: "nu1000"))
        #expect(plan.route(.sim)?.grade == .precedent)
        #expect(plan.route(.mixedMetalPyrolysis)?.grade == .notFeasible)
    }

    @Test func requestedSupportKeepsTheRoutesThatGiveIt() throws {
        let plan = try Self.planner.plan(PlanRequest(metals: ["Pt"], site: .singleAtom, support: "N-doped carbon"))
        #expect(plan.routes.first?.route == .poreConfinement)
        let sim = try #require(plan.route(.sim)?.best)
        #expect(sim.grade == .notFeasible)
        #expect(sim.reasons.contains { $0.source == "plan" && $0.message.contains("not the requested support") })
    }

    @Test func batchScalesTheAmounts() throws {
        let one = try #require(try Self.planner.best(.mixedMetalPyrolysis, PlanRequest(metals: ["Co"], site: .singleAtom))?.draft)
        let two = try #require(
            try Self.planner.best(.mixedMetalPyrolysis, PlanRequest(metals: ["Co"], site: .singleAtom, batchGrams: 2))?.draft)
        #expect(one.contains("mass: 1.307 g, role: metal-salt"))
        #expect(two.contains("mass: 2.614 g, role: metal-salt"))
    }

    @Test(
        "requests the planner cannot answer",
        arguments: [
            PlanRequest(metals: ["Xx"], site: .singleAtom), PlanRequest(metals: ["Fe", "Co"], site: .singleAtom),
            PlanRequest(metals: ["Fe"], site: .dualAtom), PlanRequest(metals: ["Pt"], site: .singleAtom, host: "ZIF-88"),
            PlanRequest(metals: ["Pt"], site: .singleAtom, precursor: "Fe(acac)3"),
        ])
    func unanswerable(request: PlanRequest) {
        #expect(throws: PlanError.self) { try Self.planner.plan(request) }
    }

    @Test func aHomonuclearPairIsSentToTheValidator() {
        #expect { try Self.planner.plan(PlanRequest(metals: ["Fe"], site: .dualAtom)) } throws: { error in
            "\(error)".contains("homonuclear pair (Fe2) is not planned") && "\(error)".contains("anchorage validate")
        }
    }
}
