import Foundation
import Testing

@testable import AnchorageCore

/// The hazard fields of `chemicals.yaml` as written, including `hazards_verified`, which the catalog itself does not keep.
private struct HazardFile: Decodable {
    struct Entry: Decodable {
        var id: String
        var hazards: [String]?
        var verified: Bool?
        var source: SourceReferences?

        enum CodingKeys: String, CodingKey {
            case id, hazards, source
            case verified = "hazards_verified"
        }
    }
    var chemicals: [Entry]
}

private struct StatementsFile: Decodable {
    var statements: [String: String]
}

private let hazardFile = Result { try BundledData.decode(HazardFile.self, from: "chemicals.yaml") }

private func entries() throws -> [HazardFile.Entry] { try hazardFile.get().chemicals }

private func verifiedIDs() -> [String] {
    ((try? entries()) ?? []).filter { $0.verified == true }.map(\.id)
}

@Test func everyEntrySaysWhetherItsHazardsWereVerified() throws {
    for entry in try entries() {
        #expect(entry.verified != nil, "\(entry.id) has no hazards_verified")
    }
}

@Test func hazardListsAreSortedWithoutRepeats() throws {
    for entry in try entries() {
        let codes = entry.hazards ?? []
        #expect(codes == codes.sorted(), "\(entry.id): \(codes)")
        #expect(Set(codes).count == codes.count, "\(entry.id) repeats a code: \(codes)")
    }
}

@Test func everyHazardCodeIsAStatementCode() throws {
    let pattern = /(EU)?H[0-4][0-9]{2}[A-Za-z]{0,2}/
    for entry in try entries() {
        for code in entry.hazards ?? [] {
            #expect(code.wholeMatch(of: pattern) != nil, "\(entry.id): \(code)")
        }
    }
}

@Test func everyHazardCodeHasItsWording() throws {
    let wordings = try BundledData.decode(StatementsFile.self, from: "ghs-hazard-statements.yaml").statements
    for entry in try entries() {
        for code in entry.hazards ?? [] {
            #expect(wordings[code] != nil, "\(entry.id): no wording for \(code)")
        }
    }
}

@Test func someEntriesAreVerified() {
    #expect(verifiedIDs().count >= 10)
}

@Test(arguments: verifiedIDs())
func aVerifiedListNamesItsSourceAndEveryCode(id: String) throws {
    let entry = try #require(try entries().first { $0.id == id })
    let codes = try #require(entry.hazards, "\(id) is verified but has no hazard list")
    let citations = try CitationIndex.bundled()
    let references = entry.source?.references ?? []
    // The reference that carries the check: a shipped citation with an address, whose note names every code of the list.
    let checks = references.filter { reference in
        guard let id = reference.citation, let citation = citations[id] else { return false }
        guard citation.url != nil || citation.doi != nil else { return false }
        let note = reference.note ?? ""
        return codes.allSatisfy { note.contains($0) }
    }
    #expect(!checks.isEmpty, "\(id): no source note names all of \(codes)")
    // A verified entry no longer leans on the unchecked generic supplier note.
    #expect(!references.contains { $0.citation == "sigma-aldrich-sds" }, "\(id) still cites the unchecked supplier note")
}

@Test func everyCitedSourceIsShipped() throws {
    let citations = try CitationIndex.bundled()
    for entry in try entries() {
        for reference in entry.source?.references ?? [] {
            guard let id = reference.citation else { continue }
            #expect(citations[id] != nil, "\(entry.id) cites unknown \(id)")
        }
    }
}
