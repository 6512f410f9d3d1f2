public import Diagnostics

/// A YAML node with the source range it was read from.
///
/// Ranges use 1-based lines and columns counted in Unicode scalars (libyaml's unit); see ``SourceLocation``.
/// A mapping key is a node of its own, so its range is kept separately from its value's.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping(YAMLMapping)
    }

    public var content: Content
    /// From the node's first character to just past its last (for collections, the end event's mark).
    public var range: SourceRange
    /// The explicit tag as written after resolution of the `!!` handle (e.g. `tag:yaml.org,2002:str`), if any.
    public var tag: String?

    public init(content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let m) = content { return m }
        return nil
    }

    /// A short word for the node's kind, used in "expected X, found Y" messages.
    public var kindDescription: String {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: "null"
            case .bool: "a boolean"
            case .int: "an integer"
            case .float: "a number"
            case .string: "a string"
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML unescaping and folding.
    public var value: String
    public var style: Style
    /// Set when an explicit core tag (`!!str`, `!!int`, ...) was given; it overrides implicit resolution.
    public var explicitCoreTag: CoreTag?

    public init(value: String, style: Style, explicitCoreTag: CoreTag? = nil) {
        self.value = value
        self.style = style
        self.explicitCoreTag = explicitCoreTag
    }

    /// The value under the YAML 1.2 core schema. Only plain scalars are resolved; quoted and block
    /// scalars are always strings. `yes`, `no`, `on`, `off` are strings.
    public var resolved: CoreValue {
        if let tag = explicitCoreTag { return CoreSchema.resolve(value, as: tag) }
        guard style == .plain else { return .string(value) }
        return CoreSchema.resolve(plain: value)
    }

    /// Whether the value is null (`resolved == .null`), without resolving numbers: `~`, `null`,
    /// `Null`, `NULL` or nothing, written plain.
    public var isNull: Bool {
        if let tag = explicitCoreTag { return CoreSchema.resolve(value, as: tag) == .null }
        guard style == .plain else { return false }
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }

    /// Whether a plain scalar is spelled like a YAML 1.1 boolean (`yes`, `No`, `ON`, `y`, ...),
    /// which YAML 1.2 reads as a string.
    public var isYAML11Boolean: Bool {
        style == .plain && explicitCoreTag == nil && CoreSchema.isYAML11Boolean(value)
    }
}

/// A mapping's pairs in source order, with O(1) lookup by key text.
///
/// Small mappings (most of them) are searched linearly, which is faster than hashing; a
/// dictionary index is built once a mapping grows past ``YAMLMapping/linearLimit`` pairs.
public struct YAMLMapping: Sendable {
    public struct Pair: Sendable {
        public var key: YAMLNode
        public var value: YAMLNode
        /// The key's text (mapping keys are scalars; complex keys are rejected by the loader).
        public var keyText: String
    }

    /// Most pairs searched linearly before a dictionary index is built.
    static let linearLimit = 12

    public private(set) var pairs: [Pair] = []
    /// The keys' texts, in the order of `pairs`: a linear search touches only these.
    private var keyTexts: [String] = []
    private var index: [String: Int]?

    public init() {}

    /// Adds a pair; returns the position of the earlier pair with the same key instead when the
    /// key is a duplicate.
    mutating func insert(_ pair: consuming Pair) -> Int? {
        if let existing = position(of: pair.keyText) { return existing }
        keyTexts.append(pair.keyText)
        if index != nil {
            index?[pair.keyText] = pairs.count
        } else if pairs.count == Self.linearLimit {
            var built = [String: Int](minimumCapacity: 2 * Self.linearLimit)
            for (i, text) in keyTexts.enumerated() { built[text] = i }
            built[pair.keyText] = pairs.count
            index = built
        }
        pairs.append(pair)
        return nil
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keyTexts.firstIndex(of: key)
    }

    public subscript(key: String) -> YAMLNode? {
        guard let i = position(of: key) else { return nil }
        return pairs[i].value
    }

    /// The pair stored under `key`, with the key's own range.
    public func pair(_ key: String) -> Pair? {
        guard let i = position(of: key) else { return nil }
        return pairs[i]
    }

    public var keys: [String] { keyTexts }
    public var count: Int { pairs.count }
}

/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    /// `nil` for an empty document.
    public var root: YAMLNode?
    public var range: SourceRange

    public init(root: YAMLNode?, range: SourceRange) {
        self.root = root
        self.range = range
    }
}
