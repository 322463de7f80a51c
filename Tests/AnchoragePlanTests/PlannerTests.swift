import AnchorageCore
import AnchorageFit
import AnchoragePlan
import AnchorageRules
import Testing

@Suite struct PlannerTests {
    static let planner: Planner = {
        do { return try Planner.bundled() } catch { fatalError("shipped knowledge does not load: \(error)") }
    }()

    func plan(_ metals: [String], site: SiteType = .singleAtom, host: String? = nil, planner: Planner = PlannerTests.planner) throws -> Plan {
        try planner.plan(PlanRequest(metals: metals, site: site, host: host))
    }

    func errors(in draft: String, planner: Planner = PlannerTests.planner) -> [Diagnostic] {
        Validator(knowledge: planner.knowledge).validate(text: draft, file: "draft.yaml").diagnostics.filter { $0.severity == .error }
    }

    @Test func platinumCannotBeAZIFNode() throws {
        let plan = try plan(["Pt"])
        let mixed = try #require(plan.route(.mixedMetalPyrolysis))
        #expect(mixed.feasibility == .notFeasible)
        let reason = try #require(mixed.best?.reasons.first { $0.source == "MIX-001" })
        #expect(reason.message.contains("cannot take Zn's place"))
        #expect(reason.references.contains("review-pom-admc"))
        #expect(plan.routes.last?.route == .mixedMetalPyrolysis || plan.routes.last?.feasibility == .notFeasible)
    }

    @Test func platinumByConfinementOfItsAcetylacetonate() throws {
        let confinement = try #require(try plan(["Pt"]).route(.poreConfinement))
        let best = try #require(confinement.best)
        #expect(best.feasibility == .feasible)
        #expect(best.host == "ZIF-8")
        #expect(best.precursors.contains { $0.contains("Pt(acac)2") })
        #expect(best.reasons.contains { $0.source == "fit" && $0.message.contains("in-situ") })
        #expect(best.checksHeld.contains { $0.source == "CONF-001" && $0.references.contains("review-pom-admc") })
        #expect(best.maximumIsolatedLoading?.contains("one per cage") == true)
    }

    @Test func platinumByLinkerAnchoringOnAnAmineOrPorphyrinHost() throws {
        let anchoring = try #require(try plan(["Pt"]).route(.linkerAnchoring))
        let best = try #require(anchoring.best)
        #expect(best.feasibility != .notFeasible)
        let host = try #require(best.host.flatMap { Self.planner.knowledge.hosts.host(named: $0) })
        #expect(host.has(site: "amine") || host.has(site: "porphyrin"))
        #expect(best.checksHeld.contains { $0.source == "LINK-001" && !$0.references.isEmpty })
        #expect(best.conditions.contains { $0.contains("reduction") })
        // The porphyrinic host is formed from its linker, so the rules count its sites (one Pt per porphyrin at most).
        let porphyrinic = try #require(([anchoring.best] + anchoring.alternatives).compactMap { $0 }.first { $0.host == "PCN-224" })
        #expect(porphyrinic.feasibility == .feasible)
        #expect(porphyrinic.draft.contains("linker: {name: \"meso-tetra(4-carboxyphenyl)porphine\""))
        #expect(porphyrinic.checksHeld.contains { $0.source == "LINK-002" })
        #expect(porphyrinic.maximumIsolatedLoading?.contains("1.265 mmol") == true)
        // A host without chelating sites is turned down by the rule, with its reason.
        let uio = try #require(try plan(["Pt"], host: "UiO-66").route(.linkerAnchoring)?.best)
        #expect(uio.feasibility == .notFeasible)
        #expect(uio.reasons.contains { $0.source == "LINK-001" })
    }

    @Test func cobaltByMixedMetalZIFWithRatioAndTemperature() throws {
        let plan = try plan(["Co"])
        let feasible = plan.routes.filter { $0.feasibility != .notFeasible }.map(\.route)
        #expect(feasible.contains(.mixedMetalPyrolysis))
        let best = try #require(plan.route(.mixedMetalPyrolysis)?.best)
        #expect(best.feasibility == .feasible)
        #expect(best.conditions.contains { $0.hasPrefix("Zn:Co molar ratio 20:1") })
        #expect(best.conditions.contains { $0.contains("900 °C under N2") })
        #expect(best.conditions.contains { $0.contains("800–1000 °C") })
        #expect(best.maximumIsolatedLoading?.contains("4 wt % Co") == true)
    }

    @Test func vanadiumOnNU1000BySIMAndAIM() throws {
        let plan = try plan(["V"], host: "NU-1000")
        let sim = try #require(plan.route(.sim))
        #expect(plan.routes.first?.route == .sim)
        #expect(sim.feasibility == .feasible)
        let held = try #require(sim.best?.checksHeld.first { $0.source == "SIM-001" })
        #expect(held.message.contains("–OH/–OH2"))
        #expect(held.references.contains("otake-2018-v-sim"))
        #expect(sim.summary?.contains("–OH/–OH2") == true)
        let aim = try #require(plan.route(.aim))
        #expect(aim.feasibility != .notFeasible)
        #expect(aim.best?.host == "NU-1000")
    }

