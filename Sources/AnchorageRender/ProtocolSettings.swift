import AnchorageCore
import Crypto
import Foundation

/// The paper a protocol is laid out for.
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    public var title: String {
        switch self {
        case .a4: "A4"
        case .letter: "Letter"
        }
    }

    /// The CSS `@page size` keyword.
    public var pageSize: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }
}

/// The output formats of a protocol; each has a template `protocol.<format>.mustache`.
public enum ProtocolFormat: String, CaseIterable, Sendable {
    case html, md, text

    public var templateName: String {
        switch self {
        case .html: "protocol.html"
        case .md: "protocol.md"
        case .text: "protocol.txt"
        }
    }
}

/// What a protocol is generated with beyond the recipe. Date and version are given from outside so that the same
/// recipe always renders the same text (golden files).
public struct ProtocolSettings: Sendable {
    /// Factor every amount and solvent volume is multiplied by.
    public var scale: Double
    public var paper: Paper
    /// The recipe file as the user named it.
    public var file: String
    /// SHA-256 of the recipe file, hexadecimal.
    public var sha256: String
    public var date: String
    public var version: String

    public init(scale: Double = 1, paper: Paper = .a4, file: String, sha256: String, date: String, version: String) {
        self.scale = scale
        self.paper = paper
        self.file = file
        self.sha256 = sha256
        self.date = date
        self.version = version
    }

    /// SHA-256 of a recipe's text, hexadecimal: identifies exactly which recipe a printed protocol came from.
    public static func sha256(of text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
