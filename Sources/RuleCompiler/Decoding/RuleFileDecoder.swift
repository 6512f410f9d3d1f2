public import Diagnostics
import Measures
public import YAMLLoader

/// Decodes rule files from located YAML nodes (see `Docs/rule-language.md` for the language).
public struct RuleFileDecoder {
    var reader = NodeReader(domain: "rule")
    let file: String

    public init(file: String) {
        self.file = file
    }

    /// Decodes one rule file; every problem is reported, and what could be read is returned.
    public static func decode(_ document: YAMLDocument, file: String) -> (RuleFile, [Diagnostic]) {
        var decoder = RuleFileDecoder(file: file)
        var result = RuleFile(path: file)
        guard let root = document.root else { return (result, []) }
        guard let top = decoder.reader.mapping(root, known: ["rules", "tables", "calendars", "fixtures"], what: "a rule file") else {
            return (result, decoder.reader.diagnostics.diagnostics)
        }
        for item in decoder.items(top, "rules") {
            if let rule = decoder.rule(item) { result.rules.append(rule) }
        }
        for item in decoder.items(top, "tables") {
            if let table = decoder.table(item) { result.tables.append(table) }
        }
        for item in decoder.items(top, "calendars") {
            if let calendar = decoder.calendar(item) { result.calendars.append(calendar) }
        }
        for item in decoder.items(top, "fixtures") {
            if let fixture = decoder.fixture(item) { result.fixtures.append(fixture) }
        }
        return (result, decoder.reader.diagnostics.diagnostics)
    }

    mutating func items(_ mapping: YAMLMapping, _ key: String) -> [YAMLNode] {
        guard let node = reader.optional(mapping, key) else { return [] }
        return reader.sequence(node, what: key) ?? []
    }

    // MARK: - Shared pieces

    mutating func string(_ mapping: YAMLMapping, _ key: String, in node: YAMLNode, what: String) -> String? {
        guard let value = reader.required(mapping, key, in: node, what: what) else { return nil }
        return reader.string(value)
    }

    mutating func date(_ node: YAMLNode) -> CalendarDate? {
        guard let text = reader.string(node) else { return nil }
        guard let date = CalendarDate(text) else {
            reader.diagnostics.error("rule.invalid-date", "expected a date YYYY-MM-DD, found '\(text)'", at: node.range)
            return nil
        }
        return date
    }

    mutating func citation(_ node: YAMLNode) -> Citation? {
        let keys = ["instrument", "provision", "verified", "source", "note"]
        guard let m = reader.mapping(node, known: keys, what: "a citation") else { return nil }
        let instrument = string(m, "instrument", in: node, what: "a citation")
        let provision = string(m, "provision", in: node, what: "a citation")
        let verified = reader.required(m, "verified", in: node, what: "a citation").flatMap { reader.bool($0) }
        let source = reader.optional(m, "source").flatMap { reader.string($0) }
        let note = reader.optional(m, "note").flatMap { reader.string($0) }
        guard let instrument, let provision, let verified else { return nil }
        return Citation(instrument: instrument, provision: provision, verified: verified, source: source, note: note)
    }

    /// `{from: DATE, until: DATE}`; reports an inverted range.
    mutating func dateRange(_ node: YAMLNode, what: String) -> DateRange? {
        guard let m = reader.mapping(node, known: ["from", "until"], what: what) else { return nil }
        guard let fromNode = reader.required(m, "from", in: node, what: what), let from = date(fromNode) else { return nil }
        var until: CalendarDate?
        if let untilNode = reader.optional(m, "until") {
            until = date(untilNode)
            if let u = until, u <= from {
                reader.diagnostics.error(
                    "rule.inverted-dates", "'until' (\(u)) is not after 'from' (\(from))", at: untilNode.range,
                    notes: [Note("'until' is the first day on which it no longer applies")])
                return nil
            }
        }
        return DateRange(from: from, until: until)
    }

    mutating func literal(_ node: YAMLNode) -> Literal? {
        guard let scalar = node.scalar else {
            reader.typeMismatch(node, expected: "a value (true, false or a word)")
            return nil
        }
        if case .bool(let b) = scalar.resolved { return .bool(b) }
        return reader.string(node).map(Literal.text)
    }
}
