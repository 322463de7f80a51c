import AnchorageCore
import Foundation

/// The shipped data a rule checks against, loaded once: elements, chemicals, citations, and the chemistry and lab numbers
/// of `chemistry.yaml` (each with its source).
public struct Knowledge: Sendable {
    public var elements: PeriodicTable
    public var chemicals: ChemicalCatalog
    public var citations: CitationIndex

    public init(elements: PeriodicTable, chemicals: ChemicalCatalog, citations: CitationIndex) {
        self.elements = elements
        self.chemicals = chemicals
        self.citations = citations
    }

    public static func bundled() throws -> Knowledge {
        try cache.get()
    }

    private static let cache: Result<Knowledge, Error> = Result {
        Knowledge(elements: try PeriodicTable.bundled(), chemicals: try ChemicalCatalog.bundled(), citations: try CitationIndex.bundled())
    }

    /// The shipped knowledge plus a lab's own chemical catalog files.
    public static func bundled(addingChemicalFiles files: [URL]) throws -> Knowledge {
        var knowledge = try bundled()
        for file in files { try knowledge.chemicals.addFile(at: file) }
        return knowledge
    }
}