    @Test func ironCobaltPairs() throws {
        let plan = try plan(["Fe", "Co"], site: .dualAtom)
        let mixed = try #require(plan.route(.mixedMetalPyrolysis)?.best)
        #expect(mixed.feasibility == .feasible)
        #expect(mixed.precursors.count == 2)
        #expect(mixed.draft.contains("dissolve: [zn, m1, m2]"))
        #expect(errors(in: mixed.draft).isEmpty)
        let anchoring = try #require(plan.route(.linkerAnchoring)?.best)
        #expect(anchoring.draft.contains("ligand:"))
    }

    @Test("every feasible draft of a pair validates with no error", arguments: [["Fe", "Co"], ["Cu", "Ni"]])
    func everyFeasiblePairDraftValidates(metals: [String]) throws {
        for route in try plan(metals, site: .dualAtom).routes {
            for candidate in ([route.best].compactMap { $0 } + route.alternatives) where candidate.feasibility != .notFeasible {
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

    @Test("every draft of every feasible route validates with no error", arguments: metals)
    func everyFeasibleDraftValidates(metal: String) throws {
        let plan = try plan([metal])
        for route in plan.routes {
            for candidate in ([route.best].compactMap { $0 } + route.alternatives) where candidate.feasibility != .notFeasible {
                let found = errors(in: candidate.draft)
                #expect(found.isEmpty, "\(metal) \(route.route.rawValue) on \(candidate.host ?? "?"): \(found.map(\.compilerStyle))")
                #expect(candidate.draft.hasPrefix("# yaml-language-server: $schema="))
            }
        }
    }

    @Test func thePlanFollowsTheData() throws {
        let shipped = Self.planner
        #expect(try plan(["Co"]).route(.mixedMetalPyrolysis)?.feasibility == .feasible)

        // Co declared unable to replace Zn: the rule turns the route down.
        var unable = shipped
        unable.knowledge.chemistry = shipped.knowledge.chemistry.replacing(
            "mixed_metal_zif.metals_that_cannot.value", with: .list(["Pt", "Pd", "Ru", "Ir", "Co"].map(DataValue.text)))
        let turnedDown = try #require(try plan(["Co"], planner: unable).route(.mixedMetalPyrolysis))
        #expect(turnedDown.feasibility == .notFeasible)
        #expect(turnedDown.best?.reasons.contains { $0.source == "MIX-001" } == true)

        // A higher lower bound of the pyrolysis window: the drafted 900 °C is below it, a condition.
        var narrower = shipped
        narrower.knowledge.chemistry = shipped.knowledge.chemistry.replacing("mixed_metal_zif.pyrolysis_window_C.min", with: .number(950))
        let conditioned = try #require(try plan(["Co"], planner: narrower).route(.mixedMetalPyrolysis)?.best)
        #expect(conditioned.feasibility == .feasibleWithConditions)
        #expect(conditioned.reasons.contains { $0.source == "MIX-004" })

        // The drafted temperature itself comes from the data.
        var hotter = shipped
        hotter.knowledge.chemistry = shipped.knowledge.chemistry.replacing(
            "mixed_metal_zif.reported_pyrolysis", with: .list([.map(["temperature_C": .number(950)])]))
        let draft = try #require(try plan(["Co"], planner: hotter).route(.mixedMetalPyrolysis)?.best?.draft)
        #expect(draft.contains("temperature: 950 °C"))
    }

    @Test func requestedSupportKeepsTheRoutesThatGiveIt() throws {
        let plan = try Self.planner.plan(PlanRequest(metals: ["Pt"], site: .singleAtom, support: "N-doped carbon"))
        #expect(plan.routes.first?.route == .poreConfinement)
        let sim = try #require(plan.route(.sim)?.best)
        #expect(sim.feasibility == .notFeasible)
        #expect(sim.reasons.contains { $0.source == "plan" && $0.message.contains("not the requested support") })
    }

    @Test func batchScalesTheAmounts() throws {
        let one = try #require(try Self.planner.best(.mixedMetalPyrolysis, PlanRequest(metals: ["Co"], site: .singleAtom))?.draft)
        let two = try #require(try Self.planner.best(.mixedMetalPyrolysis, PlanRequest(metals: ["Co"], site: .singleAtom, batchGrams: 2))?.draft)
        #expect(one.contains("mass: 1.307 g, role: metal-salt"))
        #expect(two.contains("mass: 2.614 g, role: metal-salt"))
    }

    @Test("requests the planner cannot answer", arguments: [
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
