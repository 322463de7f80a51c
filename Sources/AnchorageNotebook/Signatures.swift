import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An ed25519 signature kept in an amendment: it covers the record's content (its file and its amendments' files
/// before the signature) and the chain's head at that moment (the entry just before the signing entry), so
/// changing or removing anything at or before that head makes the signature fail.
public struct EntrySignature: Sendable, Hashable {
    public enum Meaning: String, Sendable, Hashable, CaseIterable {
        case approval, review, witness, performed
    }

    public var meaning: Meaning
    public var signer: String
    /// The signer's public key (32 bytes, base64).
    public var publicKey: String
    /// SHA-256 over the record's and its earlier amendments' file hashes (`RecordContent.hash`).
    public var content: String
    /// The entry just before the signing entry, and the SHA-256 of its file.
    public var head: String
    public var headSHA256: String
    /// The signature (64 bytes, base64).
    public var value: String

    /// The bytes signed (format 1): one line per field, the reason by its SHA-256 (it may hold line breaks).
    public static func message(
        entryID: String, recordID: String, content: String, head: String, headSHA256: String, meaning: Meaning,
        signer: String, time: Date, reason: String?
    ) -> [UInt8] {
        let lines = [
            "anchorage notebook signature 1",
            "entry \(entryID)",
            "record \(recordID) content \(content)",
            "head \(head) \(headSHA256)",
            "meaning \(meaning.rawValue)",
            "signer \(sha256Hex(Array(signer.utf8)))",
            "time \(Timestamp.text(time))",
            "reason \(sha256Hex(Array((reason ?? "").utf8)))",
        ]
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Whether `value` is a valid signature of `message` by `publicKey`.
    func isValid(for message: [UInt8]) -> Bool {
        guard let keyBytes = Data(base64Encoded: publicKey), let signature = Data(base64Encoded: value),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return key.isValidSignature(signature, for: Data(message))
    }

    /// A short, stable name for a public key: the first 16 hex digits of its SHA-256.
    public static func keyID(_ publicKey: String) -> String {
        String(sha256Hex(Array((Data(base64Encoded: publicKey) ?? Data()))).prefix(16))
    }
}

/// The content a signature covers: the record's file and each of its amendments' files, by id and SHA-256.
enum RecordContent {
    static func hash(_ files: [(id: String, sha256: String)]) -> String {
        sha256Hex(Array(files.map { "\($0.id) \($0.sha256)\n" }.joined().utf8))
    }
}

/// A person's ed25519 key, kept outside the notebook: the private key file is created with mode 0600 and never
/// written into a notebook folder.
public struct SigningKey: Sendable {
    public let name: String
    /// The private key's 32 bytes (kept as bytes: the key type is not Sendable).
    private let rawPrivateKey: Data
    var privateKey: Curve25519.Signing.PrivateKey {
        // The bytes come from a key made or checked by this type, so they always form a key.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey)) ?? Curve25519.Signing.PrivateKey()
    }

    public static let header = "anchorage ed25519 private key 1"

    public init(name: String) {
        self.name = name
        rawPrivateKey = Curve25519.Signing.PrivateKey().rawRepresentation
    }

    /// The public key, base64.
    public var publicKey: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    /// The line to add to a notebook's trusted keys file.
    public var trustedKeyLine: String { "ed25519 \(publicKey) \(name)" }

    func sign(_ message: [UInt8]) throws(NotebookError) -> String {
        do {
            return try privateKey.signature(for: Data(message)).base64EncodedString()
        } catch {
            throw .invalidValue(field: "signature", message: "could not sign: \(error)")
        }
    }

