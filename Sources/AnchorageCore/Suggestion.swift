/// "Did you mean …": the closest candidate by edit distance, when it is close enough to be a plausible typo.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        // Edit distance costs the product of the lengths: a word past the bound is no typo of a name, and is not compared.
        let longest = (try? InputLimits.bundled().messages.suggestion_input_characters.count) ?? 64
        guard word.count <= longest else { return nil }
        let target = Array(word.lowercased())
        // A third of the word, at least 1 and at most 3 edits: beyond that a suggestion misleads more than it helps.
        let allowed = Swift.max(1, Swift.min(3, target.count / 3))
        var best: (name: String, distance: Int)?
        var tied = false
        for candidate in Set(candidates) {
            let letters = Array(candidate.lowercased())
            // Lengths further apart than the allowed edits cannot be close enough.
            if abs(letters.count - target.count) > allowed { continue }
            let distance = editDistance(target, letters)
            if let current = best, distance == current.distance, candidate.lowercased() != current.name.lowercased() {
                tied = true
            } else if best == nil || distance < best!.distance {
                best = (candidate, distance)
                tied = false
            }
        }
        // Two candidates equally close: naming one would be a guess.
        guard let best, !tied else { return nil }
        return best.distance <= allowed ? best.name : nil
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Optimal string alignment: insertions, deletions, substitutions, and a swap of neighbours as one edit ('titel').
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
