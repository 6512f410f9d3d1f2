/// A list of rule numbers per rule (exceptions, blockers, dependencies), all in one block of
/// memory: reading a rule's list retains nothing, where `[[Int]]` retains the inner array every
/// time. Immutable once built (hence Sendable); freed with its owner (the plan).
final class RuleLists: @unchecked Sendable {
    /// Rule `r`'s list is `items[bounds[r] ..< bounds[r + 1]]`.
    private let items: UnsafeMutablePointer<Int>
    private let bounds: UnsafeMutablePointer<Int>

    init(_ lists: [[Int]]) {
        let total = lists.reduce(0) { $0 + $1.count }
        items = .allocate(capacity: max(total, 1))
        bounds = .allocate(capacity: lists.count + 1)
        var at = 0
        for (r, list) in lists.enumerated() {
            bounds[r] = at
            for item in list {
                (items + at).initialize(to: item)
                at += 1
            }
        }
        bounds[lists.count] = at
    }

    deinit {
        items.deallocate()
        bounds.deallocate()
    }

    /// Rule `r`'s list (valid while the lists are alive).
    subscript(r: Int) -> UnsafeBufferPointer<Int> {
        UnsafeBufferPointer(start: items + bounds[r], count: bounds[r + 1] - bounds[r])
    }
}

/// A set of rule numbers per rule (blockers), as bits: `width` words per rule, all in one block of
/// memory. Immutable once built (hence Sendable); freed with its owner (the plan).
final class RuleSets: @unchecked Sendable {
    /// Words per rule: enough bits for every rule number.
    let width: Int
    private let words: UnsafeMutablePointer<UInt64>

    init(_ lists: [[Int]], ruleCount: Int) {
        width = max((ruleCount + 63) / 64, 1)
        words = .allocate(capacity: max(lists.count * width, 1))
        words.initialize(repeating: 0, count: max(lists.count * width, 1))
        for (r, list) in lists.enumerated() {
            for item in list { words[r * width + item / 64] |= 1 << UInt64(item % 64) }
        }
    }

    deinit {
        words.deallocate()
    }

    /// Rule `r`'s set, `width` words (valid while the sets are alive).
    subscript(r: Int) -> UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: words + r * width, count: width)
    }

    /// Calls `body` with each rule number in rule `r`'s set, in ascending order, while it returns true.
    func forEach(in r: Int, while body: (Int) -> Bool) {
        for w in 0..<width {
            var bits = words[r * width + w]
            while bits != 0 {
                guard body(64 * w + bits.trailingZeroBitCount) else { return }
                bits &= bits - 1
            }
        }
    }
}
