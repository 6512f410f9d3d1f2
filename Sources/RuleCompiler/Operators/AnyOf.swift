public import Measures
public import YAMLLoader

/// `any_of: [V, …]`: a list fact has one of the values.
public struct AnyOf: FactOperator {
    public var values: [String]

    public static let keys = ["any_of"]

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> AnyOf? {
        decoder.reader.strings(value, what: "any_of").map { AnyOf(values: $0) }
    }

    public var test: FactTest { .anyOf(self) }

    public func checked(_ check: inout FactTestCheck) -> AnyOf? {
        guard let allowed = check.listDomain else { return check.mismatch("'any_of' and 'all_in' need a list fact") }
        if let allowed { check.checkValues(values, allowed: allowed) }
        check.claims(values)
        return self
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        guard case .list(let items) = value else { return .unknown }
        return TriValue(items.contains(where: values.contains))
    }

    public func needs(asOf: CalendarDate) -> String { "any of " + values.joined(separator: ", ") }

    public static let russianPhrases = ["reason-needs-any-of"]

    public var russianArguments: [String: PhraseArgument] { ["values": .text(values.joined(separator: ", "))] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { [] }

    public var namedTexts: [String] { values }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { false }

    /// A bit mask over the list's values: some bit of the fact's cell is in it.
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        form.mask(values, slot: slot).map { .listAny(slot: Int32(slot), mask: $0) }
    }
}
