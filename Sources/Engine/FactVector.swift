import FastPath
public import Measures
public import RuleCompiler

/// A measure's facts laid out by the graph's slots, ready for evaluation: each fact as a
/// ``FactCell`` (read by the compiled leaf tests) and as its ``FactValue`` (read by the rest).
public struct FactVector: Sendable {
    /// The measure's values (shared with the measure, never copied); ``subscript(_:)`` applies the defaults.
    private var values: [FactValue]
    private(set) var cells: [FactCell]
    /// Slots whose unknown value the contract defaults (see ``init(measure:graph:)``), or -1.
    private var emptyListSlot = -1
    private var defaultedSlot = -1
    private var defaultedFrom = -1
    /// A value tried in place of the measure's (question ranking), or -1; the measure's cell and
    /// whether it was unknown, to put back.
    private var probeSlot = -1
    private var probeValue = FactValue.unknown
    private var probeCell = FactCell.unknown
    private var probeWasUnknown = false
    private let memberStateSlot: Int
    /// The member state code, when known.
    public private(set) var memberState: String?
    /// The member state's number in the graph's member tables (``EvalProgram/memberKeys``), -1 when
    /// no table lists it, ``unknownMember`` when it is unknown.
    private(set) var memberKey = FactVector.unknownMember
    static let unknownMember = -2
    private let memberKeys: [String: Int]
    /// The slots whose value is unknown.
    public private(set) var unknownSlots = SlotSet()

    /// Lays out `measure`'s facts. Two contract defaults apply: an omitted `transitional_measures`
    /// claims nothing (an empty list), and an omitted `period.contracts_concluded` is `period.from`
    /// ("where that differs from `from`").
    public init(measure: borrowing Measure, graph: RuleGraph) {
        self.init(measure: measure, graph: graph, buffer: [])
    }

    /// Lays out the facts in `buffer`'s storage (reused when it has one cell per slot).
    @inline(__always)
    init(measure: borrowing Measure, graph: RuleGraph, buffer: consuming [FactCell]) {
        let program = graph.program
        let layout = program.layout
        // The graph lays facts out in the contract's order (GraphBuilder), as the measure stores them.
        let values = measure.factValues
        precondition(values.count == graph.factPaths.count, "the graph's fact slots are the contract's")
        var cells = consume buffer
        // Every cell is written below: the buffer only needs the right size.
        if cells.count != values.count { cells = [FactCell](repeating: .unknown, count: values.count) }
        var unknown = SlotSet()
        // Values are encoded as `EvalProgram.cell` does, without copying them: a text or list of
        // text through its slot's choice table (a hash and a comparison per value), 0 without one.
        let tables = program.choiceTables
        UncheckedMutableView.of(&cells) { cells in
            UncheckedView.of(values) { values in
                UncheckedView.of(tables) { tables in
                    for slot in values.indices {
                        switch values[slot] {
                        case .unknown: cells[slot] = .unknown; unknown.insert(slot)
                        case .bool(let b): cells[slot] = FactCell(bool: b)
                        case .date(let d): cells[slot] = FactCell(date: d)
                        case .number(let n): cells[slot] = FactCell(number: n)
                        case .text(let text):
                            cells[slot] = FactCell(tag: .text, word: tables[slot]?.bit(text) ?? 0)
                        case .list(let items):
                            var word: UInt64 = 0
                            if let table = tables[slot] {
                                for item in items { word |= table.bit(item) }
                            }
                            cells[slot] = FactCell(tag: .list, word: word)
                        }
                    }
                }
            }
        }
        var emptyListSlot = -1, defaultedSlot = -1, defaultedFrom = -1
        let transitional = layout.transitionalMeasures
        if transitional >= 0, unknown.contains(transitional) {
            emptyListSlot = transitional
            cells[transitional] = EvalProgram.cell(.list([]), domain: program.domains[transitional])
            unknown.remove(transitional)
        }
        let concluded = layout.contractsConcluded, from = layout.periodFrom
        if concluded >= 0, from >= 0, unknown.contains(concluded), !unknown.contains(from) {
            defaultedSlot = concluded
            defaultedFrom = from
            cells[concluded] = cells[from]
            unknown.remove(concluded)
        }
        var memberState: String?, memberKey = Self.unknownMember
        if layout.memberState >= 0, case .text(let code) = values[layout.memberState] {
            memberState = code
            // A member state the rules name has a bit in its cell; only another one is looked up.
            let word = cells[layout.memberState].word
            let bit = word.trailingZeroBitCount
            memberKey = word != 0 && bit < program.memberStateKeys.count ? program.memberStateKeys[bit] : program.memberKeys[code] ?? -1
        }
        self.values = values
        self.cells = cells
        self.emptyListSlot = emptyListSlot
        self.defaultedSlot = defaultedSlot
        self.defaultedFrom = defaultedFrom
        self.memberStateSlot = layout.memberState
        self.memberState = memberState
        self.memberKey = memberKey
        self.memberKeys = program.memberKeys
        self.unknownSlots = unknown
    }

