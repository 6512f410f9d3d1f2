public import Measures
public import YAMLLoader

/// `before`, `on_or_before`, `after`, `on_or_after`: a date fact compared with a date, or with the
/// evaluation date (`as_of`).
public struct DateTest: FactOperator {
    public var comparison: DateComparison
    /// `nil`: the evaluation date.
    public var date: CalendarDate?

    public static let keys = DateComparison.allCases.map(\.rawValue)

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> DateTest? {
        guard let comparison = DateComparison(rawValue: key) else { return nil }
        if value.scalar?.value == "as_of" { return DateTest(comparison: comparison, date: nil) }
        return decoder.date(value).map { DateTest(comparison: comparison, date: $0) }
    }

    public var test: FactTest { .date(self) }

    public func checked(_ check: inout FactTestCheck) -> DateTest? {
        guard check.type == .date else { return check.mismatch("date comparisons need a date fact") }
        return self
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        guard case .date(let d) = value else { return .unknown }
        return TriValue(comparison.holds(d, date ?? context.asOf))
    }

    public func needs(asOf: CalendarDate) -> String {
        comparison.words + " " + (date.map(\.description) ?? "the as-of date \(asOf)")
    }

    /// One phrase per comparison: `reason-needs-date-on-or-after` (also worded for the `as_of`
    /// condition, ``RussianMemo``).
    public static func russianPhrase(_ comparison: DateComparison) -> String {
        "reason-needs-date-" + String(comparison.rawValue.map { $0 == "_" ? "-" : $0 })
    }

    public static let russianPhrases = DateComparison.allCases.map(russianPhrase)

    public var russianPhrase: String? { Self.russianPhrase(comparison) }

    public var russianArguments: [String: PhraseArgument] { ["date": .date(date)] }

    /// The date and the day before.
    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] {
        guard let date else { return [] }
        return [.date(date), .date(date.adding(days: -1))]
    }

    public var namedTexts: [String] { [] }

    public var readsEvaluationDate: Bool { date == nil }

    public var mayBeImprecise: Bool { false }

    /// On the cell's day number; ``EvalProgram/asOfDay`` stands for the evaluation date.
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        .date(slot: Int32(slot), comparison, day: date?.dayNumber ?? EvalProgram.asOfDay)
    }
}
