import AnchorageCore

/// What the route rules need to know about a host framework: its metals, the chelating or anchoring sites it carries,
/// and how much heat it takes. Filled from the framework catalog of the fit module.
public struct HostFacts: Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var metals: [String]
    /// amine, porphyrin, bipyridine, catechol, edta, terminal-oh, open-metal-site, exchangeable-node
    public var functionalSites: [String]
    /// Decomposition temperature (°C) and its source, when known.
    public var thermalStabilityC: Double?
    public var thermalStabilitySource: String?
    public var cageDiameter: Double?
    public var windowDiameter: Double?

    public init(
        id: String, name: String, aliases: [String] = [], metals: [String], functionalSites: [String],
        thermalStabilityC: Double? = nil, thermalStabilitySource: String? = nil, cageDiameter: Double? = nil,
        windowDiameter: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.metals = metals
        self.functionalSites = functionalSites
        self.thermalStabilityC = thermalStabilityC
        self.thermalStabilitySource = thermalStabilitySource
        self.cageDiameter = cageDiameter
        self.windowDiameter = windowDiameter
    }

    public func has(site: String) -> Bool { functionalSites.contains(site) }

    /// Whether this host answers to a name as a recipe writes it (`Hf-MOF-808`, `zif8`, `NU-1000`).
    public func answers(to written: String) -> Bool {
        let key = Self.key(written)
        return ([id, name] + aliases).contains { Self.key($0) == key }
    }

    static func key(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

/// The host frameworks the rules know, looked up by any of their names.
public struct HostCatalog: Sendable {
    public var hosts: [HostFacts] {
        didSet { positions = Self.positions(of: hosts) }
    }
    /// Each name's key to the first host answering to it: the rules look a host up many times per recipe.
    private var positions: [String: Int]

    public init(_ hosts: [HostFacts]) {
        self.hosts = hosts
        positions = Self.positions(of: hosts)
    }

    public static let empty = HostCatalog([])

    /// The first host, in catalog order, that answers to the name.
    public func host(named name: String) -> HostFacts? {
        positions[HostFacts.key(name)].map { hosts[$0] }
    }

    private static func positions(of hosts: [HostFacts]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, host) in hosts.enumerated() {
            for name in [host.id, host.name] + host.aliases where positions[HostFacts.key(name)] == nil {
                positions[HostFacts.key(name)] = position
            }
        }
        return positions
    }
}
