public import Measures
public import YAMLLoader

/// `less_than`, `at_most`, `greater_than`, `at_least`: a number fact compared with a number.
public struct NumberTest: FactOperator {
    public var comparison: NumberComparison
    public var number: Double

    public static let keys = NumberComparison.allCases.map(\.rawValue)

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> NumberTest? {
        guard let comparison = NumberComparison(rawValue: key) else { return nil }
        return decoder.reader.number(value).map { NumberTest(comparison: comparison, number: $0) }
    }

    public var test: FactTest { .number(self) }

    public func checked(_ check: inout FactTestCheck) -> NumberTest? {
        guard check.type == .number else { return check.mismatch("number comparisons need a number fact") }
        return self
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        guard case .number(let x) = value else { return .unknown }
        return TriValue(comparison.holds(x, number))
    }

    /// The number as explanations show fact values: whole numbers without a decimal point.
    public func needs(asOf: CalendarDate) -> String {
        comparison.words + " " + (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
    }

    /// One phrase per comparison: `reason-needs-number-at-most`.
    public static func russianPhrase(_ comparison: NumberComparison) -> String {
        "reason-needs-number-" + String(comparison.rawValue.map { $0 == "_" ? "-" : $0 })
    }

    public static let russianPhrases = NumberComparison.allCases.map(russianPhrase)

    public var russianPhrase: String? { Self.russianPhrase(comparison) }

    public var russianArguments: [String: PhraseArgument] { ["number": .number(number)] }

    /// Either side of the threshold, and the threshold.
    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] {
        [.number(number - 1), .number(number), .number(number + 1)]
    }

    public var namedTexts: [String] { [] }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { false }

    /// On the cell's `Double`.
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        .number(slot: Int32(slot), comparison, number)
    }
}
