import YAMLLoader

/// What a `{fact: P, ...}` condition tests: the one list of fact-test operators (each a
/// ``FactOperator``, in its own file in this folder). A new operator is registered here and only
/// here: its case, then each switch below the compiler then names (no `default:`).
public enum FactTest: Sendable, Hashable {
    case equals(Equals)
    case anyOf(AnyOf)
    case allIn(AllIn)
    case contains(Contains)
    case date(DateTest)
    case number(NumberTest)
    case hsCodes(HSCodesIn)

    /// The operator, which says everything about the test.
    public var op: any FactOperator {
        switch self {
        case .equals(let t): t
        case .anyOf(let t): t
        case .allIn(let t): t
        case .contains(let t): t
        case .date(let t): t
        case .number(let t): t
        case .hsCodes(let t): t
        }
    }

    /// Which operator it is. (This switch also makes a new case a compile error until its operator
    /// is in ``Kind``, whose keys the decoder tries.)
    var kind: Kind {
        switch self {
        case .equals: .equals
        case .anyOf: .anyOf
        case .allIn: .allIn
        case .contains: .contains
        case .date: .date
        case .number: .number
        case .hsCodes: .hsCodes
        }
    }

    /// The operators, without their values: what the decoder tries, in this order.
    enum Kind: CaseIterable {
        case equals, anyOf, allIn, contains, date, number, hsCodes

        var type: any FactOperator.Type {
            switch self {
            case .equals: Equals.self
            case .anyOf: AnyOf.self
            case .allIn: AllIn.self
            case .contains: Contains.self
            case .date: DateTest.self
            case .number: NumberTest.self
            case .hsCodes: HSCodesIn.self
            }
        }
    }

    /// Every key that names a test, in the order the operators are listed.
    public static let keys = Kind.allCases.flatMap { $0.type.keys }

    /// The Russian phrases the operators' words use (``FactOperator/russianPhrases``), each once.
    public static let russianPhrases: [String] = Kind.allCases.flatMap { $0.type.russianPhrases }.reduce(into: []) { keys, key in
        if !keys.contains(key) { keys.append(key) }
    }

    /// The test written `key: value`: decoded by the operator that has the key; `nil` when none
    /// has it, or after the operator reported what is wrong.
    static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> FactTest? {
        guard let type = Kind.allCases.lazy.map(\.type).first(where: { $0.keys.contains(key) }) else { return nil }
        return decode(type, key: key, value: value, &decoder)
    }

    private static func decode<Op: FactOperator>(_ type: Op.Type, key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> FactTest? {
        Op.decode(key: key, value: value, &decoder)?.test
    }
}
