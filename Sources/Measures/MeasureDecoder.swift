public import Diagnostics
public import YAMLLoader

/// Decodes measure documents against ``MeasureSchema`` from located nodes, reporting every problem
/// at the key or value that causes it.
public struct MeasureDecoder: Sendable {
    public init() {}

    /// Decodes one document. Returns `nil` for the measure when a required field is missing or
    /// invalid; the diagnostics say why.
    /// - Parameter requireIdentity: `false` for rule examples, where `id`, `title` and `member_state`
    ///   may be omitted (an omitted `member_state` is then unknown).
    public func decode(
        _ document: YAMLDocument, file: String, requireIdentity: Bool = true
    ) -> (measure: Measure?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(domain: "measure")
        guard let root = document.root else {
            reader.diagnostics.error("measure.empty", "the document holds no measure", at: document.range)
            return (nil, reader.diagnostics.diagnostics)
        }
        var state = DecodeState(reader: reader)
        state.decodeGroup(root, SchemaGroup.root)
        state.checkConsistency(root)
        state.applyContractDefaults()
        reader = state.reader

        if !requireIdentity {
            reader = NodeReader(domain: "measure")
            reader.diagnostics.emit(contentsOf: state.reader.diagnostics.diagnostics.filter { $0.id != "measure.missing-key" })
            for slot in [Slot.id, Slot.title] where state.values[slot] == .unknown {
                state.values[slot] = .text("example")
                state.ranges[slot] = nil
            }
        }
        let member: String
        if case .text(let code) = state.values[Slot.memberState] { member = code } else { member = "" }
        guard case .text(let id) = state.values[Slot.id],
              case .text(let title) = state.values[Slot.title],
              requireIdentity ? !member.isEmpty : true,
              !reader.diagnostics.hasErrors else {
            return (nil, reader.diagnostics.diagnostics)
        }
        let measure = Measure(
            id: id, title: title, memberState: member, file: file, range: root.range,
            factValues: state.values, factRanges: state.ranges, choiceBits: state.choiceBits)
        return (measure, reader.diagnostics.diagnostics)
    }
}

/// ``MeasureSchema`` prepared once for decoding: each group's keys, fact paths and description,
/// so that a decoding pass builds no strings of its own.
private final class SchemaGroup: Sendable {
    struct Entry: Sendable {
        let field: MeasureSchema.Field
        /// `a.b.c`
        let path: String
        /// Set when the field is a nested group.
        let group: SchemaGroup?
        /// The fact's position in ``MeasureSchema/factPaths`` (leaf fields).
        let slot: Int
    }

    let keys: [String]
    /// `keys[i].utf8.count`
    let keyLengths: [Int]
    let entries: [Entry]
    /// How problems name the group: "the measure", "'eligibility.in_practice'".
    let what: String

    init(_ fields: [MeasureSchema.Field], prefix: String) {
        keys = fields.map(\.key)
        keyLengths = keys.map(\.utf8.count)
        what = prefix.isEmpty ? "the measure" : "'\(prefix)'"
        entries = fields.map { field in
            let path = prefix.isEmpty ? field.key : prefix + "." + field.key
            if case .group(let children) = field.type {
                return Entry(field: field, path: path, group: SchemaGroup(children, prefix: path), slot: -1)
            }
            return Entry(field: field, path: path, group: nil, slot: MeasureSchema.factSlots[path] ?? -1)
        }
    }

    static let root = SchemaGroup(MeasureSchema.fields, prefix: "")

    /// The position in `entries` of `key`: a linear scan comparing lengths first (groups are small;
    /// cheaper than hashing the key).
    func position(of key: String) -> Int? {
        let count = key.utf8.count
        for i in keyLengths.indices where keyLengths[i] == count && keys[i] == key { return i }
        return nil
    }
}

/// Slots of the facts the decoder itself reads.
private enum Slot {
    static let id = MeasureSchema.factSlots["id"]!
    static let title = MeasureSchema.factSlots["title"]!
    static let memberState = MeasureSchema.factSlots["member_state"]!
    static let forms = MeasureSchema.factSlots["forms"]!
    static let periodFrom = MeasureSchema.factSlots["period.from"]!
    static let periodUntil = MeasureSchema.factSlots["period.until"]!
    static let supports = MeasureSchema.factSlots["supports"]!
    static let goodsHS = MeasureSchema.factSlots["goods.hs"]!
    static let exportDestinations = MeasureSchema.factSlots["conditions.export_destinations"]!
}

/// The mutable state of one decoding pass.
private struct DecodeState {
    var reader: NodeReader
    /// Facts in ``MeasureSchema/factPaths`` order: every one unknown until decoded.
    var values = Measure.unknownValues
    var ranges = Measure.unknownRanges
    /// Choice and list-of-choice facts as bits over their allowed values (``Measure/choiceBits``).
    var choiceBits = Measure.noChoiceBits