    /// Reads a private key file written by `write(to:)`.
    public init(contentsOf url: URL) throws(NotebookError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .fileSystem(operation: "read the key file", path: url.path, reason: "no such file or not readable")
        }
        let lines = String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n").map(String.init)
        var name: String?
        var key: Data?
        for line in lines {
            if line.hasPrefix("name: ") { name = String(line.dropFirst(6)) }
            if line.hasPrefix("private-key: ") { key = Data(base64Encoded: String(line.dropFirst(13))) }
        }
        guard lines.first == SigningKey.header, let name, !name.isEmpty, let key,
            let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: key)
        else {
            throw .invalidValue(field: url.path, message: "not an anchorage private key file (made by `anchorage key new`)")
        }
        self.name = name
        rawPrivateKey = privateKey.rawRepresentation
    }

    /// Writes the private key to `url` (mode 0600, never over an existing file) and the public key beside it
    /// (`.pub`). Refuses a folder that is a notebook.
    public func write(to url: URL) throws(NotebookError) -> (privateKey: URL, publicKey: URL) {
        let folder = url.deletingLastPathComponent()
        if Notebook.looksLikeNotebook(folder) {
            throw .invalidValue(
                field: "key file", message: "\(folder.path) is a notebook: a private key is never kept in a notebook")
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .fileSystem(operation: "create", path: folder.path, reason: "\(error)")
        }
        let privateText = "\(SigningKey.header)\nname: \(name)\nprivate-key: \(privateKey.rawRepresentation.base64EncodedString())\n"
        try SigningKey.createFile(url.path, text: privateText, mode: 0o600)
        let publicURL = url.appendingPathExtension("pub")
        try SigningKey.createFile(publicURL.path, text: trustedKeyLine + "\n", mode: 0o644)
        return (url, publicURL)
    }

    private static func createFile(_ path: String, text: String, mode: mode_t) throws(NotebookError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw .fileSystem(operation: "create", path: path, reason: errno == EEXIST ? "it already exists" : DurableFiles.errnoText())
        }
        defer { close(fd) }
        // The mode is set on the descriptor too, whatever the umask.
        fchmod(fd, mode)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { writeBytes(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            let reason = DurableFiles.errnoText()
            unlink(path)
            throw .fileSystem(operation: "write", path: path, reason: reason)
        }
    }
}

/// The public keys a lab trusts to sign its notebook: a text file it controls (kept under version control, for
/// instance), one key a line: `ed25519 BASE64 Name`; `#` starts a comment.
public struct TrustedKeys: Sendable {
    public var keys: [String: String]

    public init(keys: [String: String] = [:]) { self.keys = keys }

    public init(contentsOf url: URL) throws(NotebookError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .fileSystem(operation: "read the trusted keys file", path: url.path, reason: "no such file or not readable")
        }
        var keys: [String: String] = [:]
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ", maxSplits: 2).map(String.init)
            guard fields.count >= 2, fields[0] == "ed25519", let raw = Data(base64Encoded: fields[1]), raw.count == 32 else {
                throw .observationFile(
                    file: url.path, line: number + 1, column: 1,
                    message: "not a trusted key line: 'ed25519 BASE64-PUBLIC-KEY Name' is expected")
            }
            keys[fields[1]] = fields.count > 2 ? fields[2] : ""
        }
        self.keys = keys
    }
}

/// What a signer brings to `appendObservations`: the key and what the signature means.
public struct SigningRequest: Sendable {
    public var key: SigningKey
    public var meaning: EntrySignature.Meaning
    public init(key: SigningKey, meaning: EntrySignature.Meaning) {
        self.key = key
        self.meaning = meaning
    }
}

extension Notebook {
    /// The default place of the trusted keys file: `trusted-keys.txt` in the notebook folder.
    public static let trustedKeysFileName = "trusted-keys.txt"

    /// Whether `folder` holds a notebook (its index, its lock, or an entry).
    static func looksLikeNotebook(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.contains {
            $0 == indexFileName || $0 == NotebookLock.fileName
                || ($0.hasSuffix(".xml") && EntryID.sequence(of: String($0.dropLast(4))) != nil)
        }
    }
}

/// The system's write(2) (inside `SigningKey`, `write` names its own method).
private func writeBytes(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    guard let pointer else { return 0 }
    return write(fd, pointer, count)
}
