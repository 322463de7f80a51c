import Foundation

/// Runs `work` over the items `0..<count` on up to `jobs` threads at once and hands each result to `deliver` in item
/// order, on the calling thread. At most `window` results wait undelivered, so memory stays flat however many items
/// there are; a slow item holds back at most `window` finished ones. `deliver` returning false stops the run: no new
/// item starts, and the call returns once the items under way have finished.
func orderedConcurrentWork<Result: Sendable>(
    count: Int, jobs: Int, window: Int? = nil, work: @escaping @Sendable (Int) -> Result, deliver: (Int, Result) -> Bool
) {
    guard count > 0 else { return }
    let workers = max(1, min(jobs, count))
    let state = OrderedWorkState<Result>(count: count, window: max(workers, window ?? 4 * workers))
    let group = DispatchGroup()
    for _ in 0..<workers {
        DispatchQueue.global().async(group: group) {
            while let index = state.take() {
                state.put(index, work(index))
            }
        }
    }
    var delivered = 0
    while delivered < count {
        guard let result = state.waitForResult(delivered) else { break }
        delivered += 1
        if !deliver(delivered - 1, result) {
            state.stop()
            break
        }
    }
    state.stop()
    group.wait()
}

/// The shared part of `orderedConcurrentWork`: the next item to start and the finished results, under one lock.
private final class OrderedWorkState<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var delivered = 0
    private var stopped = false
    private var results: [Int: Result] = [:]

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next item to work on; waits while `window` items are finished or under way ahead of the delivered ones.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < count, next - delivered >= window { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ result: Result) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The result of item `index`, waiting until it is finished; nil once stopped.
    func waitForResult(_ index: Int) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, results[index] == nil { condition.wait() }
        guard let result = results.removeValue(forKey: index) else { return nil }
        delivered = index + 1
        condition.broadcast()
        return result
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}

/// One line on standard error, redrawn in place, showing how far a long run has come. Drawn only when standard error
/// is a terminal, at most ten times a second; nothing at all when it is a pipe or a file.
struct ProgressLine {
    let total: Int
    let noun: String
    let enabled: Bool
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(total: Int, noun: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.noun = noun
        self.enabled = enabled && total > 1
    }

    mutating func update(done: Int, failed: Int = 0) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let width = 24
        let filled = done * width / max(1, total)
        let elapsed = max(now.timeIntervalSince(start), 1e-9)
        let rate = Double(done) / elapsed
        var text = "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        text += "\(done)/\(total) \(noun)"
        if failed > 0 { text += ", \(failed) failed" }
        text += String(format: ", %.1f/s", rate)
        if done < total, rate > 0 { text += ", " + Self.duration(Double(total - done) / rate) + " left" }
        try? StandardStreams.write(text + "\u{1B}[K", to: .error)
        drawn = true
    }

    /// Clears the line, so that what is written next starts at the left margin.
    mutating func clear() {
        guard drawn else { return }
        try? StandardStreams.write("\r\u{1B}[K", to: .error)
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }
}
