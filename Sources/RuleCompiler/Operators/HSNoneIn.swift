public import Measures
public import YAMLLoader

/// `hs_none_in: TABLE`: no declared HS code falls under the table's code list (every code is
/// outside it). A code broader than a listed line may fall under it: unknown. The same value as
/// `not: {fact: goods.hs, hs_any_in: TABLE}`, said directly, with its own words.
public struct HSNoneIn: FactOperator {
    public var table: HSCodeTable

    public static let keys = ["hs_none_in"]

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> HSNoneIn? {
        decoder.reader.string(value).map { HSNoneIn(table: HSCodeTable(id: $0)) }
    }

    public var test: FactTest { .hsNoneIn(self) }

    public func checked(_ check: inout FactTestCheck) -> HSNoneIn? {
        table.checked(&check).map { HSNoneIn(table: $0) }
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        table.matches(value, context.tables).map { !$0.anyTrue } ?? .unknown
    }

    public func needs(asOf: CalendarDate) -> String { "none within '\(table.id)'" }

    public static let russianPhrases = ["reason-needs-none-within"]

    public var russianArguments: [String: PhraseArgument] { ["table": .table(table.id)] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { table.answers(tables) }

    public var namedTexts: [String] { [] }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { true }
}
