import FastPath
public import Measures
public import RuleCompiler

/// One evaluation of the graph against one measure's facts on one date, in three-valued (Kleene)
/// logic. Predicate values are computed once and remembered.
///
/// Not copyable: it owns the memory its rule values are remembered in.
public struct Evaluation: ~Copyable {
    public let graph: RuleGraph
    public private(set) var facts: FactVector
    public let asOf: CalendarDate
    let asOfDay: Int
    /// The graph's compiled conditions (kept alive by `graph`), read without reference counting.
    private let code: Lent<EvalCode>
    /// `code`'s tables the evaluator reads at every node, their views copied here so that each read
    /// is one load instead of two (through `code`).
    private let nodes: UncheckedView<EvalProgram.Node>
    private let children: UncheckedView<Int32>
    private let ruleRoots: UncheckedView<Int32>
    private let ruleFrom: UncheckedView<Int>
    private let ruleUntil: UncheckedView<Int>
    /// Per rule: 0 false, 1 true, 2 unknown, 3 not yet computed.
    private let memo: RuleMemo
    private let values: UncheckedMutableView<UInt8>

    public init(graph: RuleGraph, facts: FactVector, asOf: CalendarDate) {
        self.init(graph: graph, facts: facts, asOf: asOf, memo: nil)
    }

    /// An evaluation remembering rule values in `memo` (reused when it has one entry per rule).
    init(graph: RuleGraph, facts: consuming FactVector, asOf: CalendarDate, memo: RuleMemo?) {
        self.graph = graph
        self.facts = facts
        self.asOf = asOf
        self.asOfDay = asOf.dayNumber
        let code = graph.program.code
        self.code = Lent(code)
        nodes = code.nodes.view
        children = code.children.view
        ruleRoots = code.ruleRoots.view
        ruleFrom = code.ruleFrom.view
        ruleUntil = code.ruleUntil.view
        let count = graph.rules.count
        let memo = memo.flatMap { $0.count == count ? $0 : nil } ?? RuleMemo(repeating: 3, count: count)
        memo.view.fill(3)
        self.memo = memo
        values = memo.view
    }

    /// Hands the evaluation's buffers back to `workspace` for the next measure.
    consuming func recycle(into workspace: inout Workspace) {
        workspace.memo = memo
        workspace.cells = facts.takeCells()
    }

    /// Hands the evaluation's remembered rule values back, for another evaluation of the same measure.
    consuming func takeMemo() -> RuleMemo {
        memo
    }

    /// Whether the rule is in force on the evaluation date.
    public func inForce(_ rule: Int) -> Bool {
        asOfDay >= ruleFrom[rule] && asOfDay < ruleUntil[rule]
    }

    /// The value of a rule's condition; a rule not in force is false.
    public mutating func condition(of rule: Int) -> TriValue {
        switch values[rule] {
        case 0: return .false
        case 1: return .true
        case 2: return .unknown
        default: break
        }
        let value = inForce(rule) ? evaluate(Int(ruleRoots[rule])) : .false
        values[rule] = value == .false ? 0 : value == .true ? 1 : 2
        return value
    }

    /// The value of leaf test `index` were the fact in `slot` `value` (question ranking); the
    /// measure's fact stays replaced until ``endLeafProbe()``.
    mutating func leaf(_ index: Int, answering slot: Int, _ value: FactValue, cell: FactCell) -> TriValue {
        facts.probe(slot, value, cell: cell)
        return evaluate(index)
    }

    /// Puts back the measure's fact after ``leaf(_:answering:_:cell:)``.
    mutating func endLeafProbe() {
        facts.endProbe()
    }

    /// Evaluates a node of the expression arena (through the graph's compact program).
    public mutating func evaluate(_ index: Int) -> TriValue {
        switch nodes[index] {
        case .always:
            return .true
        case .all(let start, let count):
            var result = TriValue.true
            for k in Int(start)..<Int(start + count) {
                switch child(Int(children[k])) {
                case .false: return .false
                case .unknown: result = .unknown
                case .true: break
                }
            }
            return result
        case .any(let start, let count):
            var result = TriValue.false
            for k in Int(start)..<Int(start + count) {
                switch child(Int(children[k])) {
                case .true: return .true
                case .unknown: result = .unknown
                case .false: break
                }
            }
            return result
        case .not(let child):
            return !evaluate(Int(child))
        case .rule(let r):
            return condition(of: Int(r))
        case .flag(let slot, _), .choice(let slot, _), .listAny(let slot, _), .listAll(let slot, _), .date(let slot, _, _),
             .number(let slot, _, _):
            return Self.test(nodes[index], on: facts.cells[Int(slot)], asOfDay: asOfDay)
        case .asOf(let op, let day):
            return TriValue(op.holds(asOfDay, day))
        case .hsCodes(let slot, let table, let all):
            return hsCodes(Int(slot), Int(table), all: all)
        case .member(let table):
            return member(Int(table))
        case .memberAttribute(let test):
            return memberAttribute(Int(test))
        case .general:
            return general(index)
        }
    }

