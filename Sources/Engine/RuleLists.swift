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
