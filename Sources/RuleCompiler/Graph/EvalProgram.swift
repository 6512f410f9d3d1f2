package import FastPath
public import Measures

/// The conditions of the graph compiled once more for speed: nodes with no heap payload, children
/// in one flat array, and leaf tests over ``FactCell``s: choices as bit masks over each fact's list
/// of allowed values, dates as day numbers. Node `i` here is node `i` of ``RuleGraph/nodes``. The
/// tables the evaluator reads per measure are in ``code``; the rest says how to lay facts out.
public final class EvalProgram: Sendable {
    public enum Node: Sendable {
        case always
        case all(start: Int32, count: Int32)
        case any(start: Int32, count: Int32)
        case not(Int32)
        case rule(Int32)
        /// A yes/no fact equals the value.
        case flag(slot: Int32, Bool)
        /// A choice fact is one of the values in the mask.
        case choice(slot: Int32, mask: UInt64)
        /// A list-of-choices fact has an item in the mask.
        case listAny(slot: Int32, mask: UInt64)
        /// Every item of a non-empty list-of-choices fact is in the mask.
        case listAll(slot: Int32, mask: UInt64)
        /// A date fact compared with a day number; ``asOfDay`` stands for the evaluation date.
        case date(slot: Int32, DateComparison, day: Int)
        /// The evaluation date compared with a day number.
        case asOf(DateComparison, day: Int)
        case number(slot: Int32, NumberComparison, Double)
        /// Every (`all`) or some HS code of a list fact falls under the code list of table `table`
        /// (packed: ``HSCodeList``).
        case hsCodes(slot: Int32, table: Int32, all: Bool)
        /// The member state is a member on the evaluation date, per member table `table`'s rows.
        case member(table: Int32)
        /// An attribute of the member state's row matches, per attribute test `test` (``EvalCode``).
        case memberAttribute(test: Int32)
        /// A fact test with no fast form (``FactOperator/fastNode(slot:_:)``: an operator without
        /// one, or a text-set test the bit masks cannot hold, on a fact with more than 63 values or
        /// with mixed literals): ``FactOperator/evaluate(_:_:)`` of ``RuleGraph/nodes`` at the same
        /// index, on the fact value.
        case general
    }

    /// The day number that stands for "the evaluation date" in ``Node/date(slot:_:day:)``.
    public static let asOfDay = Int.min

    /// Per fact slot, the values its tests tell apart, in bit order (at most 63; bit 63 marks any
    /// other value): a choice fact's choices, or for a text fact the values the rules name.
    public let domains: [[String]?]
    /// Per fact slot: where a text or list fact's cell word comes from (see ``CellSource``).
    public let cellSources: [CellSource]

    /// Where the cell word of a text or list fact comes from.
    public enum CellSource: UInt8, Sendable {
        /// The slot's domain is the field's allowed values as the contract lists them (every
        /// decoded value is in it); the word is its bit in ``choiceTables``.
        case contractBits
        /// The slot has no domain (no test tells its values apart): the word is 0.
        case none
        /// The word is worked out from the values (``cell(_:domain:)``, or ``choiceTables``).
        case values
    }
    /// Per fact slot with a domain, the domain as a ``ChoiceTable`` (in the fence): how a measure's
    /// text and list values become their cells' words (``FactVector``), as ``cell(_:domain:)`` does.
    package let choiceTables: [ChoiceTable?]
    /// Per table: the HS code list in packed form (``HSCodeList``), `nil` for member tables.
    public let hsTables: [HSCodeList?]
    /// Every key of every member table, numbered: the member state is looked up once per measure.
    public let memberKeys: [String: Int]
    /// Per value of `member_state`'s domain (bit order), its number in ``memberKeys`` (-1: none), so
    /// that a member state the rules name is looked up by its bit.
    public let memberStateKeys: [Int]
    /// The slots of the facts the engine treats specially (-1 when the catalogue has no such fact).
    public let layout: FactLayout
    /// The compiled nodes, the rules' roots and days in force, the member rows, attribute matches
    /// and packed HS lists: what the evaluator reads for every measure, as plain memory.
    public let code: EvalCode

