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

        // What the ELN Consortium's specification asks of the metadata beyond RO-Crate (SPECIFICATION.md of
        // TheELNConsortium/TheELNFileFormat): the descriptor conforms to RO-Crate 1.1 and names the software that
        // wrote it (sdPublisher, an Organization with a name) and the ELN format's version; every record folder is a
        // Dataset listed in the root's hasPart, with a name and an author; every file has a name, encodingFormat and
        // contentSize.
        let eln = """
            import json, sys
            graph = {node["@id"]: node for node in json.load(open(sys.argv[1]))["@graph"]}
            def types(node): return node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            descriptor = graph["ro-crate-metadata.json"]
            assert descriptor["about"] == {"@id": "./"}, "descriptor about"
            assert descriptor["conformsTo"] == {"@id": "https://w3id.org/ro/crate/1.1"}, "conformsTo"
            assert descriptor.get("version"), "version"
            publisher = graph[descriptor["sdPublisher"]["@id"]]
            assert "Organization" in types(publisher) and publisher.get("name"), "sdPublisher"
            root = graph["./"]
            assert "Dataset" in types(root), "root dataset"
            folders = [part["@id"] for part in root["hasPart"]]
            assert folders, "no record folders"
            for folder in folders:
                dataset = graph[folder]
                assert "Dataset" in types(dataset) and dataset.get("name") and dataset.get("author"), folder
                for part in dataset["hasPart"]:
                    entity = graph[part["@id"]]
                    assert "File" in types(entity), part
                    assert entity.get("name") and entity.get("encodingFormat") and entity.get("contentSize"), part
            print(len(folders))
            """
        let consortium = try Self.tool(["python3", "-c", eln, crate.appendingPathComponent("ro-crate-metadata.json").path])
        #expect(consortium.status == 0 && consortium.output.hasPrefix("4"), "\(consortium.output)")
    }

    /// The RO-Crate validator of the RO-Crate community (`rocrate-validator`, PyPI `roc-validator`, installed by
    /// .ci/run) checks the crate against the RO-Crate 1.1 profile; any issue at the REQUIRED (must) level fails. It
    /// runs offline: the JSON-LD context it resolves (https://w3id.org/ro/crate/1.1/context) comes from its HTTP
    /// cache, which .ci/run fills with scripts/seed-rocrate-context.py.
    @Test(.timeLimit(.minutes(5))) func theExportPassesTheROCrateValidator() throws {
        let (notebook, _) = try NotebookListTests.notebook()
        let root = notebook.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("lab-runs.eln")
        let result = NotebookCommand.Export.execute(notebook: notebook.path, output: output.path)
        try #require(result.exitCode == 0, "\(result.standardError)")
        let extracted = root.appendingPathComponent("extracted")
        let unzip = try Self.tool(["python3", "-m", "zipfile", "-e", output.path, extracted.path])
        try #require(unzip.status == 0, "\(unzip.output)")
        let report = root.appendingPathComponent("report.json")
        let validator = try Self.tool([
            "rocrate-validator", "--no-interactive", "--disable-color", "validate", "--offline", "--profile-identifier", "ro-crate-1.1",
            "--requirement-severity", "REQUIRED", "--output-format", "json", "--output-file", report.path,
            extracted.appendingPathComponent("lab-runs").path,
        ])
        let data = try #require(
            FileManager.default.contents(atPath: report.path),
            "rocrate-validator wrote no report (exit \(validator.status)): \(validator.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let issues = (json["issues"] as? [[String: Any]] ?? []).map { issue in
            "\(issue["severity"] ?? "?") \((issue["check"] as? [String: Any])?["identifier"] ?? "?"): \(issue["message"] ?? "")"
        }
        let hint =
            issues.contains { $0.contains("Unable to retrieve the JSON-LD context") }
            ? " (the context is not in the validator's cache: python3 scripts/seed-rocrate-context.py)" : ""
        #expect(json["passed"] as? Bool == true && issues.isEmpty, "\(issues.joined(separator: "\n"))\(hint)")
        #expect(validator.status == 0, "\(validator.output)")
    }
}