    /// The fact in `slot`, with the contract defaults applied.
    public subscript(slot: Int) -> FactValue {
        if slot == probeSlot { return probeValue }
        if slot == emptyListSlot { return .list([]) }
        if slot == defaultedSlot { return values[defaultedFrom] }
        return values[slot]
    }

    /// Whether the fact in `slot` is unknown.
    public func isUnknown(_ slot: Int) -> Bool { unknownSlots.contains(slot) }

    /// Hands the cells' storage over (for the next measure); the vector is left without cells.
    mutating func takeCells() -> [FactCell] {
        var out: [FactCell] = []
        swap(&out, &cells)
        return out
    }

    /// Tries `value` in place of the fact in `slot` until ``endProbe()`` (for ranking questions).
    /// One fact at a time: probing another fact needs ``endProbe()`` first.
    mutating func probe(_ slot: Int, _ value: FactValue, cell: FactCell) {
        precondition(probeSlot < 0 || probeSlot == slot, "probe one fact at a time")
        if probeSlot < 0 {
            probeSlot = slot
            probeCell = cells[slot]
            probeWasUnknown = unknownSlots.contains(slot)
        }
        probeValue = value
        cells[slot] = cell
        if case .unknown = value { unknownSlots.insert(slot) } else { unknownSlots.remove(slot) }
        if slot == memberStateSlot {
            if case .text(let code) = value { setMemberState(code) } else { setMemberState(nil) }
        }
    }

    /// Sets the member state and its number in the member tables.
    private mutating func setMemberState(_ code: String?) {
        memberState = code
        memberKey = code.map { memberKeys[$0] ?? -1 } ?? Self.unknownMember
    }

    /// Puts back the measure's value after ``probe(_:_:cell:)``.
    mutating func endProbe() {
        guard probeSlot >= 0 else { return }
        let slot = probeSlot
        cells[slot] = probeCell
        if probeWasUnknown { unknownSlots.insert(slot) } else { unknownSlots.remove(slot) }
        probeSlot = -1
        probeValue = .unknown
        if slot == memberStateSlot {
            if case .text(let code) = values[slot] { setMemberState(code) } else { setMemberState(nil) }
        }
    }

    /// A copy with one fact set to `value` (any number of facts can be set one after another; a
    /// probe in progress is ended first). Copies the values: for the rare paths (answer combinations).
    public func setting(_ slot: Int, to value: FactValue, program: EvalProgram) -> FactVector {
        var copy = self
        copy.endProbe()
        copy.values[slot] = value
        if slot == copy.emptyListSlot { copy.emptyListSlot = -1 }
        if slot == copy.defaultedSlot { copy.defaultedSlot = -1 }
        copy.cells[slot] = program.cell(value, slot: slot)
        if case .unknown = value { copy.unknownSlots.insert(slot) } else { copy.unknownSlots.remove(slot) }
        if slot == memberStateSlot {
            if case .text(let code) = value { copy.setMemberState(code) } else { copy.setMemberState(nil) }
        }
        return copy
    }
}

/// A set of fact slots (at most ``capacity``), as bits.
public struct SlotSet: Sendable, Equatable {
    public static let capacity = 128
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    public init() {}

    public init(_ slots: some Sequence<Int>) {
        for s in slots { insert(s) }
    }

    public func contains(_ slot: Int) -> Bool {
        slot < 64 ? low & (1 << UInt64(slot)) != 0 : high & (1 << UInt64(slot - 64)) != 0
    }

    public mutating func insert(_ slot: Int) {
        if slot < 64 { low |= 1 << UInt64(slot) } else { high |= 1 << UInt64(slot - 64) }
    }

    public mutating func remove(_ slot: Int) {
        if slot < 64 { low &= ~(1 << UInt64(slot)) } else { high &= ~(1 << UInt64(slot - 64)) }
    }

    public var isEmpty: Bool { low == 0 && high == 0 }

    public var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    public mutating func formUnion(_ other: SlotSet) {
        low |= other.low
        high |= other.high
    }

    public mutating func subtract(_ other: SlotSet) {
        low &= ~other.low
        high &= ~other.high
    }

    public func intersection(_ other: SlotSet) -> SlotSet {
        var out = SlotSet()
        out.low = low & other.low
        out.high = high & other.high
        return out
    }

    /// The lowest slot, if any.
    public var first: Int? {
        low != 0 ? low.trailingZeroBitCount : high != 0 ? 64 + high.trailingZeroBitCount : nil
    }

    /// The slots in ascending order.
    public var sorted: [Int] {
        var out: [Int] = []
        out.reserveCapacity(low.nonzeroBitCount + high.nonzeroBitCount)
        forEach { out.append($0) }
        return out
    }

    /// Calls `body` with each slot, in ascending order.
    public func forEach(_ body: (Int) -> Void) {
        var w = low
        while w != 0 { body(w.trailingZeroBitCount); w &= w - 1 }
        w = high
        while w != 0 { body(64 + w.trailingZeroBitCount); w &= w - 1 }
    }
}
