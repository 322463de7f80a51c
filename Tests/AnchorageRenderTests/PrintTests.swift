import AnchorageRender
import Foundation
import Testing

/// The HTML protocol printed to PDF by a real headless browser (Chromium), then read back with poppler's tools:
/// the page count stays within a bound, every step number is in the text layer, and no text runs into the right margin.
@Suite(.serialized) struct PrintTests {
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let chromium = executable("chromium") ?? executable("chromium-browser") ?? executable("google-chrome")

    static var cases: [(String, Paper)] {
        ProtocolFixture.recipeNames.flatMap { name in Paper.allCases.map { (name, $0) } }
    }

    /// Page margin of the template's `@page` rule (13 mm at the sides), in points; text must stay clear of half of it.
    static let sideMarginPoints = 13 / 25.4 * 72

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProtocolFixture.Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "the HTML protocol prints to PDF: pages within bound, every step in the text, nothing past the right margin",
        .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium poppler-utils): the printed PDF is not checked"),
        .timeLimit(.minutes(2)),
        arguments: cases)
    func printsToPDF(recipe name: String, paper: Paper) throws {
        let chromium = try #require(Self.chromium)
        let pdfinfo = try #require(Self.executable("pdfinfo"), "pdfinfo missing: install poppler-utils")
        let pdftotext = try #require(Self.executable("pdftotext"), "pdftotext missing: install poppler-utils")

        let document = try ProtocolFixture.document(text: try ProtocolFixture.recipeText(name), file: "recipes/\(name)", paper: paper)
        let html = try ProtocolRenderer().render(document, as: .html)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let htmlFile = directory.appendingPathComponent("protocol.html")
        let pdfFile = directory.appendingPathComponent("protocol.pdf")
        try Data(html.utf8).write(to: htmlFile)
        try Self.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdfFile.path)", htmlFile.absoluteString,
        ])

        // Page count: the header and tables take up to 3 pages, and at least three steps fit on a page.
        let info = try Self.run(pdfinfo, [pdfFile.path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let bound = 3 + (document.steps.count + 2) / 3
        #expect(pages >= 1 && pages <= bound, "\(name) on \(paper.title): \(pages) pages, at most \(bound) expected")
        let expectedSize = paper == .a4 ? "(A4)" : "(letter)"
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Page size:") && $0.contains(expectedSize) }, "page size \(paper.title)")

        // Every step number, and the recipe's hash unbroken, in the text layer.
        let text = try Self.run(pdftotext, ["-layout", pdfFile.path, "-"])
        for step in document.steps {
            #expect(text.range(of: "Step \(step.number)(?![0-9])", options: .regularExpression) != nil, "Step \(step.number) missing from the PDF text")
        }
        #expect(text.contains(document.sha256), "the SHA-256 line is cut or wrapped")
        for reagent in document.reagents { #expect(text.contains(reagent.id), "reagent \(reagent.id) missing from the PDF text") }

        // Nothing cut at the right margin: every word inside the page, clear of the margin.
        let boxes = try Self.run(pdftotext, ["-bbox", pdfFile.path, "-"])
        let width = boxes.firstMatch(of: /<page width="([0-9.]+)"/).flatMap { Double($0.1) } ?? 0
        #expect(width > 0)
        var rightmost = 0.0
        for match in boxes.matches(of: /xMax="([0-9.]+)"/) { rightmost = max(rightmost, Double(match.1) ?? 0) }
        #expect(rightmost > 0 && rightmost <= width - Self.sideMarginPoints / 2,
                "text reaches x = \(rightmost) pt on a \(width) pt page: it runs into the right margin")
    }
}
