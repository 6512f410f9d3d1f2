public import Measures
public import YAMLLoader

/// `is: V` / `in: [V, …]`: a yes/no, choice, country, currency or text fact equals one of the values.
public struct Equals: FactOperator {
    public var values: [Literal]

    public static let keys = ["is", "in"]

    public static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> Equals? {
        if key == "is" { return decoder.literal(value).map { Equals(values: [$0]) } }
        guard let items = decoder.reader.sequence(value, what: "in") else { return nil }
        return Equals(values: items.compactMap { decoder.literal($0) })
    }

    public var test: FactTest { .equals(self) }

    public func checked(_ check: inout FactTestCheck) -> Equals? {
        if check.type == .triState {
            guard values.allSatisfy({ if case .bool = $0 { true } else { false } }) else {
                return check.mismatch("compare it with true or false")
            }
            return self
        }
        guard let allowed = check.singleDomain else {
            return check.mismatch("'is' and 'in' test single values; use any_of, all_in or contains on lists")
        }
        if let allowed { check.checkValues(values.map(\.description), allowed: allowed) }
        return self
    }

    public func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue {
        switch value {
        case .unknown: .unknown
        case .bool(let b): TriValue(values.contains(.bool(b)))
        case .text(let t): TriValue(values.contains(.text(t)))
        case .list, .date, .number: .false
        }
    }

    public func needs(asOf: CalendarDate) -> String {
        values.map(\.description).joined(separator: " or ")
    }

    public static let russianPhrases = ["reason-needs"]

    public var russianArguments: [String: PhraseArgument] { ["values": .literals(values.map(\.description))] }

    public func answers(_ tables: [RuleGraph.Table]) -> [FactValue] { [] }

    public var namedTexts: [String] { values.compactMap { if case .text(let t) = $0 { t } else { nil } } }

    public var readsEvaluationDate: Bool { false }

    public var mayBeImprecise: Bool { false }

    /// One yes/no value: a flag test; text values: a bit mask over the fact's choices.
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? {
        if values.count == 1, case .bool(let b) = values[0] { return .flag(slot: Int32(slot), b) }
        guard values.allSatisfy({ if case .text = $0 { true } else { false } }),
              let mask = form.mask(values.map(\.description), slot: slot) else { return nil }
        return .choice(slot: Int32(slot), mask: mask)
    }
}
