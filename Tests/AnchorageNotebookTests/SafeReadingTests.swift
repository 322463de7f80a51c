import CLibXML2
import Foundation
import Testing

@testable import AnchorageNotebook

/// Reading XML never touches the network and never expands entities: XXE and entity bombs are refused.
@Suite struct SafeReadingTests {
    @Test func parserOptionsForbidNetworkEntitySubstitutionAndDTDLoading() {
        let options = LibXML.safeParseOptions
        #expect(options & Int32(XML_PARSE_NONET.rawValue) != 0)
        #expect(options & Int32(XML_PARSE_NOENT.rawValue) == 0)
        #expect(options & Int32(XML_PARSE_DTDLOAD.rawValue) == 0)
        #expect(options & Int32(XML_PARSE_DTDVALID.rawValue) == 0)
        #expect(options & Int32(XML_PARSE_HUGE.rawValue) == 0)
    }

    @Test func anExternalEntityIsRefusedAndNeverRead() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.remove(folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        let marker = "SECRET-\(UUID().uuidString)"
        try marker.write(to: secret, atomically: true, encoding: .utf8)
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE record [ <!ENTITY secret SYSTEM "\(secret.absoluteString)"> ]>
            <record xmlns="urn:anchorage:notebook" version="1" id="NB-0001"><operator>&secret;</operator></record>
            """
        try expectRefused(Array(document.utf8), mustNotContain: marker)

        // Also when the file sits in a notebook: verify names it as invalid.
        let notebook = Notebook(directory: folder)
        try Data(document.utf8).write(to: folder.appendingPathComponent("NB-0001.xml"))
        let report = try notebook.verify()
        #expect(report.problems.contains { $0.entryID == "NB-0001" && $0.kind == .invalid })
        #expect(!report.problems.contains { $0.message.contains(marker) })
    }

    @Test func aNetworkEntityIsRefused() throws {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE record SYSTEM "http://192.0.2.1/notebook.dtd">
            <record xmlns="urn:anchorage:notebook" version="1" id="NB-0001"/>
            """
        try expectRefused(Array(document.utf8), mustNotContain: nil)
    }

    @Test(.timeLimit(.minutes(1))) func aBillionLaughsDocumentIsRefusedQuickly() throws {
        var entities = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            entities += "<!ENTITY lol\(level) \"\(previous)\">\n"
        }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE record [
            \(entities)]>
            <record xmlns="urn:anchorage:notebook" version="1" id="NB-0001"><operator>&lol9;</operator></record>
            """
        let start = Date()
        try expectRefused(Array(document.utf8), mustNotContain: String(repeating: "lol", count: 100))
        #expect(Date().timeIntervalSince(start) < 5)
    }

    private func expectRefused(_ bytes: [UInt8], mustNotContain marker: String?) throws {
        switch LibXML.read(bytes, schema: nil) {
        case .document(let root, _):
            Issue.record("a document with a DTD was accepted: <\(root.name)>")
        case .refused(let problems):
            #expect(!problems.isEmpty)
            if let marker { #expect(!problems.contains { $0.message.contains(marker) }) }
        }
        #expect(throws: NotebookError.self) { _ = try EntryDocument.decode(bytes, file: "NB-0001.xml") }
    }
}
