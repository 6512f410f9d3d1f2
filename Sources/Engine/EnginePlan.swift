import Measures
import RuleCompiler

/// The contract's regime (`eaeu`, `wto`): the name ``EnginePlan/Regime`` shadows inside the plan.
typealias RegimeID = Regime

/// What classification needs from a rule graph, worked out once per graph so that classifying a
/// measure does no searching: who reads each fact, which verdicts a changed fact can move, the
/// answers to try for each unknown fact, and per rule its fact slots as bit sets.
final class EnginePlan: Sendable {
    /// The evaluation plan of one regime (``RuleGraph/RegimePlan``), shared by reference so that
    /// classifying copies none of its lists.
    final class Regime: Sendable {
        let id: RegimeID
        /// The regime's verdict rules and defeaters, each after every rule that can block it.
        let order: [Int]
        let verdicts: [Int]
        let exemptions: [Int]
        let obligations: [Int]
        let notes: [Int]
        /// Per rule: whether it is one of the regime's verdict rules.
        let isVerdict: [Bool]

        init(_ regime: RuleGraph.RegimePlan, ruleCount: Int) {
            id = regime.regime
            order = regime.order
            verdicts = regime.verdicts
            exemptions = regime.exemptions
            obligations = regime.obligations
            notes = regime.notes
            isVerdict = (0..<ruleCount).map(regime.verdicts.contains)
        }
    }

    /// An answer tried for an unknown fact, with its cell.
    struct Answer: Sendable {
        let value: FactValue
        let cell: FactCell
    }

    let regimes: [Regime]
    /// Per rule, read without copying the rule: its id, citation text and verification, title.
    let ids: [String]
    let citations: [String]
    /// Per rule, a number shared by the rules with the same citation text (to list each once).
    let citationNumbers: [Int]
    let verified: [Bool]
    let titles: [String]
    /// Per rule, "applies: TITLE" (the words of ``Reason/applies(_:)``).
    let appliesWords: [String]
    /// Per rule, the words of `.failed(.rule(…))` ("is false") and `.failed(.holds(.rule(…)))`.
    let failedRuleWords: [(isFalse: String, holds: String)]
    /// Per condition node: the words of a failed test around the fact's value, when they do not
    /// depend on the as-of date (``Reason/failedTestWords(_:path:)``).
    let failedTestWords: [(head: String, tail: String)?]
    /// Per rule: the category and ground of a verdict rule.
    let categories: [Category?]
    /// Per rule: its category as one bit (``Category/allCases`` order), 0 for a rule that is no verdict rule.
    let categoryBits: [UInt8]
    let grounds: [String?]
    /// Per rule: the rules that name it in `exception_to` or `suspends`, and the predicates its
    /// condition refers to.
    let exceptions: RuleLists
    let dependsOn: RuleLists
    /// Per verdict rule: the exemptions that suspend it, as bits.
    let suspendedBy: RuleSets
    let isExemption: [Bool]
    /// Per rule: when it ends, for exemptions; its days in force.
    let windows: [ExemptionWindow]
    let inForce: [DateRange]
    /// Per rule: the text of a note rule; the kind and calendar of an obligation.
    let noteTexts: [String?]
    let obligations: [(kind: String, calendar: Int)?]
    /// Per rule: the rules that stop it from deciding (``RuleGraph/Rule/blockers``), as bits.
    let blockerSets: RuleSets
    /// Per condition node: the fact slot a leaf test reads, or -1.
    let nodeSlots: [Int]
    /// Per rule: the fact slots it reads, directly or through predicates, and directly.
    let reads: [SlotSet]
    let directReads: [SlotSet]
    /// Per fact slot: the answers worth trying (``RuleGraph/answers``), and whether it is a date.
    let answers: [[Answer]]
    let isDate: [Bool]
    /// Per fact slot: the question asked when the fact is unknown.
    let questions: [String]
    /// Per rule: the predicates its condition offers as alternatives (for note rules).
    let alternatives: RuleLists
    /// Per rule: the slot of its `locate` fact, or -1.
    let locate: [Int]