    /// Decodes a group's mapping in one pass over its pairs: one hash lookup per key.
    mutating func decodeGroup(_ node: YAMLNode, _ group: SchemaGroup) {
        guard let mapping = reader.mapping(node, what: group.what) else { return }
        var unknown = NodeReader.UnknownKeyTally()
        // Entries given a non-null value (groups have fewer than 64 keys).
        var given: UInt64 = 0
        for pair in mapping.pairs {
            guard let i = group.position(of: pair.keyText) else {
                reader.unknownKey(pair, known: group.keys, what: group.what, tally: &unknown)
                continue
            }
            let entry = group.entries[i]
            if reader.isNull(pair.value) { continue }
            if i < 64 { given |= 1 << UInt64(i) }
            if let child = entry.group {
                decodeGroup(pair.value, child)
            } else if let decoded = decodeValue(pair.value, field: entry.field, path: entry.path, slot: entry.slot) {
                values[entry.slot] = decoded
                ranges[entry.slot] = pair.value.range
            }
        }
        reader.summarizeUnknownKeys(unknown, in: mapping, at: node, what: group.what)
        for (i, entry) in group.entries.enumerated() where entry.field.required {
            if i < 64, given & (1 << UInt64(i)) != 0 { continue }
            if reader.optional(mapping, entry.field.key) == nil {
                _ = reader.required(mapping, entry.field.key, in: node, what: group.what)
            }
        }
    }

