/// Bounds on what one YAML input may cost. Hostile files fail fast with a located error.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes a document may hold, counting every node an alias expands to.
    public var maxNodes: Int

    public init(maxBytes: Int = 4 << 20, maxDepth: Int = 128, maxNodes: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    public static let `default` = YAMLLimits()
}