    /// Compiles `graph` nodes; `domains` gives the allowed values of each choice slot, `tables` the
    /// graph's tables, `rules` each rule's condition root and days in force, `layout` where the
    /// specially treated facts sit.
    /// Table indices in `graphNodes` are valid (the graph builder replaces a test of an unknown
    /// table before this runs).
    public init(
        nodes graphNodes: [ExprNode], domains: [[String]?], tables: [RuleGraph.Table], rules: [(root: Int, inForce: DateRange)],
        layout: FactLayout
    ) {
        self.layout = layout
        self.domains = Self.domains(domains, named: graphNodes)
        cellSources = zip(domains, self.domains).map { contract, domain in
            if let contract, contract.count <= 63 { return .contractBits }
            return domain == nil ? .none : .values
        }
        choiceTables = self.domains.map { $0.map(ChoiceTable.init) }
        hsTables = tables.map { table in
            if case .codes = table.definition.content { HSCodeList(table.codes) } else { nil }
        }
        var memberKeys: [String: Int] = [:]
        for table in tables {
            for key in table.rows.keys.sorted() where memberKeys[key] == nil { memberKeys[key] = memberKeys.count }
        }
        self.memberKeys = memberKeys
        memberStateKeys = (layout.memberState >= 0 ? self.domains[layout.memberState] ?? [] : []).map { memberKeys[$0] ?? -1 }
        let keys = memberKeys.sorted { $0.value < $1.value }.map(\.key)
        // Per table, per member key number: that member's rows (empty for code lists).
        let memberTables = tables.map { table in keys.map { (table.rows[$0] ?? []).map(MemberSpan.init) } }
        // Per `memberAttribute` node: its table, and per member key number and row whether the row matches.
        var attributeTests: [(table: Int, matches: [[Bool]])] = []
        var nodes: [Node] = []
        var children: [Int32] = []
        nodes.reserveCapacity(graphNodes.count)
        let form = FastForm(domains: self.domains)
        for node in graphNodes {
            switch node {
            case .always: nodes.append(.always)
            case .all(let c), .any(let c):
                let start = Int32(children.count)
                children += c.map(Int32.init)
                if case .all = node { nodes.append(.all(start: start, count: Int32(c.count))) } else {
                    nodes.append(.any(start: start, count: Int32(c.count)))
                }
            case .not(let c): nodes.append(.not(Int32(c)))
            case .rule(let r): nodes.append(.rule(Int32(r)))
            case .fact(let slot, let test):
                // The operator's fast form on fact cells, or its meaning on the fact value.
                nodes.append(test.op.fastNode(slot: slot, form) ?? .general)
            case .asOf(let op, let d): nodes.append(.asOf(op, day: d.dayNumber))
            case .memberOf(let table):
                nodes.append(.member(table: Int32(table)))
            case .memberAttribute(let table, let column, let values):
                let matches = keys.map { key in
                    (tables[table].rows[key] ?? []).map { row in row.values[column].map(values.contains) ?? false }
                }
                nodes.append(.memberAttribute(test: Int32(attributeTests.count)))
                attributeTests.append((table, matches))
            }
        }
        Self.cheapestFirst(&children, nodes)
        code = EvalCode(
            nodes: nodes, children: children, ruleRoots: rules.map { Int32($0.root) },
            ruleFrom: rules.map { $0.inForce.from.dayNumber }, ruleUntil: rules.map { $0.inForce.until?.dayNumber ?? Int.max },
            memberKeyCount: memberKeys.count, memberTables: memberTables, attributeTests: attributeTests, hsTables: hsTables)
    }

    /// Orders each `all` and `any` node's children cheapest first: tests of one fact's cell, then
    /// the other leaf tests, then predicates, then nested conditions (each kind in its written
    /// order). Kleene conjunction and disjunction do not depend on the order, so the values are the
    /// same; a false (true) child found early spares evaluating the rest. Explanations read the
    /// graph's nodes, in the order written.
    private static func cheapestFirst(_ children: inout [Int32], _ nodes: [Node]) {
        func cost(_ child: Int32) -> Int {
            switch nodes[Int(child)] {
            case .always, .flag, .choice, .listAny, .listAll, .date, .number, .asOf: 0
            case .member, .memberAttribute, .hsCodes, .general: 1
            case .rule: 2
            case .all, .any, .not: 3
            }
        }
        for node in nodes {
            let range: Range<Int>
            switch node {
            case .all(let start, let count), .any(let start, let count): range = Int(start)..<Int(start + count)
            case .always, .not, .rule, .flag, .choice, .listAny, .listAll, .date, .asOf, .number, .hsCodes, .member,
                 .memberAttribute, .general:
                continue
            }
            let sorted = children[range].enumerated().sorted { (cost($0.element), $0.offset) < (cost($1.element), $1.offset) }
            children.replaceSubrange(range, with: sorted.map(\.element))
        }
    }