    mutating func decodeValue(_ node: YAMLNode, field: MeasureSchema.Field, path: String, slot: Int) -> FactValue? {
        switch field.type {
        case .text:
            return reader.string(node).map(FactValue.text)
        case .country:
            guard let code = reader.string(node) else { return nil }
            guard code == "EU" || (code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }) else {
                reader.diagnostics.error("measure.invalid-value",
                    "'\(code)' is not an ISO 3166-1 alpha-2 country code (or EU)", at: node.range,
                    notes: [Note("EAEU members are AM, BY, KG, KZ, RU")])
                return nil
            }
            return .text(code)
        case .triState:
            return triState(node, path: path)
        case .choice(let allowed):
            guard let index = reader.choiceIndex(node, allowed: allowed, what: "value for '\(path)'") else { return nil }
            if allowed[index] == "unknown" { return .unknown }
            choiceBits[slot] = Measure.choiceBit(index)
            return .text(allowed[index])
        case .choiceList(let allowed):
            guard let items = reader.sequence(node, what: path) else { return nil }
            var out: [String] = []
            var bits: UInt64 = 0
            for item in items {
                guard let index = reader.choiceIndex(item, allowed: allowed, what: "value for '\(path)'") else { return nil }
                let choice = allowed[index]
                if out.contains(choice) {
                    reader.diagnostics.error("measure.duplicate-item", "'\(choice)' is listed twice in '\(path)'", at: item.range)
                } else {
                    out.append(choice)
                    bits |= Measure.choiceBit(index)
                }
            }
            if out.isEmpty, path == "forms" {
                reader.diagnostics.error("measure.empty-list", "'forms' needs at least one form of support", at: node.range)
                return nil
            }
            choiceBits[slot] = bits
            return .list(out)
        case .textList:
            return reader.strings(node, what: path).map(FactValue.list)
        case .hsList:
            return hsCodes(node, path: path)
        case .date:
            return date(node)
        case .number:
            if let scalar = node.scalar, scalar.value == "unknown", scalar.style == .plain { return .unknown }
            guard let n = reader.number(node) else { return nil }
            if n < 0 {
                reader.diagnostics.error("measure.invalid-value", "'\(path)' cannot be negative", at: node.range)
                return nil
            }
            return .number(n)
        case .transitionalIds:
            return transitionalIds(node)
        case .group:
            return nil
        }
    }

    /// `true`, `false`, `unknown`, and the contract's `yes` / `no`.
    mutating func triState(_ node: YAMLNode, path: String) -> FactValue? {
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.value {
            case "true", "True", "TRUE", "yes", "Yes", "YES": return .bool(true)
            case "false", "False", "FALSE", "no", "No", "NO": return .bool(false)
            case "unknown", "Unknown", "UNKNOWN": return .unknown
            default: break
            }
        }
        let expected = "true, false or unknown for '\(path)'"
        if let scalar = node.scalar, scalar.isYAML11Boolean {
            reader.diagnostics.error(
                "yaml.yaml11-boolean", "expected \(expected), found '\(scalar.value)'", at: node.range,
                notes: [Note("YAML 1.2 reads '\(scalar.value)' as text, not as a boolean; write true or false")])
            return nil
        }
        if let scalar = node.scalar, scalar.style == .plain,
           let suggestion = Suggestion.closest(to: scalar.value, in: ["true", "false", "unknown"]) {
            reader.diagnostics.error(
                "measure.invalid-value", "expected \(expected), found '\(scalar.value)'; did you mean '\(suggestion)'?",
                at: node.range)
            return nil
        }
        reader.typeMismatch(node, expected: expected)
        return nil
    }

    mutating func date(_ node: YAMLNode) -> FactValue? {
        guard let text = reader.string(node) else { return nil }
        guard let date = CalendarDate(text) else {
            let shape = text.utf8.count == 10 && CalendarDate.looksLikeDate(text)
            reader.diagnostics.error(
                "measure.invalid-date",
                shape ? "'\(text)' is not a day of the calendar" : "expected a date YYYY-MM-DD, found '\(text)'",
                at: node.range)
            return nil
        }
        return .date(date)
    }

    mutating func hsCodes(_ node: YAMLNode, path: String) -> FactValue? {
        guard let items = reader.sequence(node, what: path) else { return nil }
        var codes: [String] = []
        for item in items {
            guard let code = reader.string(item) else { return nil }
            let digits = code.filter { $0 != "." && $0 != " " }
            guard [2, 4, 6].contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
                reader.diagnostics.error(
                    "measure.invalid-hs-code",
                    "'\(code)' is not an HS chapter, heading or subheading (2, 4 or 6 digits)", at: item.range,
                    notes: [Note("quote codes with a leading zero or not, as you like: '0201' and 0201 both read as text")])
                return nil
            }
            codes.append(digits)
        }
        return codes.isEmpty ? .unknown : .list(codes)
    }

    mutating func transitionalIds(_ node: YAMLNode) -> FactValue? {
        guard let items = reader.sequence(node, what: "transitional_measures") else { return nil }
        var ids: [String] = []
        for item in items {
            guard let id = reader.string(item) else { return nil }
            if MeasureSchema.transitionalMeasureIds.contains(id) || Self.isEstablishedSlugID(id) {
                ids.append(id)
            } else {
                reader.diagnostics.error(
                    "measure.unknown-transitional-measure",
                    "unknown transitional measure '\(id)'\(Suggestion.hint(for: id, in: MeasureSchema.transitionalMeasureIds))",
                    at: item.range)
            }
        }
        return .list(ids)
    }

    /// `eaeu.annex28.appendix.BY.<slug>` / `eaeu.annex28.appendix.RU.<slug>` with a lower-kebab slug.
    static func isEstablishedSlugID(_ id: String) -> Bool {
        for prefix in ["eaeu.annex28.appendix.BY.", "eaeu.annex28.appendix.RU."] where id.hasPrefix(prefix) {
            let slug = id.dropFirst(prefix.count)
            return !slug.isEmpty && slug.first != "-" && slug.last != "-"
                && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        return false
    }

    /// Rules that tie one field to another.
    mutating func checkConsistency(_ root: YAMLNode) {
        guard let mapping = root.mapping else { return }
        if let remission = mapping.pair("export_tax_remission"),
           case .list(let forms) = values[Slot.forms], !forms.contains("export-tax-remission") {
            reader.diagnostics.error(
                "measure.inconsistent", "'export_tax_remission' is given but 'forms' does not list export-tax-remission",
                at: remission.key.range)
        }
        if case .date(let from) = values[Slot.periodFrom], case .date(let until) = values[Slot.periodUntil],
           until < from {
            reader.diagnostics.error(
                "measure.inverted-period", "'period.until' (\(until)) is before 'period.from' (\(from))",
                at: ranges[Slot.periodUntil])
        }
    }

    /// The contract's (v1.1) readings of omitted or empty values: an omitted `supports` is `[goods]`
    /// when `goods.hs` names goods (otherwise unknown); an empty `export_destinations` is unknown.
    mutating func applyContractDefaults() {
        if values[Slot.supports] == .unknown, case .list(let codes) = values[Slot.goodsHS], !codes.isEmpty {
            values[Slot.supports] = .list(["goods"])
            choiceBits[Slot.supports] = Measure.choiceBit(0)
        }
        if values[Slot.exportDestinations] == .list([]) {
            values[Slot.exportDestinations] = .unknown
        }
    }
}

extension CalendarDate {
    /// Whether `text` has the shape `dddd-dd-dd`.
    static func looksLikeDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        return b.count == 10 && b.enumerated().allSatisfy { i, c in
            (i == 4 || i == 7) ? c == UInt8(ascii: "-") : (c >= 48 && c <= 57)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
