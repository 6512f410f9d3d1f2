public import Diagnostics

/// Typed reading of located nodes for hand-written decoders (no `Codable`: it loses locations).
///
/// Every reader reports problems at the offending node into `diagnostics` and returns `nil`, so a
/// decoder can go on and report every problem of a file in one pass.
public struct NodeReader: Sendable {
    public var diagnostics = DiagnosticBag()
    /// Prefix of diagnostic ids this reader emits for schema problems, e.g. `measure` or `rule`.
    public let domain: String

    public init(domain: String) {
        self.domain = domain
    }

    // MARK: - Mappings

    /// Unknown keys of one mapping reported one by one; the rest are counted in one summary error,
    /// so that a hostile file with hundreds of thousands of them gives a readable, cheap report.
    public static let maxUnknownKeys = 100

    /// Counts the unknown keys of one mapping for ``unknownKey(_:known:what:tally:)``.
    public struct UnknownKeyTally: Sendable {
        public fileprivate(set) var count = 0
        public init() {}
    }

    /// The node as a mapping, checking that every key is one of `known` ("did you mean" otherwise;
    /// past ``maxUnknownKeys`` unknown keys, one summary).
    public mutating func mapping(_ node: YAMLNode, known: [String], what: String) -> YAMLMapping? {
        guard let mapping = mapping(node, what: what) else { return nil }
        var tally = UnknownKeyTally()
        for pair in mapping.pairs where !known.contains(pair.keyText) {
            unknownKey(pair, known: known, what: what, tally: &tally)
        }
        summarizeUnknownKeys(tally, in: mapping, at: node, what: what)
        return mapping
    }

