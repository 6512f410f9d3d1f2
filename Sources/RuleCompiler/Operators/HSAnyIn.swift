public import Measures
public import YAMLLoader

/// `hs_any_in: TABLE`: some declared HS code falls under the table's code list.
public struct HSAnyIn: FactOperator {
    public var table: HSCodeTable

    public static let keys = ["hs_any_in"]

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> HSAnyIn? {
        decoder.reader.string(value).map { HSAnyIn(table: HSCodeTable(id: $0)) }
    }

    public var test: FactTest { .hsAnyIn(self) }

    public func checked(_ check: inout FactTestCheck) -> HSAnyIn? {
        table.checked(&check).map { HSAnyIn(table: $0) }
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        table.matches(value, context.tables)?.anyTrue ?? .unknown
    }

    public func needs(asOf: CalendarDate) -> String { "some within '\(table.id)'" }

    public static let russianPhrases = ["reason-needs-some-within"]

    public var russianArguments: [String: PhraseArgument] { ["table": .table(table.id)] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { table.answers(tables) }

    public var namedTexts: [String] { [] }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { true }

    /// On the table's packed code list (``HSCodeList``).
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        .hsCodes(slot: Int32(slot), table: Int32(table.index), all: false)
    }
}