    /// The choice domains, and for slots without one the text values the nodes test (so that text
    /// tests are bit tests too); at most 63 values each.
    private static func domains(_ choices: [[String]?], named nodes: [ExprNode]) -> [[String]?] {
        var named = [Set<String>](repeating: [], count: choices.count)
        for node in nodes {
            let texts = node.namedTexts
            if !texts.isEmpty, let slot = node.factSlot(memberState: nil) { named[slot].formUnion(texts) }
        }
        return choices.indices.map { slot in
            let domain = choices[slot] ?? (named[slot].isEmpty ? nil : named[slot].sorted())
            return domain.flatMap { $0.count <= 63 ? $0 : nil }
        }
    }

    /// A fact value as the program's leaf tests read it in `slot`.
    public func cell(_ value: FactValue, slot: Int) -> FactCell {
        Self.cell(value, domain: domains[slot])
    }

    /// A fact value as the leaf tests read it, for a slot whose choices are `domain`.
    public static func cell(_ value: FactValue, domain: [String]?) -> FactCell {
        switch value {
        case .unknown: return .unknown
        case .bool(let b): return FactCell(bool: b)
        case .text(let t): return FactCell(tag: .text, word: bit(t, domain))
        case .list(let items):
            var word: UInt64 = 0
            for item in items { word |= bit(item, domain) }
            return FactCell(tag: .list, word: word)
        case .date(let d): return FactCell(date: d)
        case .number(let n): return FactCell(number: n)
        }
    }

    /// The bit of `value` in a choice domain; bit 63 for a value outside it, 0 for a slot with none.
    private static func bit(_ value: String, _ domain: [String]?) -> UInt64 {
        guard let domain else { return 0 }
        let count = value.utf8.count
        for (i, choice) in domain.enumerated() where choice.utf8.count == count && choice == value {
            return 1 << UInt64(i)
        }
        return 1 << 63
    }
}

/// Where the facts the engine treats specially sit in a fact vector.
public struct FactLayout: Sendable {
    public var memberState = -1
    /// `transitional_measures`: omitted means an empty list.
    public var transitionalMeasures = -1
    /// `period.contracts_concluded`: omitted means `period.from`.
    public var contractsConcluded = -1
    public var periodFrom = -1

    public init() {}

    public init(slots: [String: Int]) {
        memberState = slots["member_state"] ?? -1
        transitionalMeasures = slots["transitional_measures"] ?? -1
        contractsConcluded = slots["period.contracts_concluded"] ?? -1
        periodFrom = slots["period.from"] ?? -1
    }
}

/// A member's row of a member table, as day numbers: in force from `from` until `until`
/// (exclusive); a row without membership dates is in force on no day but is still a member's row.
public struct MemberSpan: Sendable {
    public var from: Int
    public var until: Int
    public var dated: Bool

    init(_ row: MemberRow) {
        dated = row.membership != nil
        from = row.membership?.from.dayNumber ?? 0
        until = row.membership?.until?.dayNumber ?? Int.max
    }

    /// Whether the row's membership covers the day.
    public func contains(_ day: Int) -> Bool { dated && day >= from && day < until }
}

/// An HS code list, each code packed as its digits and length (``key(_:length:)``), sorted, with
/// the codes' proper even-length prefixes (to tell "broader than an entry").
public struct HSCodeList: Sendable {
    public var codes: [UInt64]
    public var prefixes: [UInt64]
    /// The chapters (first two digits, 0–99) of the codes, as bits: a code of any other chapter
    /// matches nothing, without a search.
    public var chapters: [UInt64]

