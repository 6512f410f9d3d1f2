public import Diagnostics
public import Measures

/// The compiled rule corpus: rules with their conditions as an expression arena, tables, calendars,
/// and per regime the evaluation plan. Built by ``RuleCompiler``; read by the engine. Immutable and
/// shared by reference, so that evaluations and results can hold it without copying it.
public final class RuleGraph: Sendable {
    /// How a compiled rule takes part in evaluation.
    public enum Role: Sendable, Equatable {
        case predicate
        /// A predicate with `exception_to`: when it applies, the rules it names do not decide.
        case defeater
        case verdict(category: Category, ground: String?)
        case exemption
        case obligation(kind: String, calendar: Int)
        case note(String)
    }

    public struct Rule: Sendable {
        public var definition: RuleDefinition
        public var role: Role
        /// The root of the rule's condition in ``RuleGraph/nodes``.
        public var condition: Int
        /// Fact slots the condition reads, directly or through predicates, in slot order.
        public var reads: [Int]
        /// Fact slots the condition reads itself (not through predicates).
        public var directReads: [Int] = []
        /// Predicate rules the condition refers to directly.
        public var dependsOn: [Int]
        /// Rules that name this one in `exception_to` (or `suspends`): the exceptions considered.
        public var exceptions: [Int]
        /// Rules whose applying stops this one from deciding: verdict rules ranked above it
        /// (transitively) and its direct defeaters.
        public var blockers: [Int]
        /// For exemptions: the verdict rules suspended.
        public var suspends: [Int]

        public var id: String { definition.id }
    }

    /// A member table, by key, or an HS code list.
    public struct Table: Sendable {
        public var definition: TableDefinition
        public var rows: [String: [MemberRow]]
        public var codes: [String]
    }

    /// The evaluation plan of one regime.
    public struct RegimePlan: Sendable {
        public var regime: Regime
        /// Verdict rules and defeaters, each after every rule that can block it.
        public var order: [Int]
        public var verdicts: [Int]
        public var exemptions: [Int]
        public var obligations: [Int]
        public var notes: [Int]
    }

    public let rules: [Rule]
    public let ruleIndex: [String: Int]
    public let nodes: [ExprNode]
    public let tables: [Table]
    public let tableIndex: [String: Int]
    public let calendars: [CalendarDefinition]
    public let calendarIndex: [String: Int]
    public let fixtures: [String: FixtureDefinition]
    public let regimes: [RegimePlan]
    /// What a measure may state: the corpus's vocabulary, with the exemptions its rules declare
    /// claimable. Measures are decoded with it (``MeasureDecoder/init(vocabulary:)``).
    public let vocabulary: MeasureVocabulary
    /// Fact paths by slot (the vocabulary's); slot `i` of a fact vector holds `factPaths[i]`.
    public let factPaths: [String]
    public let factSlots: [String: Int]
    /// The source files the corpus came from, for quoting lines in diagnostics.
    public let sources: [String: SourceText]
    /// The conditions compiled for fast evaluation (same indices as ``nodes``).
    public let program: EvalProgram
    /// Per fact slot, the answers worth trying when the fact is unknown (see ``AnswerDomains``).
    public let answers: [[FactValue]]

    init(
        rules: [Rule], ruleIndex: [String: Int], nodes: [ExprNode], tables: [Table], tableIndex: [String: Int],
        calendars: [CalendarDefinition], calendarIndex: [String: Int], fixtures: [String: FixtureDefinition],
        regimes: [RegimePlan], vocabulary: MeasureVocabulary, sources: [String: SourceText],
        program: EvalProgram, answers: [[FactValue]]
    ) {
        self.answers = answers
        self.rules = rules
        self.ruleIndex = ruleIndex
        self.nodes = nodes
        self.tables = tables
        self.tableIndex = tableIndex
        self.calendars = calendars
        self.calendarIndex = calendarIndex
        self.fixtures = fixtures
        self.regimes = regimes
        self.vocabulary = vocabulary
        self.factPaths = vocabulary.factPaths
        self.factSlots = vocabulary.factSlots
        self.sources = sources
        self.program = program
    }

    public func rule(_ id: String) -> Rule? { ruleIndex[id].map { rules[$0] } }

    public func regime(_ regime: Regime) -> RegimePlan? { regimes.first { $0.regime == regime } }

    /// Rules that refer to `index` in their condition.
    public func dependents(of index: Int) -> [Int] {
        rules.indices.filter { rules[$0].dependsOn.contains(index) }
    }
}
