import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes that survive a killed process: a file appears whole or not at all, and an existing file is never replaced.
enum DurableFiles {
    /// Prefix of temporary files; only a writer holding the notebook's lock makes them, so any found by the
    /// lock holder were left by a writer that was stopped part-way, and are removed.
    static let temporaryPrefix = ".tmp-"

    /// Creates `name` in `directory` with `bytes`: temporary file (O_EXCL), fsync, hard link to the final name
    /// (which fails if the name exists: nothing is ever overwritten), unlink of the temporary, fsync of the folder.
    static func createNew(
        _ name: String, in directory: URL, bytes: [UInt8], fault: WriteFault? = nil
    ) throws(NotebookError) {
        let temporary = try writeTemporary(for: name, in: directory, bytes: bytes, fault: fault)
        let final = directory.appendingPathComponent(name).path
        if link(temporary, final) != 0 {
            let reason = errnoText()
            unlink(temporary)
            throw .fileSystem(operation: "create", path: name, reason: errno == EEXIST ? "it already exists" : reason)
        }
        unlink(temporary)
        try syncDirectory(directory)
    }

    /// Replaces `name` (the index only: it is derived from the entries and rebuilt from them) atomically.
    static func replace(_ name: String, in directory: URL, bytes: [UInt8], fault: WriteFault? = nil) throws(NotebookError) {
        let temporary = try writeTemporary(for: name, in: directory, bytes: bytes, fault: fault)
        if rename(temporary, directory.appendingPathComponent(name).path) != 0 {
            let reason = errnoText()
            unlink(temporary)
            throw .fileSystem(operation: "replace", path: name, reason: reason)
        }
        try syncDirectory(directory)
    }

    /// Removes `name` (an entry this writer has just made and must take back), then syncs the folder.
    static func remove(_ name: String, in directory: URL) throws(NotebookError) {
        if unlink(directory.appendingPathComponent(name).path) != 0 {
            throw .fileSystem(operation: "remove", path: name, reason: errnoText())
        }
        try syncDirectory(directory)
    }

    private static func writeTemporary(
        for name: String, in directory: URL, bytes: [UInt8], fault: WriteFault?
    ) throws(NotebookError) -> String {
        let temporary = directory.appendingPathComponent(
            "\(temporaryPrefix)\(name).\(getpid()).\(UUID().uuidString.prefix(8))").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .fileSystem(operation: "create a temporary file in", path: directory.path, reason: errnoText()) }
        if let fault, fault.failsWriting(name) {
            close(fd)
            unlink(temporary)
            throw .fileSystem(operation: "write", path: name, reason: String(cString: strerror(ENOSPC)))
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(fd, base.advanced(by: written), buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = errnoText()
                close(fd)
                unlink(temporary)
                throw .fileSystem(operation: "write", path: name, reason: reason)
            }
            written += result
        }
        if fsync(fd) != 0 {
            let reason = errnoText()
            close(fd)
            unlink(temporary)
            throw .fileSystem(operation: "sync", path: name, reason: reason)
        }
        close(fd)
        return temporary
    }

    private static func syncDirectory(_ directory: URL) throws(NotebookError) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .fileSystem(operation: "open", path: directory.path, reason: errnoText()) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw .fileSystem(operation: "sync", path: directory.path, reason: errnoText()) }
    }

    /// Removes temporary files left by stopped writers; call only while holding the notebook's lock.
    static func removeLeftovers(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(temporaryPrefix) {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A write failure made on purpose (tests): the write of the named file fails as on a full disk.
struct WriteFault: Sendable {
    var failsWriting: @Sendable (String) -> Bool
}

/// A lock on a notebook (flock on `.lock`): writers take it exclusively and take turns, readers that need a
/// consistent view (verify) take it shared, and the kernel releases it when a process dies, so a killed process
/// never leaves the notebook locked. The lock file is opened with `O_NOFOLLOW`: a symbolic link in its place is
/// refused, never followed, so no file is ever created or opened outside the notebook through it.
final class NotebookLock {
    static let fileName = ".lock"
    private let fd: Int32

    /// Whether the lock is held (false only for a shared lock on a notebook whose folder cannot be written,
    /// where no lock file exists and none can be made: nobody can write there either).
    let isHeld: Bool

    init(directory: URL, shared: Bool = false) throws(NotebookError) {
        let path = directory.appendingPathComponent(NotebookLock.fileName).path
        var descriptor = open(path, (shared ? O_RDONLY : O_RDWR | O_CREAT) | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT && shared {
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor < 0 && errno == EEXIST { descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
            if descriptor < 0 && (errno == EACCES || errno == EROFS || errno == EPERM) {
                fd = -1
                isHeld = false
                return
            }
        }
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link (the lock is never taken through a link)" : DurableFiles.errnoText()
            throw .fileSystem(operation: "open the lock file", path: path, reason: reason)
        }
        var status = stat()
        if fstat(descriptor, &status) != 0 || (status.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw .fileSystem(operation: "open the lock file", path: path, reason: "it is not a regular file")
        }
        while flock(descriptor, shared ? LOCK_SH : LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = DurableFiles.errnoText()
            close(descriptor)
            throw .fileSystem(operation: "lock", path: path, reason: reason)
        }
        fd = descriptor
        isHeld = true
    }

    deinit {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }
}