    /// Packs a table's codes, which the rule decoder checked are 2 to 10 digits.
    init(_ codes: [String]) {
        var packed: [UInt64] = [], prefixes: [UInt64] = []
        for code in codes {
            var value: UInt64 = 0
            var length = 0
            for byte in code.utf8 {
                precondition(byte >= 48 && byte <= 57 && length < 15, "HS code lists hold digits only (RuleFileDecoder)")
                value = value * 10 + UInt64(byte - 48)
                length += 1
                if length % 2 == 0, length < code.utf8.count { prefixes.append(Self.key(value, length: length)) }
            }
            packed.append(Self.key(value, length: length))
        }
        self.codes = Array(Set(packed)).sorted()
        self.prefixes = Array(Set(prefixes)).sorted()
        var chapters: [UInt64] = [0, 0]
        for code in codes {
            let digits = Array(code.utf8.prefix(2))
            guard digits.count == 2 else { continue }
            let chapter = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
            chapters[chapter / 64] |= 1 << UInt64(chapter % 64)
        }
        self.chapters = chapters
    }

    public static func key(_ value: UInt64, length: Int) -> UInt64 { value << 4 | UInt64(length) }

    /// Whether a code falls under the list: true when an entry is a prefix of it (at 2, 4, 6…
    /// digits or the whole code), unknown when it is broader than an entry, else false; `nil`
    /// when the code is not all digits (measure codes are: the decoder checks them).
    public func match(_ code: String) -> TriValue? {
        Self.match(code, codes: codes, prefixes: prefixes, chapters: chapters)
    }

    /// ``match(_:)`` on a list's sorted packed codes and prefixes, and its chapters.
    /// (Generic over the words' collection: arrays here, the compiled code's unchecked views in ``EvalCode``.)
    static func match<Words: RandomAccessCollection<UInt64>>(
        _ code: String, codes: Words, prefixes: Words, chapters: Words
    ) -> TriValue? where Words.Index == Int {
        var code = code
        return code.withUTF8 { digits in
            if digits.count >= 2, digits[0] >= 48, digits[0] <= 57, digits[1] >= 48, digits[1] <= 57 {
                let chapter = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
                if chapters[chapter / 64] & (1 << UInt64(chapter % 64)) == 0 {
                    // No entry starts with these two digits: none is a prefix of the code, and the
                    // code is a prefix of none. What remains is whether it can be read at all.
                    for byte in digits where byte < 48 || byte > 57 { return nil }
                    return digits.count <= 15 ? .false : nil
                }
            }
            var value: UInt64 = 0
            var length = 0
            for byte in digits {
                guard byte >= 48, byte <= 57, length < 15 else { return nil }
                value = value * 10 + UInt64(byte - 48)
                length += 1
                if length % 2 == 0 || length == digits.count, Self.contains(codes, Self.key(value, length: length)) {
                    return .true
                }
            }
            return length >= 2 && Self.contains(prefixes, Self.key(value, length: length)) ? .unknown : .false
        }
    }

    private static func contains<Words: RandomAccessCollection<UInt64>>(_ sorted: Words, _ key: UInt64) -> Bool where Words.Index == Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == key
    }
}

/// One fact as the compiled leaf tests read it: which kind of value it is, and the value in one
/// word (choice bits, 0 or 1, a day number, or a `Double`'s bits).
public struct FactCell: Sendable, Equatable {
    public enum Tag: UInt8, Sendable {
        case unknown, bool, text, list, date, number
    }

    public var tag: Tag
    public var word: UInt64

    public init(tag: Tag, word: UInt64) {
        self.tag = tag
        self.word = word
    }

    /// An unknown fact.
    public static let unknown = FactCell(tag: .unknown, word: 0)

    /// A yes/no fact: 0 or 1.
    @inlinable public init(bool: Bool) { self.init(tag: .bool, word: bool ? 1 : 0) }

    /// A date: its day number.
    @inlinable public init(date: CalendarDate) { self.init(tag: .date, word: UInt64(bitPattern: Int64(date.dayNumber))) }

    /// A number: its `Double`'s bits.
    @inlinable public init(number: Double) { self.init(tag: .number, word: number.bitPattern) }

    /// The day number of a date cell.
    public var day: Int { Int(Int64(bitPattern: word)) }
}
