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
        mapping(node, known: known, what: .verbatim(what))
    }

    /// ``mapping(_:known:what:)`` with `what` worded per language.
    public mutating func mapping(_ node: YAMLNode, known: [String], what: @autoclosure () -> MessageText) -> YAMLMapping? {
        guard let mapping = mapping(node, what: what()) else { return nil }
        var tally = UnknownKeyTally()
        for pair in mapping.pairs where !known.contains(pair.keyText) {
            unknownKey(pair, known: known, what: what(), tally: &tally)
        }
        summarizeUnknownKeys(tally, in: mapping, at: node, what: what())
        return mapping
    }

    /// The node as a mapping, without checking its keys (the caller checks each with
    /// ``unknownKey(_:known:what:tally:)``, then calls ``summarizeUnknownKeys(_:in:at:what:)``).
    public mutating func mapping(_ node: YAMLNode, what: String) -> YAMLMapping? {
        mapping(node, what: .verbatim(what))
    }

    /// ``mapping(_:what:)`` with `what` worded per language.
    public mutating func mapping(_ node: YAMLNode, what: @autoclosure () -> MessageText) -> YAMLMapping? {
        guard let mapping = node.mapping else {
            typeMismatch(node, expected: YAMLMessage.mapping(["what": .message(what())]))
            return nil
        }
        return mapping
    }

    /// Counts `pair`'s key as not one of `known`; reports it (with a "did you mean" when one is
    /// close) while the mapping has no more than ``maxUnknownKeys`` of them.
    public mutating func unknownKey(_ pair: YAMLMapping.Pair, known: [String], what: String, tally: inout UnknownKeyTally) {
        unknownKey(pair, known: known, what: .verbatim(what), tally: &tally)
    }

    /// ``unknownKey(_:known:what:tally:)`` with `what` worded per language.
    public mutating func unknownKey(_ pair: YAMLMapping.Pair, known: [String], what: @autoclosure () -> MessageText, tally: inout UnknownKeyTally) {
        tally.count += 1
        if tally.count <= Self.maxUnknownKeys { report(unknown: pair, known: known, what: what()) }
    }

    /// One error counting the unknown keys past ``maxUnknownKeys`` in `mapping` (none when there are
    /// no more), at the mapping's last key.
    public mutating func summarizeUnknownKeys(_ tally: UnknownKeyTally, in mapping: YAMLMapping, at node: YAMLNode, what: String) {
        summarizeUnknownKeys(tally, in: mapping, at: node, what: .verbatim(what))
    }

    /// ``summarizeUnknownKeys(_:in:at:what:)`` with `what` worded per language.
    public mutating func summarizeUnknownKeys(_ tally: UnknownKeyTally, in mapping: YAMLMapping, at node: YAMLNode, what: @autoclosure () -> MessageText) {
        guard tally.count > Self.maxUnknownKeys else { return }
        diagnostics.error(
            "\(domain).unknown-key",
            YAMLMessage.moreUnknownKeys(["count": .number(tally.count - Self.maxUnknownKeys), "what": .message(what())]),
            at: mapping.pairs.last?.key.range ?? node.range)
    }

    /// Reports `pair`'s key as not one of `known`, with a "did you mean" when one is close.
    private mutating func report(unknown pair: YAMLMapping.Pair, known: [String], what: MessageText) {
        diagnostics.error(
            "\(domain).unknown-key",
            YAMLMessage.unknownKey([
                "key": .text(pair.keyText), "what": .message(what),
                "hint": .message(Suggestion.hintText(for: pair.keyText, in: known)),
            ]),
            at: pair.key.range,
            notes: [Note(YAMLMessage.allowedKeys(["keys": .text(known.joined(separator: ", "))]))])
    }

    /// Reports a missing required key at the mapping node and returns `nil`.
    public mutating func required(_ mapping: YAMLMapping, _ key: String, in node: YAMLNode, what: String) -> YAMLNode? {
        required(mapping, key, in: node, what: .verbatim(what))
    }

    /// ``required(_:_:in:what:)`` with `what` worded per language.
    public mutating func required(_ mapping: YAMLMapping, _ key: String, in node: YAMLNode, what: @autoclosure () -> MessageText) -> YAMLNode? {
        if let value = mapping[key], !isNull(value) { return value }
        diagnostics.error("\(domain).missing-key", YAMLMessage.missingKey(["what": .message(what()), "key": .text(key)]),
                          at: mapping.pair(key)?.key.range ?? node.range)
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
            typeMismatch(node, expected: YAMLMessage.text())
            return nil
        }
        if scalar.isNull {
            typeMismatch(node, expected: YAMLMessage.text())
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
                "yaml.yaml11-boolean", YAMLMessage.yaml11Boolean(["value": .text(scalar.value)]), at: node.range,
                notes: [Note(YAMLMessage.yaml11BooleanNote(["value": .text(scalar.value)]))])
            return nil
        }
        typeMismatch(node, expected: YAMLMessage.boolean())
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
                    "\(domain).type-mismatch", YAMLMessage.notFinite(["value": .text(scalar.value)]), at: node.range,
                    notes: [Note(YAMLMessage.notFiniteNote(["value": .text(scalar.value)]))])
                return nil
            default: break
            }
        }
        typeMismatch(node, expected: YAMLMessage.number())
        return nil
    }

    /// One of `allowed`, reported at the value with a "did you mean" otherwise.
    public mutating func choice(_ node: YAMLNode, allowed: [String], what: String) -> String? {
        // The allowed value itself is returned, so that equal choices share storage and compare fast.
        choiceIndex(node, allowed: allowed, what: what).map { allowed[$0] }
    }

    /// Like ``choice(_:allowed:what:)``, but gives the value's position in `allowed`.
    public mutating func choiceIndex(_ node: YAMLNode, allowed: [String], what: String) -> Int? {
        choiceIndex(node, allowed: allowed, what: .verbatim(what))
    }

    /// ``choiceIndex(_:allowed:what:)`` with `what` worded per language.
    public mutating func choiceIndex(_ node: YAMLNode, allowed: [String], what: @autoclosure () -> MessageText) -> Int? {
        guard let scalar = node.scalar, scalar.resolved != .null else {
            typeMismatch(node, expected: YAMLMessage.oneOf(["values": .text(allowed.joined(separator: ", ")), "what": .message(what())]))
            return nil
        }
        if let index = allowed.firstIndex(of: scalar.value) { return index }
        let values = MessageArgument.text(allowed.joined(separator: ", "))
        diagnostics.error(
            "\(domain).invalid-value",
            YAMLMessage.invalidChoice([
                "value": .text(scalar.value), "what": .message(what()),
                "hint": .message(Suggestion.hintText(for: scalar.value, in: allowed)),
            ]),
            at: node.range,
            notes: [Note(YAMLMessage.expectedOneOf(["values": values]))])
        return nil
    }

    /// A list; a single scalar is not silently promoted.
    public mutating func sequence(_ node: YAMLNode, what: String) -> [YAMLNode]? {
        sequence(node, what: .verbatim(what))
    }

    /// ``sequence(_:what:)`` with `what` worded per language.
    public mutating func sequence(_ node: YAMLNode, what: @autoclosure () -> MessageText) -> [YAMLNode]? {
        guard let items = node.sequence else {
            typeMismatch(node, expected: YAMLMessage.list(["what": .message(what())]))
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
        typeMismatch(node, expected: .verbatim(expected))
    }

    /// ``typeMismatch(_:expected:)`` with `expected` worded per language.
    public mutating func typeMismatch(_ node: YAMLNode, expected: MessageText) {
        var found = node.kindText
        if let scalar = node.scalar, scalar.resolved != .null {
            let value = scalar.value.count > 40 ? String(scalar.value.prefix(40)) + "…" : scalar.value
            found = YAMLMessage.foundValue(["kind": .message(found), "value": .text(value)])
        }
        diagnostics.error("\(domain).type-mismatch", YAMLMessage.expected(["expected": .message(expected), "found": .message(found)]),
                          at: node.range)
    }

    public func isNull(_ node: YAMLNode) -> Bool {
        if case .scalar(let scalar) = node.content { return scalar.isNull }
        return false
    }
}
