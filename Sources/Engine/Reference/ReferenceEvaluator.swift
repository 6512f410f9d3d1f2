public import Measures
public import RuleCompiler

/// The written meaning of the rules: what a verdict is, in plain Swift on fact values, with no
/// caches, bit sets or compiled programs. The fast engine (``Classifier``) must agree with it; the
/// equivalence tests use it as their oracle. Read it top to bottom:
///
/// 1. **Facts.** A measure's facts by slot, unknown where omitted, with the contract's two
///    defaults: an omitted `transitional_measures` claims nothing (`[]`), an omitted
///    `period.contracts_concluded` is `period.from`.
/// 2. **Conditions** are Kleene three-valued logic (``value(_:_:)``); a rule not in force on the
///    date is false.
/// 3. **Priorities.** A verdict rule or defeater *applies* when its condition holds and none of
///    its blockers (the rules ranked above it by `exception_to`, transitively) applies:
///    `applies(r) = condition(r) ∧ ¬(applies(b₁) ∨ applies(b₂) ∨ …)`.
/// 4. **Immediate category.** When some verdict rule applies, its category (all that apply share
///    it: the compiler orders rules of different categories).
/// 5. **Settled before undetermined** (contract v1.1). Otherwise the open facts are answered in
///    every combination of their answer domains (``domain(_:asOf:)``): when the combinations that
///    decide lead to exactly one category, that is the verdict; else it is `undetermined`. (Kleene
///    logic is monotone, so a combination stops as soon as a rule applies: ``reachable(_:_:into:)``.)
/// 6. **Grounds** of a settled verdict are those of the rules of its category whose condition holds
///    and that nothing but rules of the same category might still block (the grounds known so far).
/// 7. **Exemptions** suspend deciding rules: the first exemption of the regime suspending one of
///    them whose condition holds on the date and whose end (`until`, or the earliest of its dates
///    and date facts) is after the date. An exemption that may apply gives exemption questions.
/// 8. **Questions.** Undetermined: the open facts some answer to which changes whether some rule of
///    the regime applies. Settled from undetermined: the open facts some answer to which adds a
///    ground or changes the exemption (those asked about the exemption are exemption questions).
///    Decided at once: none but the exemption questions.
/// 9. **Outcomes.** For each question, each answer in the fact's domain alone, the verdict it gives
///    (category, exemption), other facts staying unknown.
public struct ReferenceEvaluator: Sendable {
    public let graph: RuleGraph
    /// Per fact slot, whether the contract types it as a date.
    private let isDate: [Bool]

    public init(graph: RuleGraph) {
        self.graph = graph
        let dates = Set(graph.vocabulary.factFields.filter { $0.field.type == .date }.map(\.path))
        isDate = graph.factPaths.map(dates.contains)
    }

    /// What one answer alone gives.
    public struct Outcome: Sendable, Hashable {
        public var answer: FactValue
        public var category: Category
        /// The exemption that applies with this answer, and its end.
        public var exemption: String?
        public var exemptionUntil: CalendarDate?
    }

    /// A regime's verdict as the rules mean it (questions as sets: their order is ranking, not meaning).
    public struct Verdict: Sendable, Hashable {
        public var category: Category
        public var deciding: [String]
        public var grounds: [String]
        public var exemption: String?
        public var exemptionUntil: CalendarDate?
        /// Fact path → outcomes of its answers.
        public var questions: [String: [Outcome]]
        public var exemptionQuestions: [String: [Outcome]]
        /// Whether an exemption suspending a deciding rule may still apply (its condition or end unknown).
        public var exemptionOpen: Bool
    }

    // MARK: 1. Facts

    /// The measure's facts by slot, with the contract defaults.
    public func facts(of measure: Measure) -> [FactValue] {
        var facts = measure.factValues
        if let t = graph.factSlots["transitional_measures"], facts[t] == .unknown { facts[t] = .list([]) }
        if let c = graph.factSlots["period.contracts_concluded"], let f = graph.factSlots["period.from"], facts[c] == .unknown {
            facts[c] = facts[f]
        }
        return facts
    }

    // MARK: 2. Conditions

    struct World {
        var facts: [FactValue]
        let asOf: CalendarDate
    }

    func condition(_ rule: Int, _ world: World) -> TriValue {
        guard graph.rules[rule].definition.inForce.contains(world.asOf) else { return .false }
        return value(graph.rules[rule].condition, world)
    }

