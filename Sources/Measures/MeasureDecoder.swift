public import Diagnostics
public import YAMLLoader

/// Decodes measure documents against a ``MeasureVocabulary`` from located nodes, reporting every
/// problem at the key or value that causes it.
public struct MeasureDecoder: Sendable {
    /// What a measure may state (the corpus's vocabulary: ``RuleGraph/vocabulary``).
    public let vocabulary: MeasureVocabulary

    public init(vocabulary: MeasureVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Decodes one document. Returns `nil` for the measure when a required field is missing or
    /// invalid; the diagnostics say why.
    /// - Parameter requireIdentity: `false` for rule examples, where `id`, `title` and `member_state`
    ///   may be omitted (an omitted `member_state` is then unknown).
    public func decode(
        _ document: YAMLDocument, file: String, requireIdentity: Bool = true
    ) -> (measure: Measure?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(domain: "measure")
        guard let root = document.root else {
            reader.diagnostics.error("measure.empty", MeasureMessage.emptyDocument(), at: document.range)
            return (nil, reader.diagnostics.diagnostics)
        }
        var state = DecodeState(reader: reader, vocabulary: vocabulary)
        state.decodeGroup(root, vocabulary.root)
        state.checkConsistency(root)
        state.applyContractDefaults()
        reader = state.reader

        if !requireIdentity {
            reader = NodeReader(domain: "measure")
            reader.diagnostics.emit(contentsOf: state.reader.diagnostics.diagnostics.filter { $0.id != "measure.missing-key" })
            for slot in [vocabulary.slotID, vocabulary.slotTitle] where state.values[slot] == .unknown {
                state.values[slot] = .text("example")
                state.ranges[slot] = nil
            }
        }
        let member: String
        if case .text(let code) = state.values[vocabulary.slotMemberState] { member = code } else { member = "" }
        guard case .text(let id) = state.values[vocabulary.slotID],
              case .text(let title) = state.values[vocabulary.slotTitle],
              requireIdentity ? !member.isEmpty : true,
              !reader.diagnostics.hasErrors else {
            return (nil, reader.diagnostics.diagnostics)
        }
        let measure = Measure(
            id: id, title: title, memberState: member, file: file, range: root.range, vocabulary: vocabulary,
            factValues: state.values, factRanges: state.ranges)
        return (measure, reader.diagnostics.diagnostics)
    }
}

/// A vocabulary's fields prepared once for decoding: each group's keys, fact paths and description,
/// so that a decoding pass builds no strings of its own.
final class SchemaGroup: Sendable {
    /// A class, so that reading one while decoding copies a reference, not the field's many parts.
    final class Entry: Sendable {
        let field: MeasureSchema.Field
        /// `a.b.c`
        let path: String
        /// Set when the field is a nested group.
        let group: SchemaGroup?
        /// The fact's slot in the vocabulary (leaf fields).
        let slot: Int

        init(field: MeasureSchema.Field, path: String, group: SchemaGroup?, slot: Int) {
            self.field = field
            self.path = path
            self.group = group
            self.slot = slot
        }
    }

    let keys: [String]
    /// `keys[i].utf8.count`
    let keyLengths: [Int]
    let entries: [Entry]
    /// How problems name the group: "the measure", "'eligibility.in_practice'".
    let what: MessageText

    init(_ fields: [MeasureSchema.Field], prefix: String, slots: [String: Int]) {
        keys = fields.map(\.key)
        keyLengths = keys.map(\.utf8.count)
        what = prefix.isEmpty ? MeasureMessage.theMeasure() : MeasureMessage.group(["path": .text(prefix)])
        entries = fields.map { field in
            let path = prefix.isEmpty ? field.key : prefix + "." + field.key
            if case .group(let children) = field.type {
                return Entry(field: field, path: path, group: SchemaGroup(children, prefix: path, slots: slots), slot: -1)
            }
            return Entry(field: field, path: path, group: nil, slot: slots[path] ?? -1)
        }
    }

