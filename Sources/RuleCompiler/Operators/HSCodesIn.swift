public import Measures
public import YAMLLoader

/// `hs_all_in`, `hs_any_in`, `hs_none_in: TABLE`: how many of the declared HS codes fall under the
/// table's code list — every one, at least one, or none. A code broader than a listed line may fall
/// under it: unknown (``HSCodeTable/matches(_:_:)``). `hs_none_in` has the value of
/// `not: {hs_any_in: TABLE}`, said directly, with its own words.
public struct HSCodesIn: FactOperator {
    public enum Quantifier: String, Sendable, Hashable, CaseIterable {
        case all = "hs_all_in", some = "hs_any_in", none = "hs_none_in"
    }

    public var quantifier: Quantifier
    public var table: HSCodeTable

    public static let keys = Quantifier.allCases.map(\.rawValue)

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> HSCodesIn? {
        guard let quantifier = Quantifier(rawValue: key) else { return nil }
        return decoder.reader.string(value).map { HSCodesIn(quantifier: quantifier, table: HSCodeTable(id: $0)) }
    }

    public var test: FactTest { .hsCodes(self) }

    public func checked(_ check: inout FactTestCheck) -> HSCodesIn? {
        table.checked(&check).map { HSCodesIn(quantifier: quantifier, table: $0) }
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        guard let each = table.matches(value, context.tables) else { return .unknown }
        switch quantifier {
        case .all: return each.allTrue
        case .some: return each.anyTrue
        case .none: return !each.anyTrue
        }
    }

    public func needs(asOf: CalendarDate) -> String {
        switch quantifier {
        case .all: "all within '\(table.id)'"
        case .some: "some within '\(table.id)'"
        case .none: "none within '\(table.id)'"
        }
    }

    public static func russianPhrase(_ quantifier: Quantifier) -> String {
        switch quantifier {
        case .all: "reason-needs-all-within"
        case .some: "reason-needs-some-within"
        case .none: "reason-needs-none-within"
        }
    }

    public static let russianPhrases = Quantifier.allCases.map(russianPhrase)

    public var russianPhrase: String? { Self.russianPhrase(quantifier) }

    public var russianArguments: [String: PhraseArgument] { ["table": .table(table.id)] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { table.answers(tables) }

    public var namedTexts: [String] { [] }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { true }

    /// `all` and `some` on the table's packed code list (``HSCodeList``); `none` has no fast form
    /// (the general node evaluates ``evaluate(_:_:)``).
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        switch quantifier {
        case .all: .hsCodes(slot: Int32(slot), table: Int32(table.index), all: true)
        case .some: .hsCodes(slot: Int32(slot), table: Int32(table.index), all: false)
        case .none: nil
        }
    }
}
