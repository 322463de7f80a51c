import AnchorageNotebook
import Foundation

/// A planned record shaped like the pore-confinement example of the design: Fe(acac)3 trapped in ZIF-8.
enum Fixtures {
    static let recipeText = """
        anchorage: 1
        id: fe-sa-nc-fe-acac3-zif8
        title: Fe single atoms on N-doped carbon by confining Fe(acac)3 in ZIF-8
        route: pore-confinement
        host: ZIF-8
        reagents:
          zn:   {name: zinc nitrate hexahydrate, formula: Zn(NO3)2·6H2O, mass: 1.69 g}
          fe:   {name: iron(III) acetylacetonate, formula: Fe(C5H7O2)3, mass: 0.10 g, role: metal-precursor}
          hmim: {name: 2-methylimidazole, formula: C4H6N2, mass: 3.70 g, role: linker}
          meoh: {name: methanol, role: solvent}
        steps:
          - dissolve: [zn, fe]
            in: {meoh: 30 mL}
          - stir: {time: 24 h, temperature: 25 °C}
          - pyrolyze: {temperature: 900 °C, ramp: 5 °C/min, hold: 3 h, atmosphere: N2}
        # a CDATA terminator inside the text must survive: ]]> and markup <b>&amp;</b>

        """

    static func plan(title: String = "Fe single atoms on N-doped carbon by confining Fe(acac)3 in ZIF-8") -> PlannedRecord {
        PlannedRecord(
            recipeID: "fe-sa-nc-fe-acac3-zif8", title: title, route: "pore-confinement", host: "ZIF-8",
            recipeFileName: "fe-acac3-zif8.yaml", recipeText: recipeText,
            reagents: [
                PlannedReagent(id: "zn", name: "zinc nitrate hexahydrate", formula: "Zn(NO3)2·6H2O", molarMass: 297.49, massGrams: 1.69, amountMillimoles: 5.681),
                PlannedReagent(id: "fe", name: "iron(III) acetylacetonate", formula: "Fe(C5H7O2)3", role: "metal-precursor", massGrams: 0.10, amountMillimoles: 0.2831),
                PlannedReagent(id: "hmim", name: "2-methylimidazole", formula: "C4H6N2", role: "linker", massGrams: 3.70, amountMillimoles: 45.07),
                PlannedReagent(id: "meoh", name: "methanol", role: "solvent", volumeMillilitres: 30),
            ],
            steps: [
                PlannedStep(number: 1, kind: "dissolve", parameters: [PlannedParameter(name: "in", value: "30", unit: "mL")], reagentRefs: ["zn", "fe", "meoh"]),
                PlannedStep(number: 2, kind: "stir", parameters: [
                    PlannedParameter(name: "time", value: "24", unit: "h"), PlannedParameter(name: "temperature", value: "25", unit: "°C"),
                ]),
                PlannedStep(number: 3, kind: "pyrolyze", parameters: [
                    PlannedParameter(name: "temperature", value: "900", unit: "°C"), PlannedParameter(name: "atmosphere", value: "N2"),
                ]),
            ],
            diagnostics: [
                PlanningDiagnostic(severity: .note, ruleID: "POC-003", message: "about 0.3 Fe(acac)3 per sodalite cage", file: "fe-acac3-zif8.yaml", line: 8, column: 9),
            ],
            fitVerdicts: [
                PlannedFitVerdict(precursor: "Fe(acac)3", framework: "ZIF-8", mode: "in-situ", summary: "larger than the window, smaller than the cage: add while ZIF-8 forms"),
            ])
    }

    static let software = SoftwareIdentity(name: "anchorage", version: "test")

    /// A fresh, empty folder for a notebook.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-nb-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a notebook made by `temporaryFolder()` (and the folder around it).
    static func remove(_ notebook: URL) {
        let root = FileManager.default.temporaryDirectory.standardizedFileURL.path
        var folder = notebook.standardizedFileURL
        while folder.deletingLastPathComponent().path != root, folder.path.count > root.count {
            folder = folder.deletingLastPathComponent()
        }
        guard folder.lastPathComponent.hasPrefix("anchorage-nb-") else { return }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The package's root folder (for schemas/ and the built binary).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
