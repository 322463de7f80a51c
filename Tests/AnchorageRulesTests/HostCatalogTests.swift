import AnchorageRules
import Testing

@Suite struct HostCatalogTests {
    static let zif8 = HostFacts(id: "zif-8", name: "ZIF-8", aliases: ["MAF-4"], metals: ["Zn"], functionalSites: [])
    static let other = HostFacts(id: "zif-8-copy", name: "ZIF-8", metals: ["Co"], functionalSites: [])
    static let uio = HostFacts(id: "uio-66", name: "UiO-66", metals: ["Zr"], functionalSites: [])

    @Test(arguments: ["ZIF-8", "zif8", "Zif 8", "MAF-4", "maf4", "zif-8"])
    func anyWayOfWritingANameFindsTheHost(written: String) {
        let catalog = HostCatalog([Self.zif8, Self.uio])
        #expect(catalog.host(named: written)?.id == "zif-8")
    }

    @Test func theFirstHostAnsweringToANameWins() {
        #expect(HostCatalog([Self.zif8, Self.other]).host(named: "ZIF-8")?.id == "zif-8")
        #expect(HostCatalog([Self.other, Self.zif8]).host(named: "ZIF-8")?.id == "zif-8-copy")
    }

    @Test func anUnknownNameFindsNothing() {
        #expect(HostCatalog([Self.zif8]).host(named: "MOF-5") == nil)
        #expect(HostCatalog.empty.host(named: "ZIF-8") == nil)
    }

    @Test func aChangedCatalogIsLookedUpAsChanged() {
        var catalog = HostCatalog([Self.zif8])
        catalog.hosts.append(Self.uio)
        #expect(catalog.host(named: "uio66")?.id == "uio-66")
        catalog.hosts[0].aliases.append("Basolite Z1200")
        #expect(catalog.host(named: "basolite z1200")?.id == "zif-8")
        catalog.hosts.removeAll()
        #expect(catalog.host(named: "ZIF-8") == nil)
    }
}