    /// The node as a mapping, without checking its keys (the caller checks each with
    /// ``unknownKey(_:known:what:tally:)``, then calls ``summarizeUnknownKeys(_:in:at:what:)``).
    public mutating func mapping(_ node: YAMLNode, what: String) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            typeMismatch(node, expected: "a mapping (\(what))")
            return nil
        }
        return mapping
    }

    /// Counts `pair`'s key as not one of `known`; reports it (with a "did you mean" when one is
    /// close) while the mapping has no more than ``maxUnknownKeys`` of them.
    public mutating func unknownKey(_ pair: YAMLMapping.Pair, known: [String], what: String, tally: inout UnknownKeyTally) {
        tally.count += 1
        if tally.count <= Self.maxUnknownKeys { report(unknown: pair, known: known, what: what) }
    }

    /// One error counting the unknown keys past ``maxUnknownKeys`` in `mapping` (none when there are
    /// no more), at the mapping's last key.
    public mutating func summarizeUnknownKeys(_ tally: UnknownKeyTally, in mapping: YAMLMapping, at node: YAMLNode, what: String) {
        guard tally.count > Self.maxUnknownKeys else { return }
        diagnostics.error(
            "\(domain).unknown-key", "\(tally.count - Self.maxUnknownKeys) more unknown keys in \(what)",
            at: mapping.pairs.last?.key.range ?? node.range)
    }

    /// Reports `pair`'s key as not one of `known`, with a "did you mean" when one is close.
    private mutating func report(unknown pair: YAMLMapping.Pair, known: [String], what: String) {
        diagnostics.error(
            "\(domain).unknown-key",
            "unknown key '\(pair.keyText)' in \(what)\(Suggestion.hint(for: pair.keyText, in: known))",
            at: pair.key.range,
            notes: [Note("allowed keys: \(known.joined(separator: ", "))")])
    }

    /// Reports a missing required key at the mapping node and returns `nil`.
    public mutating func required(_ mapping: YAMLMapping, _ key: String, in node: YAMLNode, what: String) -> YAMLNode? {
        if let value = mapping[key], !isNull(value) { return value }
        diagnostics.error("\(domain).missing-key", "\(what) needs the key '\(key)'", at: mapping.pair(key)?.key.range ?? node.range)
        return nil
    }

    /// The value under `key`, or `nil` when absent or null.
    public func optional(_ mapping: YAMLMapping, _ key: String) -> YAMLNode? {
        guard let value = mapping[key], !isNull(value) else { return nil }
        return value
    }

    // MARK: - Scalars

    /// A string. Plain numbers keep their text exactly (`08`, `0087` stay `"08"`, `"0087"`).
    public mutating func string(_ node: YAMLNode) -> String? {
        guard let scalar = node.scalar else {
            typeMismatch(node, expected: "text")
            return nil
        }
        if scalar.isNull {
            typeMismatch(node, expected: "text")
            return nil
        }
        return scalar.value
    }

    /// A boolean: exactly `true` or `false` (YAML 1.2). A YAML 1.1 spelling such as `no` is reported
    /// as what it is, a string.
    public mutating func bool(_ node: YAMLNode) -> Bool? {
        if let scalar = node.scalar, case .bool(let value) = scalar.resolved { return value }
        if let scalar = node.scalar, scalar.isYAML11Boolean {
            diagnostics.error(
                "yaml.yaml11-boolean",
                "expected a boolean (true or false), found '\(scalar.value)'",
                at: node.range,
                notes: [Note("YAML 1.2 reads '\(scalar.value)' as text, not as a boolean; write true or false")])
            return nil
        }
        typeMismatch(node, expected: "a boolean (true or false)")
        return nil
    }

    /// A number (integer or decimal).
    public mutating func number(_ node: YAMLNode) -> Double? {
        if let scalar = node.scalar {
            switch scalar.resolved {
            case .int(let i): return Double(i)
            case .float(let d) where d.isFinite: return d
            case .float:
                diagnostics.error(
                    "\(domain).type-mismatch", "expected a finite number, found '\(scalar.value)'", at: node.range,
                    notes: [Note("'\(scalar.value)' is infinite or not a number (or too large to hold)")])
                return nil
            default: break
            }
        }
        typeMismatch(node, expected: "a number")
        return nil
    }

    /// One of `allowed`, reported at the value with a "did you mean" otherwise.
    public mutating func choice(_ node: YAMLNode, allowed: [String], what: String) -> String? {
        // The allowed value itself is returned, so that equal choices share storage and compare fast.
        choiceIndex(node, allowed: allowed, what: what).map { allowed[$0] }
    }

    /// Like ``choice(_:allowed:what:)``, but gives the value's position in `allowed`.
    public mutating func choiceIndex(_ node: YAMLNode, allowed: [String], what: String) -> Int? {
        guard let scalar = node.scalar, scalar.resolved != .null else {
            typeMismatch(node, expected: "one of \(allowed.joined(separator: ", ")) (\(what))")
            return nil
        }
        if let index = allowed.firstIndex(of: scalar.value) { return index }
        diagnostics.error(
            "\(domain).invalid-value",
            "'\(scalar.value)' is not a valid \(what)\(Suggestion.hint(for: scalar.value, in: allowed))",
            at: node.range,
            notes: [Note("expected one of: \(allowed.joined(separator: ", "))")])
        return nil
    }

    /// A list; a single scalar is not silently promoted.
    public mutating func sequence(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        guard let items = node.sequence else {
            typeMismatch(node, expected: "a list (\(what))")
            return nil
        }
        return items
    }

    /// A list of strings.
    public mutating func strings(_ node: YAMLNode, what: String) -> [String]? {
        guard let items = sequence(node, what: what) else { return nil }
        var result: [String] = []
        for item in items {
            guard let s = string(item) else { return nil }
            result.append(s)
        }
        return result
    }

    public mutating func typeMismatch(_ node: YAMLNode, expected: String) {
        var found = node.kindDescription
        if let scalar = node.scalar, scalar.resolved != .null {
            found += " '\(scalar.value.count > 40 ? String(scalar.value.prefix(40)) + "…" : scalar.value)'"
        }
        diagnostics.error("\(domain).type-mismatch", "expected \(expected), found \(found)", at: node.range)
    }

    public func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar(let scalar) = node.content { return scalar.isNull }
        return false
    }
}
