import Diagnostics
import FastPath
import RuleCompiler

/// The buffers one classification works in (fact cells, remembered rule values, applications,
/// ranking scratch). They are kept between classifications, so that classifying a measure
/// allocates only its results: each allocation costs as much as evaluating several rules.
struct Workspace {
    var cells: [FactCell] = []
    var memo: RuleMemo?
    /// Rule values of the evaluations on a past due date (``Classifier``'s obligations).
    var pastMemo: RuleMemo?
    var applies: [TriValue] = []
    var deciding: [Int] = []
    var possible: [Int] = []
    var scored: [(slot: Int, ratio: Double, all: Bool)] = []
    /// Per rule, whether it was already visited (ranking's search, the exceptions considered).
    var seen: [Bool] = []
    var queue: [Int] = []
    var found: [Int] = []
    var worlds: [AnswerWorld] = []
    var worldDone: [Bool] = []
    var worldMemo: [TriMask] = []
    var worldApplies: [TriMask] = []
    var tried: [Int] = []
    /// Per rule, "not in force on DATE (...)" worded for the evaluation date `wordedDay`: the same
    /// words for every measure classified on that date.
    var notInForceWords: [String?] = []
    var wordedDay = Int.min
    /// Per obligation rule, its calendar's deadlines around the evaluation date `duesDay`.
    var dues: [CalendarDues?] = []
    var duesDay = Int.min
    var settled: [Int] = []
    /// The verdicts' rule lists built so far (``RuleListings``).
    var listings = RuleListings()
    /// Words of failed tests worded so far (``FailedTestKey``).
    var failedWords = DirectMappedTable<FailedTestKey, String>(bits: 8)
    /// Ranked question lists built so far (``QuestionListKey``).
    var questionLists = DirectMappedTable<QuestionListKey, [Question]>(bits: 8)

    /// Empties `list` and keeps its storage. (`removeAll(keepingCapacity:)` goes through the
    /// generic `replaceSubrange`, several times dearer for the few elements these lists hold.)
    @inline(__always)
    static func clear<T>(_ list: inout [T]) {
        while list.popLast() != nil {}
    }

    /// Makes `buffer` hold `count` copies of `value`, reusing its storage when it is the right size.
    static func reset<T>(_ buffer: inout [T], to value: T, count: Int) {
        if buffer.count == count {
            UncheckedMutableView.overwrite(&buffer, with: value)
        } else {
            buffer = [T](repeating: value, count: count)
        }
    }
}

/// A workspace in an object of its own (``Held``, in the fence), so that the pool hands out a
/// reference instead of moving the workspace's many buffers in and out. One classification or the
/// idle pool holds it at a time (``WorkspacePool``).
typealias HeldWorkspace = Held<Workspace>

/// Workspaces not in use, shared by the threads classifying with one ``Classifier``.
final class WorkspacePool: Sendable {
    private let idle = Locked<[HeldWorkspace]>([])

    /// A workspace to classify in (a fresh one when none is idle).
    func take() -> HeldWorkspace {
        idle.withLock { $0.popLast() } ?? HeldWorkspace(Workspace())
    }

    /// Returns a workspace for the next classification (a few are kept, one per thread at most).
    func give(_ held: HeldWorkspace) {
        idle.withLock { idle in
            if idle.count < 16 { idle.append(held) }
        }
    }
}

/// What determines the words of a failed test ("does not apply: PATH is VALUE (needs …)"): the test
/// node and the fact's cell, where the cell determines the value. Most measures fail the same tests
/// on the same few values, so the words are worded once and shared (``Workspace/failedWords``).
struct FailedTestKey: DirectMappedKey {
    var node: Int
    var cell: FactCell

    /// `nil` when the cell does not determine the fact's value. It does for a yes/no fact, a date, a
    /// number, or a text that is one of the values its tests tell apart (one bit, not "other").
    init?(node: Int, cell: FactCell) {
        switch cell.tag {
        case .bool, .date, .number: break
        case .text where cell.word.nonzeroBitCount == 1 && cell.word & (1 << 63) == 0: break
        default: return nil
        }
        self.node = node
        self.cell = cell
    }

    @inline(__always)
    func slot(bits: Int) -> Int {
        let key = UInt64(node) << 8 | UInt64(cell.tag.rawValue)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15 ^ cell.word &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - bits))
    }
}

/// An obligation calendar's deadlines around an evaluation date, for a measure granting at all
/// time: the last one due before the date and the first one due on or after it.
struct CalendarDues {
    var last: Deadline?
    var next: Deadline?
}