    func value(_ node: Int, _ world: World) -> TriValue {
        let facts = world.facts
        switch graph.nodes[node] {
        case .always: return .true
        case .all(let parts):
            let values = parts.map { value($0, world) }
            return values.contains(.false) ? .false : values.contains(.unknown) ? .unknown : .true
        case .any(let parts):
            let values = parts.map { value($0, world) }
            return values.contains(.true) ? .true : values.contains(.unknown) ? .unknown : .false
        case .not(let part): return !value(part, world)
        case .rule(let r): return condition(r, world)
        // A fact test means what its operator says (Sources/RuleCompiler/Operators/).
        case .fact(let slot, let test): return test.op.evaluate(facts[slot], FactTestContext(asOf: world.asOf, tables: graph.tables))
        case .asOf(let op, let date): return TriValue(op.holds(world.asOf, date))
        case .memberOf(let table):
            guard let rows = memberRows(table, world) else { return .unknown }
            return TriValue(rows.contains { $0.membership?.contains(world.asOf) ?? false })
        case .memberAttribute(let table, let column, let literals):
            guard let rows = memberRows(table, world) else { return .unknown }
            // The row in force on the date (or undated), else the last row.
            guard let row = rows.first(where: { $0.membership?.contains(world.asOf) ?? true }) ?? rows.last else { return .false }
            return TriValue(row.values[column].map(literals.contains) ?? false)
        }
    }

    /// The member state's rows in a member table (none when it has none); `nil` when the member is unknown.
    private func memberRows(_ table: Int, _ world: World) -> [MemberRow]? {
        guard let slot = graph.factSlots["member_state"], case .text(let code) = world.facts[slot] else { return nil }
        return graph.tables[table].rows[code] ?? []
    }

    // MARK: 3–4. Priorities and the immediate category

    /// Whether each rule of the regime's order applies (rules outside it: false).
    func applications(_ regime: RuleGraph.RegimePlan, _ world: World) -> [TriValue] {
        var applies = [TriValue](repeating: .false, count: graph.rules.count)
        for r in regime.order {
            var blocked = TriValue.false
            for b in graph.rules[r].blockers {
                blocked = applies[b] == .true || blocked == .true ? .true : applies[b] == .unknown ? .unknown : blocked
            }
            let c = condition(r, world)
            applies[r] = c == .false || blocked == .true ? .false : c == .unknown || blocked == .unknown ? .unknown : .true
        }
        return applies
    }

    func category(of rule: Int) -> Category? {
        if case .verdict(let category, _) = graph.rules[rule].role { return category }
        return nil
    }

    /// The category of the verdict rules that apply, if any does.
    func immediate(_ regime: RuleGraph.RegimePlan, _ applies: [TriValue]) -> Category? {
        regime.verdicts.first { applies[$0] == .true }.flatMap(category(of:))
    }

    // MARK: 5. Settled before undetermined

    /// The answers tried for an unknown fact: its answer domain (``AnswerDomains``), and for a date
    /// the evaluation date and the day before. List facts are answered one value at a time.
    public func domain(_ slot: Int, asOf: CalendarDate) -> [FactValue] {
        var answers = graph.answers[slot]
        if isDate[slot] {
            for d in [asOf, asOf.adding(days: -1)] where !answers.contains(.date(d)) { answers.append(.date(d)) }
        }
        return answers
    }

    /// The unknown facts that a rule of the regime whose application is unknown reads, in slot order.
    func open(_ regime: RuleGraph.RegimePlan, _ world: World, _ applies: [TriValue]) -> [Int] {
        var slots = Set<Int>()
        for r in regime.order where applies[r] == .unknown { slots.formUnion(graph.rules[r].reads) }
        return slots.filter { world.facts[$0] == .unknown && !domain($0, asOf: world.asOf).isEmpty }.sorted()
    }

    /// The known facts that an undecided rule reads and that a test still finds unknown: an HS
    /// code broader than a listed line (or an empty list of codes). Asked only when no unknown fact
    /// can decide the verdict; answer combinations do not try them.
    func imprecise(_ regime: RuleGraph.RegimePlan, _ world: World, _ applies: [TriValue]) -> [Int] {
        var slots = Set<Int>()
        for r in regime.order where applies[r] == .unknown { slots.formUnion(graph.rules[r].reads) }
        return slots.filter { slot in
            world.facts[slot] != .unknown && graph.nodes.indices.contains { node in
                guard case .fact(slot, let test) = graph.nodes[node] else { return false }
                return test.op.mayBeImprecise && value(node, world) == .unknown
            }
        }.sorted()
    }

    /// The categories the answers can lead to (a combination that decides nothing adds none),
    /// added to `found`. Answers the open facts in turn, each in every value of its domain, and
    /// stops once two are found or when no category the rules still allow would be new.
    func reachable(_ regime: RuleGraph.RegimePlan, _ world: World, into found: inout Set<Category>) {
        let applies = applications(regime, world)
        if let category = immediate(regime, applies) {
            found.insert(category)
            return
        }
        // Kleene logic is monotone: a rule that does not apply now applies in no answer combination.
        let allowed = Set(regime.verdicts.filter { applies[$0] == .unknown }.compactMap(category(of:)))
        guard !allowed.isSubset(of: found), let slot = open(regime, world, applies).first else { return }
        for answer in domain(slot, asOf: world.asOf) {
            var answered = world
            answered.facts[slot] = answer
            reachable(regime, answered, into: &found)
            if found.count > 1 { return }
        }
    }

    // MARK: 6–9. The verdict

    public func verdict(regime k: Int, facts: [FactValue], asOf: CalendarDate) -> Verdict {
        verdict(regime: k, World(facts: facts, asOf: asOf), questions: true)
    }

