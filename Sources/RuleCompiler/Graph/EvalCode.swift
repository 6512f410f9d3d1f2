package import FastPath
import Measures

/// The tables the evaluator reads for every measure, copied out of an ``EvalProgram`` into frozen
/// arrays (``FrozenArray``, in the fence) and read through their unchecked views: the recursive
/// evaluator then retains nothing and checks no array bounds on its way down a condition. Built
/// once with the program (every index in it was checked when the program was compiled), never
/// changed, freed with the program.
public final class EvalCode: Sendable {
    /// ``EvalProgram/nodes``, ``EvalProgram/children`` and, per rule, its condition's root and
    /// days in force (`until` exclusive).
    package let nodes: FrozenArray<EvalProgram.Node>
    package let children: FrozenArray<Int32>
    package let ruleRoots: FrozenArray<Int32>
    package let ruleFrom: FrozenArray<Int>
    package let ruleUntil: FrozenArray<Int>
    /// The number of member keys (``EvalProgram/memberKeys``).
    package let memberKeyCount: Int
    /// Member rows of every table, table by table and key by key: the rows of key `k` in table `t`
    /// are `spans[rowBounds[t * memberKeyCount + k] ..< rowBounds[t * memberKeyCount + k + 1]]`.
    private let spans: FrozenArray<MemberSpan>
    private let rowBounds: FrozenArray<Int>
    /// Per attribute test: its table, and where its matches start; a test's matches run parallel
    /// to its table's rows in ``spans`` (`matches[matchStart[i] + row - first row of the table]`).
    private let attributeTables: FrozenArray<Int>
    private let matchStart: FrozenArray<Int>
    private let matches: FrozenArray<Bool>
    /// Per table, its packed HS code list's codes and proper prefixes (``HSCodeList``), as ranges
    /// of ``hsWords``; `hsPacked[t]` is false for a member table.
    private let hsCodes: FrozenArray<Range<Int>>
    private let hsPrefixes: FrozenArray<Range<Int>>
    private let hsPacked: FrozenArray<Bool>
    private let hsWords: FrozenArray<UInt64>
    /// Per table, its HS code list's chapters (``HSCodeList/chapters``), two words each.
    private let hsChapters: FrozenArray<UInt64>

    init(
        nodes: [EvalProgram.Node], children: [Int32], ruleRoots: [Int32], ruleFrom: [Int], ruleUntil: [Int],
        memberKeyCount keyCount: Int, memberTables: [[[MemberSpan]]], attributeTests: [(table: Int, matches: [[Bool]])],
        hsTables: [HSCodeList?]
    ) {
        self.nodes = FrozenArray(nodes)
        self.children = FrozenArray(children)
        self.ruleRoots = FrozenArray(ruleRoots)
        self.ruleFrom = FrozenArray(ruleFrom)
        self.ruleUntil = FrozenArray(ruleUntil)
        memberKeyCount = keyCount
        var spans: [MemberSpan] = [], bounds: [Int] = [0]
        for table in memberTables {
            for key in 0..<keyCount {
                spans += key < table.count ? table[key] : []
                bounds.append(spans.count)
            }
        }
        self.spans = FrozenArray(spans)
        rowBounds = FrozenArray(bounds)
        var tables: [Int] = [], starts: [Int] = [], flat: [Bool] = []
        for test in attributeTests {
            tables.append(test.table)
            starts.append(flat.count)
            for key in 0..<keyCount { flat += key < test.matches.count ? test.matches[key] : [] }
        }
        attributeTables = FrozenArray(tables)
        matchStart = FrozenArray(starts)
        matches = FrozenArray(flat)
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
        hsCodes = FrozenArray(codes)
        hsPrefixes = FrozenArray(prefixes)
        hsPacked = FrozenArray(packed)
        hsWords = FrozenArray(words)
        hsChapters = FrozenArray(chapters)
    }

    /// The rows of member key `key` in member table `table`.
    package func rows(_ table: Int, _ key: Int) -> UncheckedView<MemberSpan> {
        let i = table * memberKeyCount + key
        return spans.view.slice(rowBounds[i]..<rowBounds[i + 1])
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
        let words = hsWords.view
        return HSCodeList.match(
            code, codes: words.slice(hsCodes[table]), prefixes: words.slice(hsPrefixes[table]),
            chapters: hsChapters.view.slice(2 * table..<(2 * table + 2)))
    }
}
