public import Measures
public import YAMLLoader

/// `contains: V`: a list fact has the value.
public struct Contains: FactOperator {
    public var value: String

    public static let keys = ["contains"]

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> Contains? {
        decoder.reader.string(value).map { Contains(value: $0) }
    }

    public var test: FactTest { .contains(self) }

    public func checked(_ check: inout FactTestCheck) -> Contains? {
        guard let allowed = check.listDomain else { return check.mismatch("'contains' needs a list fact") }
        if let allowed { check.checkValues([value], allowed: allowed) }
        check.claims([value])
        return self
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        guard case .list(let items) = value else { return .unknown }
        return TriValue(items.contains(self.value))
    }

    public func needs(asOf: CalendarDate) -> String { value }

    public static let russianPhrases = ["reason-needs"]

    public var russianArguments: [String: PhraseArgument] { ["values": .text(value)] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { [] }

    public var namedTexts: [String] { [value] }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { false }

    /// The value's bit: some bit of the fact's cell is it.
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        form.mask([value], slot: slot).map { .listAny(slot: Int32(slot), mask: $0) }
    }
}
