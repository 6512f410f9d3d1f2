import Diagnostics
import Measures
import YAMLLoader

/// Turns decoded rule files into a ``RuleGraph`` and runs the compiler's checks.
struct GraphBuilder {
    var bag = DiagnosticBag()
    let files: [RuleFile]
    let sources: [String: SourceText]

    var rules: [RuleDefinition] = []
    var ruleIndex: [String: Int] = [:]
    var tables: [RuleGraph.Table] = []
    var tableIndex: [String: Int] = [:]
    var calendars: [CalendarDefinition] = []
    var calendarIndex: [String: Int] = [:]
    var fixtures: [String: FixtureDefinition] = [:]
    var nodes: [ExprNode] = []
    /// The vocabulary the rules are written against (without claimable exemptions: the builder
    /// finds those, ``claimableExemptions(_:)``).
    let vocabulary: MeasureVocabulary
    let factPaths: [String]
    let factTypes: [String: MeasureSchema.FieldType]
    let factSlots: [String: Int]
    /// Values tested against a `claims` fact, checked once the claimable exemptions are known.
    var claimTests: [(value: String, path: String, range: SourceRange)] = []

    let requireExamples: Bool

    init(files: [RuleFile], sources: [String: SourceText], requireExamples: Bool, vocabulary: MeasureVocabulary) {
        self.files = files
        self.sources = sources
        self.requireExamples = requireExamples
        self.vocabulary = vocabulary
        factPaths = vocabulary.factPaths
        factSlots = vocabulary.factSlots
        factTypes = Dictionary(vocabulary.factFields.map { ($0.path, $0.field.type) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func build() -> RuleGraph {
        collectSymbols()
        var compiled: [RuleGraph.Rule] = []
        for rule in rules {
            let root = compileCondition(rule.when)
            compiled.append(RuleGraph.Rule(
                definition: rule, role: role(of: rule), condition: root, reads: [], dependsOn: dependencies(root),
                exceptions: [], blockers: [], suspends: []))
        }
        checkLocate()
        checkPredicateCycles(compiled)
        linkExceptions(&compiled)
        computeReads(&compiled)
        let regimes = planRegimes(&compiled)
        checkUnreachable(compiled)
        checkCalendarOverlap()
        checkExamples()
        let claimable = claimableExemptions(compiled)
        checkClaimTests(claimable)
        return RuleGraph(
            rules: compiled, ruleIndex: ruleIndex, nodes: nodes, tables: tables, tableIndex: tableIndex,
            calendars: calendars, calendarIndex: calendarIndex, fixtures: fixtures, regimes: regimes,
            vocabulary: vocabulary.claiming(claimable), sources: sources,
            program: program(compiled),
            answers: AnswerDomains.build(nodes: nodes, tables: tables, factPaths: factPaths, types: factTypes))
    }

    // MARK: - Symbols

    /// Registers every id once; a second definition is an error with a note at the first.
    private mutating func collectSymbols() {
        var seen: [String: SourceRange] = [:]
        func claim(_ id: String, _ range: SourceRange, _ bag: inout DiagnosticBag) -> Bool {
            if let first = seen[id] {
                bag.error("graph.duplicate-id", "'\(id)' is defined twice", at: range, notes: [Note("first defined here", at: first)])
                return false
            }
            seen[id] = range
            return true
        }
        for file in files {
            for rule in file.rules where claim(rule.id, rule.idRange, &bag) {
                ruleIndex[rule.id] = rules.count
                rules.append(rule)
            }
            for table in file.tables where claim(table.id, table.idRange, &bag) {
                tableIndex[table.id] = tables.count
                tables.append(compileTable(table))
            }
            for calendar in file.calendars where claim(calendar.id, calendar.idRange, &bag) {
                calendarIndex[calendar.id] = calendars.count
                calendars.append(calendar)
            }
            for fixture in file.fixtures where claim(fixture.id, fixture.idRange, &bag) {
                fixtures[fixture.id] = fixture
            }
        }
    }

    private mutating func compileTable(_ table: TableDefinition) -> RuleGraph.Table {
        switch table.content {
        case .codes(let codes):
            return RuleGraph.Table(definition: table, rows: [:], codes: codes.sorted())
        case .members(_, let rows):
            var byKey: [String: [MemberRow]] = [:]
            for row in rows {
                for other in byKey[row.key] ?? [] {
                    if let a = row.membership, let b = other.membership, a.overlaps(b) {
                        bag.error("table.overlap", "'\(row.key)' has two rows in force on the same days in table '\(table.id)'",
                                  at: row.range, notes: [Note("the other row", at: other.range)])
                    } else if row.membership == nil || other.membership == nil {
                        bag.error("table.duplicate-key", "'\(row.key)' appears twice in table '\(table.id)'",
                                  at: row.range, notes: [Note("first row", at: other.range)])
                    }
                }
                byKey[row.key, default: []].append(row)
            }
            return RuleGraph.Table(definition: table, rows: byKey, codes: [])
        }
    }

    private mutating func role(of rule: RuleDefinition) -> RuleGraph.Role {
        switch rule.conclusion {
        case .predicate:
            return rule.exceptionTo.isEmpty ? .predicate : .defeater
        case .verdict(let category, let ground):
            return .verdict(category: category, ground: ground)
        case .exemption:
            return .exemption
        case .note(let text):
            return .note(text)
        case .obligation(let kind, let calendar):
            guard let c = calendarIndex[calendar] else {
                bag.error("graph.unknown-reference", "rule '\(rule.id)' names calendar '\(calendar)', which is not defined\(suggest(calendar, Array(calendarIndex.keys)))",
                          at: rule.thenRange ?? rule.idRange)
                return .obligation(kind: kind, calendar: -1)
            }
            let cal = calendars[c]
            if cal.kind != kind || cal.regime != rule.regime {
                bag.error("graph.mismatch", "rule '\(rule.id)' is a '\(kind)' obligation of '\(rule.regime?.rawValue ?? "?")' but calendar '\(calendar)' is '\(cal.kind)' of '\(cal.regime.rawValue)'",
                          at: rule.thenRange ?? rule.idRange, notes: [Note("the calendar", at: cal.idRange)])
            }
            return .obligation(kind: kind, calendar: c)
        }
    }

    /// The conditions compiled for fast evaluation.
    func program(_ compiled: [RuleGraph.Rule]) -> EvalProgram {
        EvalProgram(
            nodes: nodes, domains: factPaths.map { choiceDomain(factTypes[$0]) }, tables: tables,
            rules: compiled.map { ($0.condition, $0.definition.inForce) }, layout: FactLayout(slots: factSlots))
    }

    /// The allowed values of a choice or list-of-choices fact (bit order for ``EvalProgram``).
    func choiceDomain(_ type: MeasureSchema.FieldType?) -> [String]? {
        switch type {
        case .choice(let allowed)?, .choiceList(let allowed)?: allowed
        default: nil
        }
    }

    func suggest(_ name: String, _ candidates: [String]) -> String {
        Suggestion.hint(for: name, in: candidates)
    }

    private mutating func checkLocate() {
        for rule in rules {
            if let path = rule.locate, factSlots[path] == nil {
                bag.error("graph.unknown-fact", "'locate' names '\(path)', which is not a fact of the measure contract\(suggest(path, factPaths))",
                          at: rule.locateRange ?? rule.idRange)
            }
        }
    }
}
