/// A key of a ``DirectMappedTable``: it says which of the table's slots it goes in.
protocol DirectMappedKey: Equatable {
    /// A slot in a table of 2^`bits` entries (any hash: a collision only costs a rebuild).
    func slot(bits: Int) -> Int
}

/// Values already worked out, kept by key in a fixed number of slots (2^`bits`): a value is found
/// while its key keeps its slot, and a new key replaces the one in its place. So no input can grow
/// it. The workspaces keep one per kind of value shared between measures (rule listings, question
/// lists, words of failed tests).
struct DirectMappedTable<Key: DirectMappedKey, Value> {
    private let bits: Int
    private var keys: [Key?] = []
    private var values: [Value?] = []

    init(bits: Int) {
        self.bits = bits
    }

    /// The value kept for `key`, if it still holds its slot.
    @inline(__always)
    func value(for key: Key) -> Value? {
        guard !keys.isEmpty else { return nil }
        let i = key.slot(bits: bits)
        return keys[i] == key ? values[i] : nil
    }

    /// Keeps `value` for `key`, in place of whatever held its slot.
    @inline(__always)
    mutating func keep(_ value: Value, for key: Key) {
        if keys.isEmpty {
            keys = Array(repeating: nil, count: 1 << bits)
            values = Array(repeating: nil, count: 1 << bits)
        }
        let i = key.slot(bits: bits)
        keys[i] = key
        values[i] = value
    }
}
