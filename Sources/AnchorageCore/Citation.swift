/// A paper, database, book or data sheet that a number or a rule stands on.
public struct Citation: Codable, Sendable, Hashable {
    public var id: String
    public var kind: String?
    public var authors: String?
    public var title: String?
    public var container: String?
    public var year: Int?
    public var volume: String?
    public var pages: String?
    public var doi: String?
    public var url: String?
    public var note: String?

    /// "First, A. et al." for more than two authors, as a reference line in a terminal has room for.
    static func shortAuthors(_ authors: String) -> String {
        let names = authors.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        return names.count > 2 ? "\(names[0]) et al." : authors
    }

    /// "Authors, Title, Container Year. doi:…" — one line for a terminal or a protocol.
    public var formatted: String {
        var parts: [String] = []
        if let authors { parts.append(Self.shortAuthors(authors)) }
        if let title { parts.append("\"\(title)\"") }
        var venue = [container, volume, pages].compactMap { $0 }.joined(separator: " ")
        if let year { venue += venue.isEmpty ? "\(year)" : " (\(year))" }
        if !venue.isEmpty { parts.append(venue) }
        if let doi { parts.append("doi:\(doi)") } else if let url { parts.append(url) }
        return parts.joined(separator: ", ")
    }
}

/// Every citation shipped (all `citations*.yaml` data files), by id.
public struct CitationIndex: Sendable {
    public private(set) var byID: [String: Citation]

    struct File: Decodable { var citations: [Citation] }

    public init(_ citations: [Citation]) {
        byID = Dictionary(citations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The shipped citations (every `citations*.yaml`), read once per process.
    public static func bundled() throws -> CitationIndex { try cache.get() }

    private static let cache: Result<CitationIndex, Error> = Result {
        var all: [Citation] = []
        for url in BundledData.urls(prefix: "citations") {
            all += try BundledData.decode(File.self, at: url).citations
        }
        return CitationIndex(all)
    }

    public subscript(id: String) -> Citation? { byID[id] }
}
