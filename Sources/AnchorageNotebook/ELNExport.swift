import Foundation
import ZIPFoundation

/// A notebook's records as a `.eln` file (the ELN Consortium's format: a ZIP holding one folder with an RO-Crate 1.1
/// `ro-crate-metadata.json`), readable by eLabFTW, Kadi4Mat, RSpace, SampleDB and others. Each record is a
/// Dataset folder holding its entry files, as stored, byte for byte, a text summary with what was observed, and,
/// when given, the protocol as HTML.
public enum ELNExport {
    /// The files of one record's folder besides its entries (name → content, media type).
    public struct Extra: Sendable {
        public var name: String
        public var content: Data
        public var encodingFormat: String
        public init(name: String, content: Data, encodingFormat: String) {
            self.name = name
            self.content = content
            self.encodingFormat = encodingFormat
        }
    }

    /// Writes `histories` from `notebook` to `url` (never over an existing file). `extras` adds files per record id.
    public static func write(
        _ histories: [RecordHistory], from notebook: Notebook, to url: URL, extras: [String: [Extra]] = [:],
        software: SoftwareIdentity, now: Date = Date()
    ) throws(NotebookError) {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw .fileSystem(operation: "write", path: url.path, reason: "it already exists")
        }
        let root = url.deletingPathExtension().lastPathComponent.isEmpty ? "notebook" : url.deletingPathExtension().lastPathComponent
        var files: [(path: String, data: Data)] = []
        var graph: [[String: Any]] = []
        var parts: [[String: String]] = []
        let created = Timestamp.text(Timestamp.wholeSeconds(now))

        for history in histories {
            let record = history.record
            let folder = record.id + "/"
            var hasPart: [[String: String]] = []
            for id in [record.id] + history.amendments.map(\.id) {
                let bytes = try notebook.readBytes(id + ".xml")
                let path = folder + id + ".xml"
                files.append((path, Data(bytes)))
                hasPart.append(["@id": path])
                graph.append([
                    "@id": path, "@type": "File", "name": "\(id).xml", "encodingFormat": "application/xml",
                    "contentSize": String(bytes.count), "sha256": sha256Hex(bytes),
                    "description": id == record.id ? "the record as planned (schemas/notebook.xsd)" : "an amendment of \(record.id)",
                ])
            }
            var extraFiles = extras[record.id] ?? []
            extraFiles.insert(
                Extra(name: "summary.txt", content: Data(RecordText.summary(history).utf8), encodingFormat: "text/plain"), at: 0)
            for extra in extraFiles {
                let path = folder + extra.name
                files.append((path, extra.content))
                hasPart.append(["@id": path])
                graph.append([
                    "@id": path, "@type": "File", "name": extra.name, "encodingFormat": extra.encodingFormat,
                    "contentSize": String(extra.content.count), "sha256": sha256Hex([UInt8](extra.content)),
                ])
            }
            var dataset: [String: Any] = [
                "@id": folder, "@type": "Dataset", "name": "\(record.id): \(record.plan.title)",
                "identifier": record.id, "dateCreated": Timestamp.text(record.created),
                "dateModified": Timestamp.text(history.amendments.last?.created ?? record.created),
                "author": ["@id": "#person-\(slug(record.operatorName))"], "hasPart": hasPart,
                "keywords": [record.plan.route, record.plan.host, record.plan.recipeID].compactMap { $0 }.joined(separator: ", "),
            ]
            if history.isSigned { dataset["description"] = "signed" }
            graph.append(dataset)
            parts.append(["@id": folder])
        }
        var people = Set<String>()
        var authors: [[String: String]] = []
        for history in histories where people.insert(history.record.operatorName).inserted {
            graph.append(["@id": "#person-\(slug(history.record.operatorName))", "@type": "Person", "name": history.record.operatorName])
            authors.append(["@id": "#person-\(slug(history.record.operatorName))"])
        }
        let publisher = "#\(software.name)"
        graph.insert(
            [
                "@id": "./", "@type": "Dataset", "name": "\(root): \(histories.count) records of an Anchorage lab notebook",
                "description": "Synthesis runs recorded with \(software.name) \(software.version): each record with its amendments",
                "datePublished": created, "hasPart": parts, "author": authors,
                "license": ["@id": "https://creativecommons.org/licenses/by/4.0/"],
            ], at: 0)
        graph.insert(
            [
                "@id": "ro-crate-metadata.json", "@type": "CreativeWork", "about": ["@id": "./"],
                "conformsTo": ["@id": "https://w3id.org/ro/crate/1.1"], "dateCreated": created,
                "sdPublisher": ["@id": publisher], "version": "1.0",
            ], at: 0)
        graph.append(["@id": publisher, "@type": "Organization", "name": software.name, "description": "version \(software.version)"])
        graph.append([
            "@id": "https://creativecommons.org/licenses/by/4.0/", "@type": "CreativeWork", "name": "CC BY 4.0",
        ])

        let metadata: [String: Any] = ["@context": context, "@graph": graph]
        let json: Data
        do {
            json = try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw .invalidValue(field: "export", message: "the metadata could not be encoded: \(error)")
        }
        files.insert(("ro-crate-metadata.json", json), at: 0)

        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8))")
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            try archive.addEntry(with: root + "/", type: .directory, uncompressedSize: Int64(0), provider: { _, _ in Data() })
            var folders = Set<String>()
            for file in files {
                let components = file.path.split(separator: "/")
                if components.count > 1 {
                    let folder = root + "/" + components.dropLast().joined(separator: "/") + "/"
                    if folders.insert(folder).inserted {
                        try archive.addEntry(with: folder, type: .directory, uncompressedSize: Int64(0), provider: { _, _ in Data() })
                    }
                }
                let data = file.data
                try archive.addEntry(
                    with: root + "/" + file.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .fileSystem(operation: "write", path: url.path, reason: "\(error)")
        }
        if link(temporary.path, url.path) != 0 {
            let reason = DurableFiles.errnoText()
            try? FileManager.default.removeItem(at: temporary)
            throw .fileSystem(operation: "write", path: url.path, reason: reason)
        }
        try? FileManager.default.removeItem(at: temporary)
    }

    /// The RO-Crate 1.1 context, and `sha256`, which it does not define (RO-Crate 1.2's context maps it to
    /// schema.org's `sha256`, as here): a term used in a compacted JSON-LD document must be defined by its context,
    /// which RO-Crate 1.1 lets a crate extend with a list.
    static var context: [Any] { ["https://w3id.org/ro/crate/1.1/context", ["sha256": "http://schema.org/sha256"]] }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
