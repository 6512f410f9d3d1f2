/// A list of elements per row (per rule: its exceptions, dependencies, alternatives), all in one
/// block of memory: reading a row retains nothing, where `[[Element]]` retains the inner array
/// every time. Immutable once built.
///
/// What it must compute: `table[r]` holds the elements of `rows[r]`, in order, for every row `r`
/// of the `rows` it was built from; each row view is valid while the table is alive.
public final class RowTable<Element> {
    /// Row `r` is `items[bounds[r] ..< bounds[r + 1]]`.
    /// The memory's owners, and their views (kept here, so that a read is one load, not two).
    let itemsOwner: FrozenArray<Element>
    let boundsOwner: FrozenArray<Int>
    @usableFromInline let items: UncheckedView<Element>
    @usableFromInline let bounds: UncheckedView<Int>

    public init(_ rows: [[Element]]) {
        var bounds = [0]
        bounds.reserveCapacity(rows.count + 1)
        for row in rows { bounds.append(bounds[bounds.count - 1] + row.count) }
        itemsOwner = FrozenArray(Array(rows.joined()))
        boundsOwner = FrozenArray(bounds)
        items = itemsOwner.view
        self.bounds = boundsOwner.view
    }

    /// The number of rows.
    @inlinable public var count: Int { bounds.count - 1 }

    /// Row `r`'s elements (valid while the table is alive).
    @inlinable @inline(__always)
    public subscript(r: Int) -> UncheckedView<Element> {
        items.slice(bounds[r]..<bounds[r + 1])
    }
}

extension RowTable: @unchecked Sendable where Element: Sendable {}

/// A set of small integers (rule numbers below `bits`) per row, as bits: `width` words per row,
/// all in one block of memory. Immutable once built.
///
/// What it must compute: bit `i % 64` of word `i / 64` of `sets[r]` is set exactly when `rows[r]`
/// contains `i`; ``forEach(in:while:)`` visits `Set(rows[r])` in ascending order.
public final class BitRows: Sendable {
    /// Words per row: enough bits for every number below `bits`.
    public let width: Int
    /// The memory's owner, and its view (kept here, so that a read is one load, not two).
    let wordsOwner: FrozenArray<UInt64>
    @usableFromInline let words: UncheckedView<UInt64>

    public init(_ rows: [[Int]], bits: Int) {
        let width = max((bits + 63) / 64, 1)
        var words = [UInt64](repeating: 0, count: rows.count * width)
        for (r, row) in rows.enumerated() {
            for item in row {
                precondition(item >= 0 && item < bits, "BitRows: \(item) is not below \(bits)")
                words[r * width + item / 64] |= 1 << UInt64(item % 64)
            }
        }
        self.width = width
        wordsOwner = FrozenArray(words)
        self.words = wordsOwner.view
    }

    /// Row `r`'s set, `width` words (valid while the rows are alive).
    @inlinable @inline(__always)
    public subscript(r: Int) -> UncheckedView<UInt64> {
        words.slice(r * width..<(r + 1) * width)
    }

    /// Calls `body` with each number in row `r`'s set, in ascending order, while it returns true.
    @inlinable
    public func forEach(in r: Int, while body: (Int) -> Bool) {
        let row = self[r]
        for w in 0..<width {
            var bits = row[w]
            while bits != 0 {
                guard body(64 * w + bits.trailingZeroBitCount) else { return }
                bits &= bits - 1
            }
        }
    }
}