    /// A child of an `all` or `any` node. Most children are tests of one fact's cell or predicates
    /// already remembered: those are answered here, without another level of `evaluate`.
    @inline(__always)
    private mutating func child(_ index: Int) -> TriValue {
        switch nodes[index] {
        case .flag(let slot, _), .choice(let slot, _), .listAny(let slot, _), .listAll(let slot, _), .date(let slot, _, _),
             .number(let slot, _, _):
            return Self.test(nodes[index], on: facts.cells[Int(slot)], asOfDay: asOfDay)
        case .rule(let r):
            return condition(of: Int(r))
        case .always, .all, .any, .not, .asOf, .hsCodes, .member, .memberAttribute, .general:
            return evaluate(index)
        }
    }

    /// A leaf test that reads one fact's cell (`flag`, `choice`, `listAny`, `listAll`, `date`,
    /// `number`), on `cell`; unknown for any other node.
    @inline(__always)
    static func test(_ node: EvalProgram.Node, on cell: FactCell, asOfDay: Int) -> TriValue {
        switch node {
        case .flag(_, let expected):
            switch cell.tag {
            case .unknown: return .unknown
            case .bool: return TriValue((cell.word != 0) == expected)
            default: return .false
            }
        case .choice(_, let mask):
            guard cell.tag != .unknown else { return .unknown }
            return TriValue(cell.tag == .text && cell.word & mask != 0)
        case .listAny(_, let mask):
            guard cell.tag != .unknown else { return .unknown }
            return TriValue(cell.tag == .list && cell.word & mask != 0)
        case .listAll(_, let mask):
            guard cell.tag != .unknown else { return .unknown }
            return TriValue(cell.tag == .list && cell.word != 0 && cell.word & ~mask == 0)
        case .date(_, let op, let day):
            guard cell.tag == .date else { return .unknown }
            return TriValue(op.holds(cell.day, day == EvalProgram.asOfDay ? asOfDay : day))
        case .number(_, let op, let n):
            guard cell.tag == .number else { return .unknown }
            return TriValue(op.holds(Double(bitPattern: cell.word), n))
        case .always, .all, .any, .not, .rule, .asOf, .hsCodes, .member, .memberAttribute, .general:
            return .unknown
        }
    }

    // The rarer leaf tests live out of line, as static functions of what they read, so that the
    // recursive `evaluate` keeps a small frame.

    // They read the compiled code through `Lent.with` (the graph keeps it alive, so it is lent
    // without a retain), and are `mutating` only so that the evaluation is passed by
    // reference rather than copied.

    /// A fact test with no fast form, on the fact's value (``FactOperator/evaluate(_:_:)``).
    @inline(never)
    private mutating func general(_ index: Int) -> TriValue {
        guard case .fact(let slot, let test) = graph.nodes[index] else { return .unknown }
        return test.op.evaluate(facts[slot], FactTestContext(asOf: asOf, tables: graph.tables))
    }

    @inline(never)
    private mutating func hsCodes(_ slot: Int, _ table: Int, all: Bool) -> TriValue {
        code.with { Self.hsCodes(facts[slot], table, all: all, $0) }
    }

    @inline(never)
    private mutating func member(_ table: Int) -> TriValue {
        code.with { Self.member(table, key: facts.memberKey, asOfDay, $0) }
    }

    @inline(never)
    private mutating func memberAttribute(_ test: Int) -> TriValue {
        code.with { Self.memberAttribute(test, key: facts.memberKey, asOfDay, $0) }
    }

    /// The rows of member key `key` in member table `table` (none when no table lists the member
    /// state), or `nil` when the member state is unknown.
    private static func memberRows(_ table: Int, key: Int, _ code: EvalCode) -> UncheckedView<MemberSpan>? {
        guard key != FactVector.unknownMember else { return nil }
        return key >= 0 ? code.rows(table, key) : UncheckedView()
    }

    /// The member state is a member on the evaluation date, per member table `table`.
    private static func member(_ table: Int, key: Int, _ day: Int, _ code: EvalCode) -> TriValue {
        guard let rows = memberRows(table, key: key, code) else { return .unknown }
        return TriValue(rows.contains { $0.contains(day) })
    }

    /// An attribute of the member state's row in force on the evaluation date (or undated; else
    /// its last row) matches, per ``EvalProgram/attributeTests``[test].
    private static func memberAttribute(_ test: Int, key: Int, _ day: Int, _ code: EvalCode) -> TriValue {
        guard let rows = memberRows(code.attributeTable(test), key: key, code) else { return .unknown }
        guard !rows.isEmpty else { return .false }
        let row = rows.firstIndex { !$0.dated || $0.contains(day) } ?? rows.count - 1
        return TriValue(code.attributeMatches(test, key: key, row: row))
    }

    /// Every (`all`) or some code of a list of HS codes falls under a code list, in Kleene logic.
    private static func hsCodes(_ fact: FactValue, _ table: Int, all: Bool, _ code: EvalCode) -> TriValue {
        guard case .list(let codes) = fact, !codes.isEmpty else { return .unknown }
        var result: TriValue = all ? .true : .false
        for item in codes {
            // A code that is not all digits cannot be read: unknown (decoded measures have none).
            let match = code.hsMatch(table, item) ?? .unknown
            switch (match, all) {
            case (.false, true): return .false
            case (.true, false): return .true
            case (.unknown, _): result = .unknown
            default: break
            }
        }
        return result
    }
}

/// The remembered rule values of one evaluation, in memory of their own (reused between measures).
/// One evaluation or one idle workspace holds it at a time: the classifier moves it out of its
/// workspace into the evaluation (`Optional.take()`) and back (`recycle`).
typealias RuleMemo = ScratchArray<UInt8>
