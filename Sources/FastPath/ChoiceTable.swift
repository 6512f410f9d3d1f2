/// The bit of a text value in a short list of values (a fact's choice domain: the contract's
/// allowed values, or the values the rules name), found by a hash of its length and end bytes and
/// one string comparison instead of a scan of the list. How a fact's text or list-of-text value
/// becomes its cell word, once per measure and fact.
///
/// What it must compute: `bit(v)` is `1 << i` for the first `i` with `values[i] == v` (for
/// `i < 63`), and `1 << 63` when `v` is not among the first 63 values; that is
/// `values.prefix(63).firstIndex(of: v).map { 1 << $0 } ?? 1 << 63`.
public struct ChoiceTable: Sendable {
    /// The values (at most 63 kept).
    @usableFromInline let values: [String]
    /// Per hash bucket: the index in `values` of the only value in it, `-1` for none, `-2` for
    /// several (then `values` is scanned).
    @usableFromInline let buckets: [Int8]

    public init(_ values: [String]) {
        let kept = Array(values.prefix(63))
        var buckets = [Int8](repeating: -1, count: 128)
        for (i, value) in kept.enumerated() {
            let b = Self.bucket(value)
            if buckets[b] == -1 {
                buckets[b] = Int8(i)
            } else if buckets[b] >= 0, kept[Int(buckets[b])] != value {
                buckets[b] = -2
            }
        }
        self.values = kept
        self.buckets = buckets
    }

    /// A hash of the value's length and first and last bytes, in 0..<128.
    @inlinable
    static func bucket(_ value: String) -> Int {
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count &* 37 &+ Int(first) &* 11 &+ Int(last)) & 127
    }

    /// The value's bit (see the type's comment).
    @inlinable
    public func bit(_ value: String) -> UInt64 {
        let at = buckets[Self.bucket(value)]
        if at >= 0 { return values[Int(at)] == value ? 1 << UInt64(at) : 1 << 63 }
        if at == -1 { return 1 << 63 }
        for (i, candidate) in values.enumerated() where candidate == value { return 1 << UInt64(i) }
        return 1 << 63
    }
}