    /// The position in `entries` of `key`: a linear scan comparing lengths first (groups are small;
    /// cheaper than hashing the key).
    func position(of key: String) -> Int? {
        let count = key.utf8.count
        for i in keyLengths.indices where keyLengths[i] == count && keys[i] == key { return i }
        return nil
    }
}

/// The mutable state of one decoding pass.
private struct DecodeState {
    var reader: NodeReader
    let vocabulary: MeasureVocabulary
    /// Facts by slot: every one unknown until decoded.
    var values: [FactValue]
    var ranges: [SourceRange?]

    init(reader: NodeReader, vocabulary: MeasureVocabulary) {
        self.reader = reader
        self.vocabulary = vocabulary
        values = vocabulary.unknownValues
        ranges = vocabulary.unknownRanges
    }

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
            return text(node, field: field, path: path).map(FactValue.text)
        case .country:
            return country(node, path: path, also: []).map(FactValue.text)
        case .countryList(let also):
            guard let items = reader.sequence(node, what: path) else { return nil }
            var codes: [String] = []
            for item in items {
                guard let code = country(item, path: path, also: also) else { return nil }
                if !codes.contains(code) { codes.append(code) }
            }
            return .list(codes)
        case .currency:
            guard let code = reader.string(node) else { return nil }
            guard vocabulary.currencyCodes.contains(code) else {
                let hint = vocabulary.currencyCodes.contains(code.uppercased())
                    ? YAMLMessage.didYouMean(["suggestion": .text(code.uppercased())])
                    : Suggestion.hintText(for: code, in: vocabulary.currencies.map(\.code))
                reader.diagnostics.error("measure.invalid-value",
                    MeasureMessage.currency(["value": .text(code), "key": .text(path), "hint": .message(hint)]), at: node.range,
                    notes: [Note(MeasureMessage.currencyNote())])
                return nil
            }
            return .text(code)
        case .triState:
            return triState(node, path: path)
        case .choice(let allowed):
            guard let index = reader.choiceIndex(node, allowed: allowed, what: MeasureMessage.valueFor(["key": .text(path)])) else { return nil }
            if allowed[index] == "unknown" { return .unknown }
            return .text(allowed[index])
        case .choiceList(let allowed):
            guard let items = reader.sequence(node, what: path) else { return nil }
            var out: [String] = []
            for item in items {
                guard let index = reader.choiceIndex(item, allowed: allowed, what: MeasureMessage.valueFor(["key": .text(path)])) else { return nil }
                let choice = allowed[index]
                if out.contains(choice) {
                    reader.diagnostics.error("measure.duplicate-item", MeasureMessage.duplicateItem(["value": .text(choice), "key": .text(path)]), at: item.range)
                } else {
                    out.append(choice)
                }
            }
            if let least = field.minItems, out.count < least {
                reader.diagnostics.error("measure.empty-list",
                    least == 1 ? MeasureMessage.needsOneItem(["key": .text(path)])
                        : MeasureMessage.needsItems(["key": .text(path), "count": .number(least)]), at: node.range)
                return nil
            }
            guard combinations(out, items: items, field: field, path: path) else { return nil }
            return .list(out)
        case .textList:
            return reader.strings(node, what: path).map(FactValue.list)
        case .hsList:
            return hsCodes(node, path: path)
        case .date:
            return date(node)
        case .number:
            return number(node, field: field, path: path)
        case .claims:
            return claims(node, path: path)
        case .group:
            return nil
        }
    }

    /// Free text: a required text is not empty; a single-line text has no control characters.
    mutating func text(_ node: YAMLNode, field: MeasureSchema.Field, path: String) -> String? {
        guard let text = reader.string(node) else { return nil }
        if field.required, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            reader.diagnostics.error("measure.empty-value", MeasureMessage.emptyValue(["key": .text(path)]), at: node.range,
                                     notes: [Note(MeasureMessage.emptyValueNote(["key": .text(path)]))])
            return nil
        }
        if field.singleLine, Self.hasControlCharacter(text),
           let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
            reader.diagnostics.error("measure.invalid-value",
                MeasureMessage.controlCharacter(["key": .text(path), "code": .text(code)]), at: node.range)
            return nil
        }
        return text
    }

    /// Whether `text` holds a C0 or C1 control character or DEL, by its UTF-8 bytes (C1 controls
    /// are U+0080–U+009F: 0xC2 followed by 0x80–0x9F).
    static func hasControlCharacter(_ text: String) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (afterC2 && byte < 0xA0) { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }

    /// A code of the country table (or one of `also`), case-sensitive: `kz` is refused.
    mutating func country(_ node: YAMLNode, path: String, also: [String]) -> String? {
        guard let code = reader.string(node) else { return nil }
        guard let problem = CountryCode.problemText(code, in: vocabulary, also: also) else { return code }
        reader.diagnostics.error("measure.invalid-value", MeasureMessage.country(["problem": .message(problem), "key": .text(path)]),
                                 at: node.range, notes: [Note(MeasureMessage.countryNote())])
        return nil
    }

    /// A number or `unknown`, finite and within the field's bounds.
    mutating func number(_ node: YAMLNode, field: MeasureSchema.Field, path: String) -> FactValue? {
        if let scalar = node.scalar, scalar.value == "unknown", scalar.style == .plain { return .unknown }
        guard let n = reader.number(node) else { return nil }
        if let low = field.minimum, n < low {
            reader.diagnostics.error("measure.invalid-value",
                low == 0 ? MeasureMessage.negative(["key": .text(path)])
                    : MeasureMessage.belowMinimum(["key": .text(path), "value": .text(Self.format(n)), "minimum": .text(Self.format(low))]),
                at: node.range)
            return nil
        }
        if let high = field.maximum, n > high {
            let range = field.minimum.map { MeasureMessage.fromTo(["low": .text(Self.format($0)), "high": .text(Self.format(high))]) }
                ?? MeasureMessage.atMost(["high": .text(Self.format(high))])
            reader.diagnostics.error("measure.invalid-value",
                MeasureMessage.outOfRange(["key": .text(path), "value": .text(Self.format(n)), "range": .message(range)]), at: node.range)
            return nil
        }
        return .number(n)
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }

    /// The list constraints the vocabulary declares: choices that stand alone, choices that combine
    /// only with certain others.
    mutating func combinations(_ chosen: [String], items: [YAMLNode], field: MeasureSchema.Field, path: String) -> Bool {
        func range(of choice: String) -> SourceRange {
            items.first { $0.scalar?.value == choice }?.range ?? items.first?.range ?? SourceRange(file: "", at: SourceLocation(line: 0, column: 0))
        }
        var ok = true
        for alone in field.standsAlone where chosen.contains(alone) && chosen.count > 1 {
            reader.diagnostics.error("measure.inconsistent", MeasureMessage.standsAlone([
                "value": .text(alone), "key": .text(path), "others": .text(chosen.filter { $0 != alone }.joined(separator: ", ")),
            ]), at: range(of: alone))
            ok = false
        }
        for (choice, with) in field.combinesOnly where chosen.contains(choice) {
            let others = chosen.filter { $0 != choice && !with.contains($0) && !field.standsAlone.contains($0) }
            if !others.isEmpty {
                reader.diagnostics.error("measure.inconsistent",
                    MeasureMessage.combinesOnly([
                        "value": .text(choice), "with": .text(with.joined(separator: ", ")), "key": .text(path),
                        "others": .text(others.joined(separator: ", ")),
                    ]),
                    at: range(of: others[0]))
                ok = false
            }
        }
        return ok
    }

    /// `true`, `false`, `unknown`, and the contract's `yes` / `no`.
    mutating func triState(_ node: YAMLNode, path: String) -> FactValue? {
        if let scalar = node.scalar, scalar.style == .plain {
            switch scalar.value {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "да", "Да", "ДА": return .bool(true)
            case "false", "False", "FALSE", "no", "No", "NO", "нет", "Нет", "НЕТ": return .bool(false)
            case "unknown", "Unknown", "UNKNOWN", "неизвестно", "Неизвестно", "НЕИЗВЕСТНО": return .unknown
            default: break
            }
        }
        let expected = MeasureMessage.triState(["key": .text(path)])
        if let scalar = node.scalar, scalar.isYAML11Boolean {
            reader.diagnostics.error(
                "yaml.yaml11-boolean", MeasureMessage.expectedValue(["expected": .message(expected), "value": .text(scalar.value)]),
                at: node.range, notes: [Note(YAMLMessage.yaml11BooleanNote(["value": .text(scalar.value)]))])
            return nil
        }
        if let scalar = node.scalar, scalar.style == .plain,
           let suggestion = Suggestion.closest(to: scalar.value, in: ["true", "false", "unknown"]) {
            reader.diagnostics.error(
                "measure.invalid-value",
                MeasureMessage.expectedValueSuggestion([
                    "expected": .message(expected), "value": .text(scalar.value), "suggestion": .text(suggestion),
                ]),
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
                shape ? MeasureMessage.notADay(["value": .text(text)]) : MeasureMessage.expectedDate(["value": .text(text)]),
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
                    MeasureMessage.hsCode(["value": .text(code)]), at: item.range,
                    notes: [Note(MeasureMessage.hsCodeNote())])
                return nil
            }
            codes.append(digits)
        }
        return codes.isEmpty ? .unknown : .list(codes)
    }

    /// Ids of exemptions the corpus declares claimable (``MeasureVocabulary/claimable``).
    mutating func claims(_ node: YAMLNode, path: String) -> FactValue? {
        guard let items = reader.sequence(node, what: path) else { return nil }
        var ids: [String] = []
        for item in items {
            guard let id = reader.string(item) else { return nil }
            if vocabulary.claimableSet.contains(id) {
                if !ids.contains(id) { ids.append(id) }
            } else {
                reader.diagnostics.error(
                    "measure.unknown-transitional-measure",
                    MeasureMessage.unknownClaim(["value": .text(id), "hint": .message(Suggestion.hintText(for: id, in: vocabulary.claimable))]),
                    at: item.range,
                    notes: [Note(MeasureMessage.unknownClaimNote(["key": .text(path)]))])
            }
        }
        return .list(ids)
    }

    /// Rules that tie one field to another.
    mutating func checkConsistency(_ root: YAMLNode) {
        guard let mapping = root.mapping else { return }
        let v = vocabulary
        if let remission = mapping.pair("export_tax_remission"), v.slotForms >= 0,
           case .list(let forms) = values[v.slotForms], !forms.contains("export-tax-remission") {
            reader.diagnostics.error(
                "measure.inconsistent", MeasureMessage.exportTaxRemission(),
                at: remission.key.range)
        }
        if v.slotPeriodFrom >= 0, v.slotPeriodUntil >= 0,
           case .date(let from) = values[v.slotPeriodFrom], case .date(let until) = values[v.slotPeriodUntil],
           until < from {
            reader.diagnostics.error(
                "measure.inverted-period", MeasureMessage.invertedPeriod(["until": .text("\(until)"), "from": .text("\(from)")]),
                at: ranges[v.slotPeriodUntil])
        }
    }

    /// The contract's (v1.1) readings of omitted or empty values: an omitted `supports` is `[goods]`
    /// when `goods.hs` names goods (otherwise unknown); an empty `export_destinations` is unknown.
    mutating func applyContractDefaults() {
        let v = vocabulary
        if v.slotSupports >= 0, v.slotGoodsHS >= 0, values[v.slotSupports] == .unknown,
           case .list(let codes) = values[v.slotGoodsHS], !codes.isEmpty,
           case .choiceList(let allowed) = v.factFields[v.slotSupports].field.type, allowed.contains("goods") {
            values[v.slotSupports] = .list(["goods"])
        }
        if v.slotExportDestinations >= 0, values[v.slotExportDestinations] == .list([]) {
            values[v.slotExportDestinations] = .unknown
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

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