    init(graph: RuleGraph) {
        precondition(graph.factPaths.count <= SlotSet.capacity, "more fact slots than SlotSet holds")
        // The graph lays facts out in its vocabulary's slots, as a measure decoded with that
        // vocabulary stores them (`Measure.factValues`), so a measure's facts are read by slot.
        let rules = graph.rules
        blockerSets = RuleSets(rules.map(\.blockers), bits: rules.count)
        ids = rules.map(\.id)
        citations = rules.map(\.definition.citation.text)
        var numbers: [String: Int] = [:]
        citationNumbers = citations.map { text in
            if let n = numbers[text] { return n }
            numbers[text] = numbers.count
            return numbers.count - 1
        }
        verified = rules.map(\.definition.citation.verified)
        titles = rules.map(\.definition.title)
        appliesWords = rules.map { Reason.applies($0.definition.title).text }
        failedRuleWords = rules.map { Reason.failedRuleWords(id: $0.id, title: $0.definition.title) }
        failedTestWords = graph.nodes.map { node in
            switch node {
            case .fact(let s, let test): Reason.failedTestWords(test, path: graph.factPaths[s])
            case .always, .all, .any, .not, .rule, .asOf, .memberOf, .memberAttribute: nil
            }
        }
        categories = rules.map { if case .verdict(let category, _) = $0.role { category } else { nil } }
        categoryBits = rules.map { rule in
            guard case .verdict(let category, _) = rule.role else { return 0 }
            return 1 << UInt8(Category.allCases.firstIndex(of: category)!)
        }
        grounds = rules.map { if case .verdict(_, let ground) = $0.role { ground } else { nil } }
        exceptions = RuleLists(rules.map(\.exceptions))
        var suspendedBy = [[Int]](repeating: [], count: rules.count)
        for (e, rule) in rules.enumerated() {
            for r in rule.suspends { suspendedBy[r].append(e) }
        }
        self.suspendedBy = RuleSets(suspendedBy, bits: rules.count)
        dependsOn = RuleLists(rules.map(\.dependsOn))
        isExemption = rules.map { $0.role == .exemption }
        windows = rules.indices.map { ExemptionWindow(rule: $0, graph: graph) }
        inForce = rules.map(\.definition.inForce)
        noteTexts = rules.map { if case .note(let text) = $0.role { text } else { nil } }
        obligations = rules.map { if case .obligation(let kind, let c) = $0.role, c >= 0 { (kind, c) } else { nil } }
        reads = rules.map { SlotSet($0.reads) }
        directReads = rules.map { SlotSet($0.directReads) }
        regimes = graph.regimes.map { Regime($0, ruleCount: rules.count) }
        let memberState = graph.program.layout.memberState
        nodeSlots = graph.nodes.map { $0.factSlot(memberState: memberState >= 0 ? memberState : nil) ?? -1 }
        let fields = graph.vocabulary.factFields
        isDate = fields.map { $0.field.type == .date }
        questions = fields.map { $0.field.question ?? "What is '\($0.path)'?" }
        answers = graph.answers.enumerated().map { slot, values in
            values.map { Answer(value: $0, cell: graph.program.cell($0, slot: slot)) }
        }
        alternatives = RuleLists(rules.map { rule in
            guard case .note = rule.role else { return [] }
            return Self.alternatives(in: rule.condition, graph.nodes)
        })
        locate = rules.map { rule in rule.definition.locate.flatMap { graph.factSlots[$0] } ?? -1 }
    }

    /// Predicates a condition offers as alternatives (the rules inside its `any` parts): the criteria.
    private static func alternatives(in root: Int, _ nodes: [ExprNode]) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let i = stack.popLast() {
            switch nodes[i] {
            case .all(let c): stack += c
            case .not(let c): stack.append(c)
            case .any(let c):
                for child in c {
                    if case .rule(let r) = nodes[child] { if !out.contains(r) { out.append(r) } } else { stack.append(child) }
                }
            case .always, .rule, .fact, .asOf, .memberOf, .memberAttribute:
                break
            }
        }
        return out.sorted()
    }
}
