public import Measures

/// The tables the evaluator reads for every measure, copied out of an ``EvalProgram`` into memory
/// of their own and read through plain pointers: the recursive evaluator then retains nothing and
/// checks no array bounds on its way down a condition. Built once with the program (every index
/// in it was checked when the program was compiled), never changed, freed with the program.
public final class EvalCode: @unchecked Sendable {
    /// ``EvalProgram/nodes``, ``EvalProgram/children`` and, per rule, its condition's root and
    /// days in force (`until` exclusive).
    package let nodes: UnsafePointer<EvalProgram.Node>
    package let children: UnsafePointer<Int32>
    package let ruleRoots: UnsafePointer<Int32>
    package let ruleFrom: UnsafePointer<Int>
    package let ruleUntil: UnsafePointer<Int>
    /// The number of member keys (``EvalProgram/memberKeys``).
    package let memberKeyCount: Int
    /// Member rows of every table, table by table and key by key: the rows of key `k` in table `t`
    /// are `spans[rowBounds[t * memberKeyCount + k] ..< rowBounds[t * memberKeyCount + k + 1]]`.
    private let spans: UnsafePointer<MemberSpan>
    private let rowBounds: UnsafePointer<Int>
    /// Per attribute test: its table, and where its matches start; a test's matches run parallel
    /// to its table's rows in ``spans`` (`matches[matchStart[i] + row - first row of the table]`).
    private let attributeTables: UnsafePointer<Int>
    private let matchStart: UnsafePointer<Int>
    private let matches: UnsafePointer<Bool>
    /// Per table, its packed HS code list's codes and proper prefixes (``HSCodeList``), as ranges
    /// of ``hsWords``; `hsPacked[t]` is false for a member table.
    private let hsCodes: UnsafePointer<Range<Int>>
    private let hsPrefixes: UnsafePointer<Range<Int>>
    private let hsPacked: UnsafePointer<Bool>
    private let hsWords: UnsafePointer<UInt64>
    /// Per table, its HS code list's chapters (``HSCodeList/chapters``), two words each.
    private let hsChapters: UnsafePointer<UInt64>
    private let owned: [UnsafeMutableRawPointer]

    init(
        nodes: [EvalProgram.Node], children: [Int32], ruleRoots: [Int32], ruleFrom: [Int], ruleUntil: [Int],
        memberKeyCount keyCount: Int, memberTables: [[[MemberSpan]]], attributeTests: [(table: Int, matches: [[Bool]])],
        hsTables: [HSCodeList?]
    ) {
        func copy<T>(_ array: [T]) -> (UnsafePointer<T>, UnsafeMutableRawPointer) {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return (UnsafePointer(buffer.baseAddress!), UnsafeMutableRawPointer(buffer.baseAddress!))
        }
        var owned: [UnsafeMutableRawPointer] = []
        func keep<T>(_ array: [T]) -> UnsafePointer<T> {
            let (pointer, raw) = copy(array)
            owned.append(raw)
            return pointer
        }
        self.nodes = keep(nodes)
        self.children = keep(children)
        self.ruleRoots = keep(ruleRoots)
        self.ruleFrom = keep(ruleFrom)
        self.ruleUntil = keep(ruleUntil)
        memberKeyCount = keyCount
        var spans: [MemberSpan] = [], bounds: [Int] = [0]
        for table in memberTables {
            for key in 0..<keyCount {
                spans += key < table.count ? table[key] : []
                bounds.append(spans.count)
            }
        }
        self.spans = keep(spans)
        rowBounds = keep(bounds)
        var tables: [Int] = [], starts: [Int] = [], flat: [Bool] = []
        for test in attributeTests {
            tables.append(test.table)
            starts.append(flat.count)
            for key in 0..<keyCount { flat += key < test.matches.count ? test.matches[key] : [] }
        }
        attributeTables = keep(tables)
        matchStart = keep(starts)
        matches = keep(flat)
        var codes: [Range<Int>] = [], prefixes: [Range<Int>] = [], packed: [Bool] = [], words: [UInt64] = []
        var chapters: [UInt64] = []
        for list in hsTables {
            packed.append(list != nil)
            chapters += list?.chapters ?? [0, 0]
            codes.append(words.count..<(words.count + (list?.codes.count ?? 0)))
            words += list?.codes ?? []
            prefixes.append(words.count..<(words.count + (list?.prefixes.count ?? 0)))
            words += list?.prefixes ?? []
        }
        hsCodes = keep(codes)
        hsPrefixes = keep(prefixes)
        hsPacked = keep(packed)
        hsWords = keep(words)
        hsChapters = keep(chapters)
        self.owned = owned
    }

    deinit {
        for pointer in owned { pointer.deallocate() }
    }

    /// The rows of member key `key` in member table `table`.
    package func rows(_ table: Int, _ key: Int) -> UnsafeBufferPointer<MemberSpan> {
        let i = table * memberKeyCount + key
        return UnsafeBufferPointer(start: spans + rowBounds[i], count: rowBounds[i + 1] - rowBounds[i])
    }

    /// Attribute test `test`'s table.
    package func attributeTable(_ test: Int) -> Int { attributeTables[test] }

    /// Whether row `row` of member key `key` matches attribute test `test`.
    package func attributeMatches(_ test: Int, key: Int, row: Int) -> Bool {
        let table = attributeTables[test]
        let first = rowBounds[table * memberKeyCount]
        let at = rowBounds[table * memberKeyCount + key] + row
        return matches[matchStart[test] + at - first]
    }

    /// Whether an HS code falls under table `table`'s code list (``HSCodeList/match(_:)``);
    /// `nil` when the table is a member table or the code is not all digits.
    package func hsMatch(_ table: Int, _ code: String) -> TriValue? {
        guard hsPacked[table] else { return nil }
        let codes = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(start: hsWords, count: hsCodes[table].upperBound)[hsCodes[table]])
        let prefixes = UnsafeBufferPointer(
            rebasing: UnsafeBufferPointer(start: hsWords, count: hsPrefixes[table].upperBound)[hsPrefixes[table]])
        return HSCodeList.match(code, codes: codes, prefixes: prefixes, chapters: UnsafeBufferPointer(start: hsChapters + 2 * table, count: 2))
    }
}
