public import Measures
public import YAMLLoader

/// Everything about one kind of fact test (`{fact: PATH, KEY: VALUE}`), in one place: how it is
/// written, checked against the fact's type, evaluated, put into words and questioned. One type per
/// operator, one file each in this folder; ``FactTest`` lists them all (see Docs/architecture.md,
/// "A condition operator").
///
/// Every part of the project that handles fact tests goes through this protocol: the decoder, the
/// graph builder, the compiled program (its general node), the reference evaluator, the engine's
/// explanations and searches, and the Russian memo. A new operator therefore touches its own file,
/// ``FactTest`` and the rule language's table.
public protocol FactOperator: Sendable, Hashable {
    /// The keys that name it in a fact condition (`is`, `in`, `any_of`, …).
    static var keys: [String] { get }

    /// Decodes the test written as `key: value` (`key` is one of ``keys``); reports what is wrong
    /// through the decoder's reader (located at `value`) and returns `nil`.
    static func decode(key: String, value: YAMLNode, _ decoder: inout RuleFileDecoder) -> Self?

    /// This test as a case of the list of operators.
    var test: FactTest { get }

    /// The test checked against the fact it reads (its type, its allowed values) with the names it
    /// refers to resolved (tables); `nil` after reporting what is wrong through `check`.
    func checked(_ check: inout FactTestCheck) -> Self?

    /// The plain meaning: the test on the fact's value, in Kleene logic (an unknown value gives
    /// unknown). The reference evaluator reads it, and so does the compiled program for an
    /// operator without a fast form (``fastNode(slot:_:)``).
    func evaluate(_ value: FactValue, _ context: FactTestContext) -> TriValue

    /// What the test needs, in English, shown after the fact's value as ` (needs …)`: `any of a, b`.
    /// `asOf` is the evaluation date (read only when ``readsEvaluationDate``).
    func needs(asOf: CalendarDate) -> String

    /// Every key of a phrase of `Rules/i18n/ru/` (data, not Swift) the operator's Russian words
    /// may use: `rules check` reports a missing one.
    static var russianPhrases: [String] { get }
    /// The Russian words of ``needs(asOf:)``: the key of one of ``russianPhrases`` (by default the
    /// first), filled with ``russianArguments``. `nil`: no Russian words, the English are kept.
    var russianPhrase: String? { get }
    var russianArguments: [String: PhraseArgument] { get }

    /// The answers worth trying for the fact when it is unknown, beyond those its type gives:
    /// the values either side of a threshold, a code of the table (``AnswerDomains``).
    func answers(_ tables: [RuleGraph.Table]) -> [FactValue]

    /// The text values the test names (choice domains, the compiled bit masks, list answers).
    var namedTexts: [String] { get }

    /// Whether the test compares the fact with the evaluation date (the test's value may change
    /// from one day to the next on the same facts).
    var readsEvaluationDate: Bool { get }

    /// Whether a known value can leave the test unknown (an HS code broader than a listed line):
    /// such facts are asked again when nothing else can decide a verdict.
    var mayBeImprecise: Bool { get }

    /// The test as a fast node of the compiled program on fact cells (``EvalProgram/Node``), which
    /// must give exactly what ``evaluate(_:_:)`` gives (the equivalence tests check it); `nil`
    /// (the default) evaluates ``evaluate(_:_:)`` on the fact value (``EvalProgram/Node/general``).
    func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node?
}

extension FactOperator {
    public func fastNode(slot: Int, _ form: FastForm) -> EvalProgram.Node? { nil }
}

/// What evaluating a fact test may read besides the fact: the evaluation date and the graph's tables.
public struct FactTestContext {
    public let asOf: CalendarDate
    public let tables: [RuleGraph.Table]

    public init(asOf: CalendarDate, tables: [RuleGraph.Table]) {
        self.asOf = asOf
        self.tables = tables
    }
}

extension FactOperator {
    /// The operator's one phrase, for an operator that words every test alike.
    public var russianPhrase: String? { Self.russianPhrases.first }
}

/// An argument of a Russian phrase (``FactOperator/russianPhrase``).
public enum PhraseArgument: Sendable, Hashable {
    /// Text as it is.
    case text(String)
    /// Values joined by the catalogue's "or", `true`/`false`/`unknown` in Russian.
    case literals([String])
    /// A table id, shown by the catalogue's title for it.
    case table(String)
    /// A date in words (`1 июля 2011 г.`); `nil`: the evaluation date.
    case date(CalendarDate?)
    /// A number as Russian writes it (decimal comma).
    case number(Double)
}

/// What the compiled program offers an operator's fast form: per fact slot, the values its bit
/// masks tell apart.
public struct FastForm {
    let domains: [[String]?]

    /// The bit mask of `values` in the slot's domain (values outside it add nothing); `nil` when
    /// the slot has no domain (the test then stays on fact values).
    public func mask(_ values: [String], slot: Int) -> UInt64? {
        guard let domain = domains[slot] else { return nil }
        var m: UInt64 = 0
        for v in values {
            guard let i = domain.firstIndex(of: v) else { continue }
            m |= 1 << UInt64(i)
        }
        return m
    }
}
