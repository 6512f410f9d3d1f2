public import Diagnostics
public import Measures
public import RuleCompiler
public import YAMLLoader

/// Decodes a schedule file from located YAML nodes, strictly: unknown keys (with "did you mean"),
/// missing keys, invalid dates, unknown regimes and kinds, and malformed `covers` are reported at
/// the offending key or value, all in one pass.
public struct ScheduleFileDecoder: Sendable {
    /// The notification kinds of the contract (Docs/schedule-file.md), by regime.
    public static let contractKinds: [Regime: [String]] = [
        .eaeu: ["quarterly-granted", "annual-planned"],
        .wto: ["full", "update", "cvd-semiannual", "nil"],
    ]

    /// Allowed kinds by regime: the contract's, plus any a rule calendar defines.
    public var kinds: [Regime: [String]]
    /// The country table `member_state` is checked against (the same as measure files').
    /// `nil`: the built-in table (decoded only when a schedule file is read).
    public var vocabulary: MeasureVocabulary?

    /// The decoder for the rule set `graph`: the contract's kinds plus every kind its calendars set,
    /// and the graph's country table.
    public init(calendarsOf graph: RuleGraph) {
        var kinds: [Regime: [String]] = [:]
        for c in graph.calendars { kinds[c.regime, default: []].append(c.kind) }
        self.init(extraKinds: kinds)
        vocabulary = graph.vocabulary
    }

    public init(extraKinds: [Regime: [String]] = [:]) {
        var kinds = Self.contractKinds
        for (regime, more) in extraKinds {
            kinds[regime, default: []] += more.filter { !(kinds[regime] ?? []).contains($0) }
        }
        self.kinds = kinds
    }

    /// Decodes one document; `nil` with diagnostics when anything is wrong.
    public func decode(_ document: YAMLDocument) -> (schedule: ScheduleFile?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(domain: "schedule")
        guard let root = document.root else {
            reader.diagnostics.error("schedule.empty", ScheduleMessage.emptyDocument(), at: document.range)
            return (nil, reader.diagnostics.diagnostics)
        }
        let what = ScheduleMessage.theSchedule()
        guard let m = reader.mapping(root, known: ["member_state", "window", "measures", "submissions"], what: what) else {
            return (nil, reader.diagnostics.diagnostics)
        }
        let memberNode = reader.required(m, "member_state", in: root, what: what)
        let member = memberNode.flatMap { memberCode($0, &reader) }
        var from: CalendarDate?, until: CalendarDate?
        if let w = reader.required(m, "window", in: root, what: what),
           let wm = reader.mapping(w, known: ["from", "until"], what: ScheduleMessage.window()) {
            from = reader.required(wm, "from", in: w, what: ScheduleMessage.window()).flatMap { date($0, &reader) }
            until = reader.optional(wm, "until").flatMap { date($0, &reader) }
            if let f = from, let u = until, u < f {
                reader.diagnostics.error("schedule.inverted-dates", ScheduleMessage.invertedWindow(["until": .text("\(u)"), "from": .text("\(f)")]),
                                         at: w.range)
            }
        }
        let measures = reader.optional(m, "measures").flatMap { reader.strings($0, what: "measures") } ?? []
        var submissions: [Submission] = []
        if let list = reader.optional(m, "submissions").flatMap({ reader.sequence($0, what: "submissions") }) {
            for item in list {
                if let s = submission(item, &reader) { submissions.append(s) }
            }
        }
        guard let member, let memberNode, let from, !reader.diagnostics.hasErrors else {
            return (nil, reader.diagnostics.diagnostics)
        }
        let schedule = ScheduleFile(memberState: member, memberRange: memberNode.range, from: from,
                                    until: until, measures: measures, submissions: submissions)
        return (schedule, reader.diagnostics.diagnostics)
    }

    private func submission(_ node: YAMLNode, _ reader: inout NodeReader) -> Submission? {
        let keys = ["regime", "kind", "covers", "submitted", "measures", "document"]
        let what = ScheduleMessage.aSubmission()
        guard let m = reader.mapping(node, known: keys, what: what) else { return nil }
        let regime = reader.required(m, "regime", in: node, what: what).flatMap {
            reader.choiceIndex($0, allowed: Regime.allCases.map(\.rawValue), what: "regime").map { Regime.allCases[$0] }
        }
        var kind: String?
        if let kindNode = reader.required(m, "kind", in: node, what: what) {
            if let regime {
                kind = reader.choiceIndex(kindNode, allowed: kinds[regime] ?? [], what: ScheduleMessage.notificationKind(["regime": .text(regime.rawValue)]))
                    .map { (kinds[regime] ?? [])[$0] }
            } else {
                kind = reader.string(kindNode)
            }
        }
        let covers = reader.required(m, "covers", in: node, what: what).flatMap { coversText($0, &reader) }
        let submitted = reader.required(m, "submitted", in: node, what: what).flatMap { date($0, &reader) }
        let measures = reader.optional(m, "measures").flatMap { reader.strings($0, what: "measures") }
        let document = reader.optional(m, "document").flatMap { reader.string($0) }
        guard let regime, let kind, let covers, let submitted else { return nil }
        return Submission(regime: regime, kind: kind, covers: covers, submitted: submitted, measures: measures,
                          document: document, range: node.range)
    }

    private func memberCode(_ node: YAMLNode, _ reader: inout NodeReader) -> String? {
        guard let code = reader.string(node) else { return nil }
        if let problem = CountryCode.problemText(code, in: vocabulary ?? .builtIn) {
            reader.diagnostics.error("schedule.invalid-value", problem,
                                     at: node.range, notes: [Note(ScheduleMessage.memberNote())])
            return nil
        }
        return code
    }

    private func date(_ node: YAMLNode, _ reader: inout NodeReader) -> CalendarDate? {
        guard let text = reader.string(node) else { return nil }
        guard let d = CalendarDate(text) else {
            reader.diagnostics.error("schedule.invalid-date", ScheduleMessage.invalidDate(["value": .text(text)]), at: node.range)
            return nil
        }
        return d
    }

    private func coversText(_ node: YAMLNode, _ reader: inout NodeReader) -> String? {
        guard let text = reader.string(node) else { return nil }
        guard CoversFormat.isValid(text) else {
            reader.diagnostics.error("schedule.invalid-covers", ScheduleMessage.invalidCovers(["value": .text(text)]), at: node.range)
            return nil
        }
        return text
    }
}

/// Reads a schedule file's bytes: exactly one YAML document holding a schedule.
public enum ScheduleSource {
    public static func load(bytes: [UInt8], path: String, decoder: ScheduleFileDecoder = ScheduleFileDecoder(),
                            loader: YAMLLoader = YAMLLoader())
        -> (schedule: ScheduleFile?, diagnostics: [Diagnostic]) {
        let loaded = loader.load(bytes, file: path)
        if loaded.hasErrors { return (nil, loaded.diagnostics) }
        guard loaded.documents.count == 1 else {
            let message = loaded.documents.isEmpty ? ScheduleMessage.emptyFile()
                : ScheduleMessage.severalDocuments(["count": .number(loaded.documents.count)])
            let at = loaded.documents.dropFirst().first?.range ?? SourceRange(file: path, at: SourceLocation(line: 1, column: 1))
            return (nil, loaded.diagnostics + [Diagnostic(id: "schedule.documents", message, range: at)])
        }
        let (schedule, problems) = decoder.decode(loaded.documents[0])
        return (schedule, loaded.diagnostics + problems)
    }
}
