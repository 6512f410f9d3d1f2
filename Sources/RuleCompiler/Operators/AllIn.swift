public import Measures
public import YAMLLoader

/// `all_in: [V, …]`: a list fact is not empty and has only these values.
public struct AllIn: FactOperator {
    public var values: [String]

    public static let keys = ["all_in"]

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> AllIn? {
        decoder.reader.strings(value, what: "all_in").map { AllIn(values: $0) }
    }

    public var test: FactTest { .allIn(self) }

    public func checked(_ check: inout FactTestCheck) -> AllIn? {
        guard let allowed = check.listDomain else { return check.mismatch("'any_of' and 'all_in' need a list fact") }
        if let allowed { check.checkValues(values, allowed: allowed) }
        check.claims(values)
        return self
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        guard case .list(let items) = value else { return .unknown }
        return TriValue(!items.isEmpty && items.allSatisfy(values.contains))
    }

    public func needs(asOf: CalendarDate) -> String { "only " + values.joined(separator: ", ") }

    public static let russianPhrases = ["reason-needs-only"]

    public var russianArguments: [String: PhraseArgument] { ["values": .text(values.joined(separator: ", "))] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { [] }

    public var namedTexts: [String] { values }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { false }

    /// A bit mask over the list's values: the fact's cell has bits, all in it.
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        form.mask(values, slot: slot).map { .listAll(slot: Int32(slot), mask: $0) }
    }
}
