import AnchorageCLI
import AnchorageNotebook
import Foundation
import Testing

/// `notebook export --format eln`: a zipped RO-Crate, unzipped by Python's zipfile and read by an independent RO-Crate
/// library (the `rocrate` PyPI package, installed by .ci/run), which finds every file it lists with its size and hash.
@Suite struct ELNExportTests {
    static func tool(_ arguments: [String], in folder: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(3))) func theExportIsAValidROCrateWithTheEntriesAsStored() throws {
        let (notebook, _) = try NotebookListTests.notebook()
        let root = notebook.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("lab-runs.eln")
        let result = NotebookCommand.Export.execute(notebook: notebook.path, output: output.path)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("4 records exported"))
        // Never over an existing file.
        #expect(NotebookCommand.Export.execute(notebook: notebook.path, output: output.path).exitCode == 2)

        let extracted = root.appendingPathComponent("extracted")
        let unzip = try Self.tool(["python3", "-m", "zipfile", "-e", output.path, extracted.path])
        try #require(unzip.status == 0, "\(unzip.output)")
        let crate = extracted.appendingPathComponent("lab-runs")
        let names = try FileManager.default.contentsOfDirectory(atPath: extracted.path)
        #expect(names == ["lab-runs"], "one folder at the root of a .eln")
        // The entries are in the crate byte for byte.
        for id in ["NB-0001", "NB-0003", "NB-0005"] {
            let record = id == "NB-0005" ? "NB-0003" : id
            let original = try Data(contentsOf: notebook.appendingPathComponent(id + ".xml"))
            let exported = try Data(contentsOf: crate.appendingPathComponent("\(record)/\(id).xml"))
            #expect(original == exported, "\(id)")
        }
        let html = try String(contentsOf: crate.appendingPathComponent("NB-0001/protocol.html"), encoding: .utf8)
        #expect(html.contains("<html") && html.contains("Step 1"), "\(html.prefix(200))")

        let metadata = try Data(contentsOf: crate.appendingPathComponent("ro-crate-metadata.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: metadata) as? [String: Any])
        let graph = try #require(json["@graph"] as? [[String: Any]])
        #expect(graph.contains { $0["@id"] as? String == "NB-0003/" && $0["@type"] as? String == "Dataset" })

        // ro-crate-py reads the crate as any RO-Crate consumer would; every data entity is checked on disk
        // (size and SHA-256 with Python's hashlib).
        let script = """
            import hashlib, os, sys
            from rocrate.rocrate import ROCrate
            crate = ROCrate(sys.argv[1])
            root = crate.root_dataset
            assert root["name"] and root["datePublished"] and root["license"], "root dataset incomplete"
            assert crate.metadata.as_jsonld()["conformsTo"]["@id"] == "https://w3id.org/ro/crate/1.1", "conformsTo"
            files = [e for e in crate.data_entities if "File" in e.type]
            datasets = [e for e in crate.data_entities if "Dataset" in e.type]
            for entity in files:
                path = os.path.join(sys.argv[1], entity.id)
                data = open(path, "rb").read()
                assert int(entity["contentSize"]) == len(data), entity.id
                assert entity["sha256"] == hashlib.sha256(data).hexdigest(), entity.id
                assert entity["encodingFormat"], entity.id
            print(len(datasets), len(files))
            """
        let reader = try Self.tool(["python3", "-c", script, crate.path])
        #expect(reader.status == 0, "\(reader.output)")
        // Four record folders; every entry file, and a summary and a protocol per record.
        let entries = try FileManager.default.contentsOfDirectory(atPath: notebook.path).filter { $0.hasPrefix("NB-") }.count
        #expect(reader.output.trimmingCharacters(in: .whitespacesAndNewlines) == "4 \(entries + 8)", "\(reader.output)")
    }
}
