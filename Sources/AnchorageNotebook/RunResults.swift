import Foundation

/// What characterisation said about a run (format 1.1): typed fields with units, free text, raw files by hash.
public struct RunResults: Sendable, Hashable {
    public enum LoadingMethod: String, Sendable, Hashable, CaseIterable {
        case icpOES = "ICP-OES"
        case aas = "AAS"
        case icpMS = "ICP-MS"
        case xps = "XPS"
        case other
    }

    public enum HAADFVerdict: String, Sendable, Hashable, CaseIterable {
        case singleAtoms = "single-atoms"
        case clusters, particles
    }

    public struct Loading: Sendable, Hashable {
        public var metal: String
        /// wt% of the solid, as written (a decimal).
        public var value: String
        public var method: LoadingMethod
        public init(metal: String, value: String, method: LoadingMethod) {
            self.metal = metal
            self.value = value
            self.method = method
        }
    }

    public struct HAADF: Sendable, Hashable {
        public var verdict: HAADFVerdict
        public var singleAtoms: Int?
        public var clusters: Int?
        public var particles: Int?
        public init(verdict: HAADFVerdict, singleAtoms: Int? = nil, clusters: Int? = nil, particles: Int? = nil) {
            self.verdict = verdict
            self.singleAtoms = singleAtoms
            self.clusters = clusters
            self.particles = particles
        }
    }

    public struct EXAFS: Sendable, Hashable {
        /// The first-shell path, e.g. Fe-N or Co-O.
        public var shell: String
        public var coordination: String?
        public var metalMetalPathSeen: Bool
        public init(shell: String, coordination: String? = nil, metalMetalPathSeen: Bool) {
            self.shell = shell
            self.coordination = coordination
            self.metalMetalPathSeen = metalMetalPathSeen
        }
    }

    public struct AttachedFile: Sendable, Hashable {
        public var name: String
        public var sha256: String
        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    /// Product mass, g, as written.
    public var productMass: String?
    public var loadings: [Loading]
    public var haadf: HAADF?
    public var exafs: EXAFS?
    /// Metal or carbide phases XRD showed; an empty list means none was seen; nil means no XRD.
    public var xrdPhases: [String]?
    public var notes: [String]
    public var files: [AttachedFile]

    public init(
        productMass: String? = nil, loadings: [Loading] = [], haadf: HAADF? = nil, exafs: EXAFS? = nil, xrdPhases: [String]? = nil,
        notes: [String] = [], files: [AttachedFile] = []
    ) {
        self.productMass = productMass
        self.loadings = loadings
        self.haadf = haadf
        self.exafs = exafs
        self.xrdPhases = xrdPhases
        self.notes = notes
        self.files = files
    }

    public var isEmpty: Bool {
        productMass == nil && loadings.isEmpty && haadf == nil && exafs == nil && xrdPhases == nil && notes.isEmpty && files.isEmpty
    }

    /// A file's SHA-256 and name (only the name: where the lab keeps it is its own affair).
    public static func attach(_ url: URL) throws(NotebookError) -> AttachedFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .fileSystem(operation: "read", path: url.path, reason: "no such file or not readable")
        }
        return AttachedFile(name: url.lastPathComponent, sha256: sha256Hex([UInt8](data)))
    }

    /// A non-negative decimal as written ("1.20"), or nil.
    public static func decimal(_ text: String) -> String? {
        ObservedQuantity.decimalText(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.hasPrefix("-") ? nil : $0 }
    }

    // MARK: XML

    func element() -> ElementNode {
        var node = ElementNode("results")
        if let productMass { node.children.append(ElementNode("product", attributes: [("mass", productMass), ("unit", "g")])) }
        for loading in loadings {
            node.children.append(ElementNode(
                "loading",
                attributes: [("metal", loading.metal), ("value", loading.value), ("unit", "wt%"), ("method", loading.method.rawValue)]))
        }
        if let haadf {
            var attributes = [("verdict", haadf.verdict.rawValue)]
            for (name, count) in [("singleAtoms", haadf.singleAtoms), ("clusters", haadf.clusters), ("particles", haadf.particles)] {
                if let count { attributes.append((name, String(count))) }
            }
            node.children.append(ElementNode("haadf", attributes: attributes))
        }
        if let exafs {
            var attributes = [("shell", exafs.shell)]
            if let coordination = exafs.coordination { attributes.append(("coordination", coordination)) }
            attributes.append(("metalMetal", exafs.metalMetalPathSeen ? "true" : "false"))
            node.children.append(ElementNode("exafs", attributes: attributes))
        }
        if let xrdPhases { node.children.append(ElementNode("xrd", children: xrdPhases.map { ElementNode("phase", text: $0) })) }
        for note in notes { node.children.append(ElementNode("note", text: note)) }
        for file in files { node.children.append(ElementNode("file", attributes: [("name", file.name), ("sha256", file.sha256)])) }
        return node
    }

    /// Read from a `results` element that passed the XSD (so every value has its type).
    init(element node: ElementNode) {
        productMass = node.child("product")?.attribute("mass")
        loadings = node.children("loading").map {
            Loading(metal: $0.attribute("metal") ?? "", value: $0.attribute("value") ?? "0",
                    method: LoadingMethod(rawValue: $0.attribute("method") ?? "") ?? .other)
        }
        haadf = node.child("haadf").map {
            HAADF(
                verdict: HAADFVerdict(rawValue: $0.attribute("verdict") ?? "") ?? .particles,
                singleAtoms: $0.attribute("singleAtoms").flatMap { Int($0) }, clusters: $0.attribute("clusters").flatMap { Int($0) },
                particles: $0.attribute("particles").flatMap { Int($0) })
        }
        exafs = node.child("exafs").map {
            EXAFS(
                shell: $0.attribute("shell") ?? "", coordination: $0.attribute("coordination"),
                metalMetalPathSeen: $0.attribute("metalMetal") == "true" || $0.attribute("metalMetal") == "1")
        }
        xrdPhases = node.child("xrd").map { $0.children("phase").compactMap(\.text) }
        notes = node.children("note").compactMap(\.text)
        files = node.children("file").map { AttachedFile(name: $0.attribute("name") ?? "", sha256: $0.attribute("sha256") ?? "") }
    }
}
