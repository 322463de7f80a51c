import Foundation
import Testing
import Yams

@testable import AnchorageCore

/// Any YAML value, read through whichever decoder is given, trying the scalar types in a fixed order: two decoders that
/// agree on this for every shipped file read every scalar the same way.
enum AnyValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case text(String)
    case list([AnyValue])
    case map([String: AnyValue])

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? container.decode(Int.self) {
                self = .int(value)
                return
            }
            if let value = try? container.decode(Double.self) {
                self = .double(value)
                return
            }
            if let value = try? container.decode(String.self) {
                self = .text(value)
                return
            }
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [AnyValue] = []
            while !list.isAtEnd { items.append(try list.decode(AnyValue.self)) }
            self = .list(items)
            return
        }
        self = .map(try [String: AnyValue](from: decoder))
    }

    static func == (a: AnyValue, b: AnyValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y || (x.isNaN && y.isNaN)
        case (.text(let x), .text(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.map(let x), .map(let y)): x == y
        default: false
        }
    }
}

func shippedFiles() throws -> [URL] {
    let urls = BundledData.urls(prefix: "")
    #expect(urls.count >= 20, "the shipped data files are found")
    return urls
}

@Suite struct CompiledDataTests {
    @Test func everyShippedFileReadsAsYamsReadsIt() throws {
        for url in try shippedFiles() {
            let text = try String(contentsOf: url, encoding: .utf8)
            let byYams = try YAMLDecoder().decode(AnyValue.self, from: text)
            let byTree = try DataTreeDecoder().decode(AnyValue.self, from: try DataTree.parse(yaml: text))
            #expect(byYams == byTree, "\(url.lastPathComponent)")
        }
    }

    @Test(arguments: [
        ("a: 1_000", AnyValue.map(["a": .int(1000)])),
        ("a: 0x1F", .map(["a": .int(31)])),
        ("a: '12'", .map(["a": .text("12")])),
        ("a: 1.5e3", .map(["a": .double(1500)])),
        ("a: .inf", .map(["a": .double(.infinity)])),
        ("a: yes", .map(["a": .bool(true)])),
        ("a: 'yes'", .map(["a": .text("yes")])),
        ("a: ~", .map(["a": .null])),
        ("a: ''", .map(["a": .text("")])),
        ("a: nan", .map(["a": .double(.nan)])),
        ("a: [1, x, null]", .map(["a": .list([.int(1), .text("x"), .null])])),
    ])
    func scalarsReadAsYamsReadsThem(yaml: String, expected: AnyValue) throws {
        let byTree = try DataTreeDecoder().decode(AnyValue.self, from: try DataTree.parse(yaml: yaml))
        #expect(byTree == expected)
        #expect(try YAMLDecoder().decode(AnyValue.self, from: yaml) == expected)
    }

    @Test func theCompiledFormReadsBackToTheSameTree() throws {
        for url in try shippedFiles() {
            let tree = try DataTree.parse(yaml: try String(contentsOf: url, encoding: .utf8))
            #expect(try DataTree(compiled: tree.compiled()) == tree, "\(url.lastPathComponent)")
        }
    }

    @Test func damagedCompiledDataIsAnErrorNeverACrash() throws {
        let tree = try DataTree.parse(yaml: "a: [1, 'two', {b: c}]\nd: e\n")
        let bytes = tree.compiled()
        for length in 0..<bytes.count {
            #expect(throws: DataTreeError.self) { try DataTree(compiled: Array(bytes[0..<length])) }
        }
        #expect(throws: DataTreeError.self) { try DataTree(compiled: bytes + [0]) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? DataTree(compiled: damaged)
        }
        // A declared length far past the end is refused before anything is allocated for it.
        let huge = DataTree.magic + [DataTree.formatVersion, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        #expect(throws: DataTreeError.self) { try DataTree(compiled: huge) }
    }

    @Test func aliasesAreResolvedAndMergeKeysRefused() throws {
        #expect(try DataTree.parse(yaml: "a: &x 1\nb: *x\n") == DataTree.parse(yaml: "a: 1\nb: 1\n"))
        #expect(throws: DataTreeError.self) { try DataTree.parse(yaml: "a: {c: 1}\nb:\n  <<: {c: 2}\n") }
    }

    @Test func theCacheIsWrittenReadAndPassedOverWhenDamaged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bytes = Array("x: 1\ny: [a, b]\n".utf8)
        let parsed = try DataTree.parse(yaml: String(decoding: bytes, as: UTF8.self))
        let entry = CompiledData.entryURL(of: bytes, named: "t.yaml", in: directory)

        #expect(try CompiledData.tree(of: bytes, named: "t.yaml", cacheDirectory: directory) == parsed)
        #expect(FileManager.default.fileExists(atPath: entry.path), "the first read stores the compiled form")

        // The second read comes from the entry: make the entry say something else, and it is what is read.
        let other = try DataTree.parse(yaml: "x: 2\n")
        try Data(other.compiled()).write(to: entry)
        #expect(try CompiledData.tree(of: bytes, named: "t.yaml", cacheDirectory: directory) == other)

        // A damaged entry is passed over, the YAML parsed again and the entry rewritten.
        try Data([1, 2, 3]).write(to: entry)
        #expect(try CompiledData.tree(of: bytes, named: "t.yaml", cacheDirectory: directory) == parsed)
        #expect(try DataTree(compiled: Array(Data(contentsOf: entry))) == parsed)

        // Edited text is a different entry: never read stale.
        let edited = Array("x: 3\n".utf8)
        #expect(CompiledData.entryURL(of: edited, named: "t.yaml", in: directory) != entry)
        #expect(try CompiledData.tree(of: edited, named: "t.yaml", cacheDirectory: directory) == (try DataTree.parse(yaml: "x: 3\n")))
    }

    @Test func anUnwritableCacheIsPassedOver() throws {
        let bytes = Array("x: 1\n".utf8)
        let nowhere = URL(fileURLWithPath: "/proc/anchorage-no-cache")
        #expect(try CompiledData.tree(of: bytes, named: "t.yaml", cacheDirectory: nowhere) == (try DataTree.parse(yaml: "x: 1\n")))
    }

    @Test func aMistypedValueNamesItsPlace() throws {
        struct File: Decodable {
            struct Entry: Decodable { var mass: Double }
            var entries: [Entry]
        }
        let tree = try DataTree.parse(yaml: "entries:\n  - mass: 1.0\n  - mass: heavy\n")
        #expect {
            try DataTreeDecoder().decode(File.self, from: tree)
        } throws: { error in
            DataFileError.describe(error).contains(".entries[1].mass")
        }
    }
}
