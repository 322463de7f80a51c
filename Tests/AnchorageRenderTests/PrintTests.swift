import AnchorageRender
import Foundation
import Testing

/// The HTML protocol printed to PDF by a real headless browser (Chromium), then read back with poppler's tools:
/// the page count stays within a bound, every step number is in the text layer, no text runs into the right margin,
/// every page has "page k of n" and the running header, and no heading is left at the foot of a page.
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

    /// A line of text on a printed page, with its vertical extent in points from the top.
    struct Line {
        var text: String
        var yMin: Double
        var yMax: Double
        var height: Double { yMax - yMin }
    }

    struct Page {
        var height: Double
        var lines: [Line]
    }

    /// The pages of a PDF as lines with positions (`pdftotext -bbox-layout`).
    static func pages(in pdf: URL) throws -> [Page] {
        let pdftotext = try #require(executable("pdftotext"), "pdftotext missing: install poppler-utils")
        let layout = try run(pdftotext, ["-bbox-layout", pdf.path, "-"])
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        return layout.components(separatedBy: "<page ").dropFirst().map { chunk in
            let height = chunk.firstMatch(of: /height="([0-9.]+)"/).flatMap { Double($0.1) } ?? 0
            let lines = chunk.matches(of: /<line xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([\s\S]*?)<\/line>/).map { match in
                let words = match.3.matches(of: /<word [^>]*>([^<]*)<\/word>/).map { unescaped($0.1) }
                return Line(text: words.joined(separator: " "), yMin: Double(match.1) ?? 0, yMax: Double(match.2) ?? 0)
            }
            return Page(height: height, lines: lines)
        }
    }

    /// Page margin of the template's `@page` rule at the top and bottom (16 mm), in points: the running header and
    /// the page number sit in it, the content below and above it.
    static let headMarginPoints = 16 / 25.4 * 72

    /// The pages' problems: a page without "page k of n" at its foot or the running header (recipe id and date) at
    /// its head, and a section heading (h2, printed at 11.5 pt: lines taller than body text) with fewer than two
    /// lines of its section under it on its page (it belongs on the next page, with them).
    static func pageProblems(_ pages: [Page], recipeID: String, date: String) -> [String] {
        var problems: [String] = []
        for (index, page) in pages.enumerated() {
            let number = "page \(index + 1) of \(pages.count)"
            let foot = page.lines.filter { $0.yMin > page.height - headMarginPoints }
            let head = page.lines.filter { $0.yMax < headMarginPoints }.map(\.text).joined(separator: " ")
            if !foot.contains(where: { $0.text == number }) { problems.append("page \(index + 1): no '\(number)' at its foot") }
            if !(head.contains(recipeID) && head.contains(date)) {
                problems.append("page \(index + 1): no running header with '\(recipeID)' and '\(date)'")
            }
            let body = page.lines.filter { $0.yMin >= headMarginPoints - 1 && $0.yMax <= page.height - headMarginPoints + 1 }
                .sorted { $0.yMin < $1.yMin }
            for (position, line) in body.enumerated() where line.height > 12.5 && !line.text.isEmpty {
                let below = body[(position + 1)...].filter { $0.yMin >= line.yMax - 0.5 }.count
                if below < 2, index + 1 < pages.count {
                    problems.append("page \(index + 1): heading '\(line.text)' has \(below) line(s) of its section under it")
                }
            }
        }
        return problems
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

            // Page count: the header and tables take up to 3 pages, the chemical safety panel a page for every four
            // hazard groups, at least three steps fit on a page, and the checker's findings have a page of their own.
            let info = try Self.run(pdfinfo, [pdfFile.path])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let bound = 3 + (document.hazardGroups.count + 3) / 4 + (document.steps.count + 2) / 3 + 1
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

            // Page k of n and the running header on every page; no heading left at the foot of a page.
            let problems = Self.pageProblems(try Self.pages(in: pdfFile), recipeID: document.recipeID, date: document.date)
            #expect(problems.isEmpty, "\(name) on \(paper.title): \(problems.joined(separator: "; "))")

            // Nothing cut at the right margin.
            let (rightmost, limit) = try Self.rightmostWord(in: pdfFile)
            #expect(rightmost > 0 && rightmost <= limit, "text reaches x = \(rightmost) pt, past the text area (\(limit) pt)")
        }
    }

    @Test(
        "the page checks catch a page without its number or header, and a heading left at a page's foot",
        .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium poppler-utils): the printed PDF is not checked"),
        .timeLimit(.minutes(1)))
    func pageChecksCatchProblems() throws {
        let name = try #require(ProtocolFixture.recipeNames.first)
        let document = try ProtocolFixture.document(text: try ProtocolFixture.recipeText(name), file: "recipes/\(name)")
        let html = try ProtocolFixture.render(recipe: name, as: .html)
        // Without the margin boxes, and with a heading pushed to the foot of the first page by a spacer.
        let bare = html.replacingOccurrences(of: "@top-left", with: "@top-left-none").replacingOccurrences(of: "@top-right", with: "@top-right-none")
            .replacingOccurrences(of: "@bottom-right", with: "@bottom-right-none")
            .replacingOccurrences(
                of: "<header>",
                with: "<div style=\"height:240mm\"></div><h2 style=\"margin:0\">Stranded heading</h2><div style=\"break-before:page\"></div><header>")
        try Self.withTemporaryDirectory { directory in
            let problems = Self.pageProblems(try Self.pages(in: try Self.printToPDF(html: bare, in: directory)), recipeID: document.recipeID, date: document.date)
            #expect(problems.contains { $0.contains("no 'page 1 of") })
            #expect(problems.contains { $0.contains("no running header") })
            #expect(problems.contains { $0.contains("heading 'Stranded heading'") })
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