    /// The verdict; without `questions`, only its category, grounds and exemption (and whether
    /// exemption questions remain, each with no outcomes).
    func verdict(regime k: Int, _ world: World, questions: Bool) -> Verdict {
        let regime = graph.regimes[k]
        let applies = applications(regime, world)
        var result = Verdict(category: .undetermined, deciding: [], grounds: [], exemption: nil, exemptionUntil: nil,
                             questions: [:], exemptionQuestions: [:], exemptionOpen: false)
        var deciding: [Int]
        var settledLater = false
        if let category = immediate(regime, applies) {
            result.category = category
            deciding = regime.verdicts.filter { applies[$0] == .true }
        } else {
            var reached = Set<Category>()
            reachable(regime, world, into: &reached)
            guard reached.count == 1, let category = reached.first else {
                // Undetermined: the facts some answer to which changes some rule's application.
                guard questions else { return result }
                for slot in open(regime, world, applies) where domain(slot, asOf: world.asOf).contains(where: { answer in
                    var answered = world
                    answered.facts[slot] = answer
                    return applications(regime, answered) != applies
                }) {
                    result.questions[graph.factPaths[slot]] = outcomes(k, slot, world)
                }
                // No unknown fact can decide it: the facts given too broadly to decide it are asked.
                if result.questions.isEmpty {
                    for slot in imprecise(regime, world, applies) {
                        result.questions[graph.factPaths[slot]] = outcomes(k, slot, world)
                    }
                }
                return result
            }
            result.category = category
            settledLater = true
            deciding = regime.verdicts.filter { r in
                self.category(of: r) == category && condition(r, world) == .true
                    && graph.rules[r].blockers.allSatisfy { applies[$0] == .false || self.category(of: $0) == category }
            }
        }
        result.deciding = deciding.map { graph.rules[$0].id }.sorted()
        result.grounds = Array(Set(deciding.compactMap { r -> String? in
            if case .verdict(_, let ground) = graph.rules[r].role { return ground }
            return nil
        })).sorted()
        // 7. The exemption.
        var unknownExemptions: [Int] = []
        for e in regime.exemptions where deciding.contains(where: graph.rules[e].suspends.contains) {
            var value = condition(e, world)
            guard value != .false else { continue }
            let end = exemptionEnd(e, world)
            if let known = end.known, world.asOf >= known { continue }
            if end.unknownFacts, value == .true { value = .unknown }
            if value == .true {
                result.exemption = graph.rules[e].id
                result.exemptionUntil = end.known
                unknownExemptions = []
                break
            }
            unknownExemptions.append(e)
        }
        result.exemptionOpen = !unknownExemptions.isEmpty
        var exemptionSlots = Set<Int>()
        for e in unknownExemptions {
            exemptionSlots.formUnion(graph.rules[e].reads.filter { world.facts[$0] == .unknown })
        }
        for slot in exemptionSlots {
            result.exemptionQuestions[graph.factPaths[slot]] = questions ? outcomes(k, slot, world) : []
        }
        // 8. A verdict settled from undetermined keeps the facts that could add a ground or change the exemption.
        if settledLater, questions {
            for slot in open(regime, world, applies) where !exemptionSlots.contains(slot) {
                let changes = domain(slot, asOf: world.asOf).contains { answer in
                    var answered = world
                    answered.facts[slot] = answer
                    let then = verdict(regime: k, answered, questions: false)
                    return !Set(then.grounds).isSubset(of: result.grounds) || then.exemption != result.exemption
                        || then.exemptionOpen != result.exemptionOpen
                }
                if changes { result.questions[graph.factPaths[slot]] = outcomes(k, slot, world) }
            }
        }
        return result
    }

    /// What each answer to the fact in `slot` gives alone (the outcomes of a question about it).
    public func outcomes(regime k: Int, slot: Int, facts: [FactValue], asOf: CalendarDate) -> [Outcome] {
        outcomes(k, slot, World(facts: facts, asOf: asOf))
    }

    /// 9. What each answer to the fact in `slot` gives alone.
    func outcomes(_ k: Int, _ slot: Int, _ world: World) -> [Outcome] {
        domain(slot, asOf: world.asOf).map { answer in
            var answered = world
            answered.facts[slot] = answer
            let then = verdict(regime: k, answered, questions: false)
            return Outcome(answer: answer, category: then.category, exemption: then.exemption, exemptionUntil: then.exemptionUntil)
        }
    }

    /// An exemption's end (exclusive): its date, or the earliest of its dates and the date facts known.
    func exemptionEnd(_ e: Int, _ world: World) -> (known: CalendarDate?, unknownFacts: Bool) {
        guard case .exemption(let until, _) = graph.rules[e].definition.conclusion else { return (nil, false) }
        switch until {
        case .date(let d): return (d, false)
        case .open: return (nil, false)
        case .earliest(let dates, let paths):
            var earliest = dates.min()
            var unknown = false
            for path in paths {
                if let slot = graph.factSlots[path], case .date(let d) = world.facts[slot] {
                    earliest = min(earliest ?? d, d)
                } else {
                    unknown = true
                }
            }
            return (earliest, unknown)
        }
    }
}
