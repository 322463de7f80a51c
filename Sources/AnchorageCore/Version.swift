public enum AnchorageVersion {
    public static let current = "0.1.0"
}
