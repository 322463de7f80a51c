import AnchorageCore

extension Step {
    /// Whether the step's note (printed with it in the protocol) names one of these precautions.
    public func notes(anyOf words: [String]) -> Bool {
        guard let note = text(.note)?.value.lowercased() else { return false }
        return words.contains { note.contains($0.lowercased()) }
    }
}
