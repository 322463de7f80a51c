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

    /// Prints an HTML file to PDF with headless Chromium.
    static func printToPDF(html: String, in directory: URL) throws -> URL {
        let chromium = try #require(Self.chromium)
        let htmlFile = directory.appendingPathComponent("protocol.html")
        let pdfFile = directory.appendingPathComponent("protocol.pdf")
        try Data(html.utf8).write(to: htmlFile)
        try run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdfFile.path)", htmlFile.absoluteString,
        ])
        return pdfFile
    }

    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("anchorage-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    /// The right edge of the rightmost word against the page's text area. Chromium clips what runs past the page, so a
    /// line that is too long shows as a word in the margin (and its end is missing from the text).
    static func rightmostWord(in pdf: URL) throws -> (rightmost: Double, limit: Double) {
        let pdftotext = try #require(executable("pdftotext"), "pdftotext missing: install poppler-utils")
        let boxes = try run(pdftotext, ["-bbox", pdf.path, "-"])
        let width = boxes.firstMatch(of: /<page width="([0-9.]+)"/).flatMap { Double($0.1) } ?? 0
        var rightmost = 0.0
        for match in boxes.matches(of: /xMax="([0-9.]+)"/) { rightmost = max(rightmost, Double(match.1) ?? 0) }
        return (rightmost, width - sideMarginPoints + 1.5)
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(
        "the HTML protocol prints to PDF: pages within bound, every step in the text, nothing past the right margin",
        .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium poppler-utils): the printed PDF is not checked"),
        .timeLimit(.minutes(2)),
        arguments: cases)
    func printsToPDF(recipe name: String, paper: Paper) throws {
        let pdfinfo = try #require(Self.executable("pdfinfo"), "pdfinfo missing: install poppler-utils")
        let pdftotext = try #require(Self.executable("pdftotext"), "pdftotext missing: install poppler-utils")
        let document = try ProtocolFixture.document(text: try ProtocolFixture.recipeText(name), file: "recipes/\(name)", paper: paper)
        let html = try ProtocolRenderer().render(document, as: .html)
        try Self.withTemporaryDirectory { directory in
            let pdfFile = try Self.printToPDF(html: html, in: directory)

            // Page count: the header and tables take up to 3 pages, and at least three steps fit on a page.
            let info = try Self.run(pdfinfo, [pdfFile.path])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let bound = 3 + (document.steps.count + 2) / 3
            #expect(pages >= 1 && pages <= bound, "\(name) on \(paper.title): \(pages) pages, at most \(bound) expected")
            let expectedSize = paper == .a4 ? "(A4)" : "(letter)"
            #expect(info.split(separator: "\n").contains { $0.hasPrefix("Page size:") && $0.contains(expectedSize) }, "page size \(paper.title)")

            // Every step number and every instruction whole, the reagents, and the recipe's hash unbroken, in the text layer.
            let layout = try Self.run(pdftotext, ["-layout", pdfFile.path, "-"])
            let text = Self.normalized(try Self.run(pdftotext, [pdfFile.path, "-"]))
            for step in document.steps {
                #expect(layout.range(of: "Step \(step.number)(?![0-9])", options: .regularExpression) != nil, "Step \(step.number) missing from the PDF text")
                // pdftotext joins a word hyphenated at a line end and drops its hyphen ("N,N-" + "dimethylformamide"
                // becomes "N,Ndimethylformamide"): hyphens are left out on both sides of the comparison.
                let unhyphenated = { (s: String) in s.replacingOccurrences(of: "-", with: "") }
                #expect(unhyphenated(text).contains(unhyphenated(Self.normalized(step.instruction))), "step \(step.number)'s instruction is not whole in the PDF text")
            }
            #expect(layout.contains(document.sha256), "the SHA-256 line is cut or wrapped")
            for reagent in document.reagents { #expect(layout.contains("[\(reagent.id)]"), "reagent \(reagent.id) missing from the PDF text") }

            // Nothing cut at the right margin.
            let (rightmost, limit) = try Self.rightmostWord(in: pdfFile)
            #expect(rightmost > 0 && rightmost <= limit, "text reaches x = \(rightmost) pt, past the text area (\(limit) pt)")
        }
    }

    @Test(
        "the right-margin check catches a line too long for the page",
        .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium poppler-utils): the printed PDF is not checked"),
        .timeLimit(.minutes(1)))
    func marginCheckCatchesOverflow() throws {
        let html = try ProtocolFixture.render(recipe: try #require(ProtocolFixture.recipeNames.first), as: .html)
            .replacingOccurrences(
                of: "<h2>Reagents</h2>",
                with: "<p style=\"white-space:nowrap\">" + String(repeating: "overlong line ", count: 30) + "</p><h2>Reagents</h2>")
        try Self.withTemporaryDirectory { directory in
            let (rightmost, limit) = try Self.rightmostWord(in: try Self.printToPDF(html: html, in: directory))
            #expect(rightmost > limit)
        }
    }
}
