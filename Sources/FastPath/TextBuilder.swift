/// A short text built from pieces as UTF-8 bytes in one buffer and made a `String` once:
/// explanations are worded for every measure, and this is several times cheaper than string
/// interpolation.
///
/// What it must compute: ``text(_:)`` returns the concatenation of every piece `build` appends,
/// in order (as `pieces.joined()`), whatever its length (past 256 bytes it moves to the heap).
public struct TextBuilder: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    /// Whether `start` was allocated here (once the text outgrew the buffer it was given).
    @usableFromInline var owned = false

    /// Bytes are written into `buffer` (not owned) until they outgrow it.
    @inlinable
    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        start = buffer.baseAddress!
        capacity = buffer.count
    }

    deinit {
        if owned { start.deallocate() }
    }

    /// The text `build` writes, built in a buffer on the stack (on the heap past 256 bytes).
    @inlinable
    public static func text(_ build: (inout TextBuilder) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
            var out = TextBuilder(buffer: buffer)
            build(&out)
            return out.finish()
        }
    }

    /// Makes room for `extra` more bytes.
    @inlinable @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    @usableFromInline
    mutating func grow(_ extra: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + extra))
        grown.initialize(from: start, count: count)
        if owned { start.deallocate() }
        owned = true
        start = grown
        capacity = max(capacity * 2, count + extra)
    }

    @inlinable @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let n = bytes.count
        reserve(n)
        let to = UnsafeMutableRawPointer(start + count), from = UnsafeRawPointer(source)
        // Most pieces are a few bytes: two overlapping word moves are cheaper than a call to `memcpy`.
        if n >= 8 && n <= 16 {
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else {
            to.copyMemory(from: from, byteCount: n)
        }
        count += n
    }

    @inlinable
    public mutating func append(_ piece: String) {
        if piece.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) == nil {
            var copy = piece
            copy.withUTF8 { append(bytes: $0) }
        }
    }

    /// A date's 10 bytes `YYYY-MM-DD`, for a year in 0...9999 (the caller checks; see ``writeDateDigits``).
    @inlinable
    public mutating func appendDate(year: Int, month: Int, day: Int) {
        reserve(10)
        writeDateDigits(year: year, month: month, day: day, into: start + count)
        count += 10
    }

    /// Several pieces in a row (without the array a variadic parameter would make).
    @inlinable
    public mutating func append(_ a: String, _ b: String, _ c: String) {
        append(a)
        append(b)
        append(c)
    }

    @inlinable
    public mutating func append(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) {
        append(a, b, c)
        append(d)
        append(e)
    }

    /// The items with `separator` between them.
    @inlinable
    public mutating func append(_ items: [String], separator: String) {
        for (i, item) in items.enumerated() {
            if i > 0 { append(separator) }
            append(item)
        }
    }

    /// The text built.
    @inlinable
    consuming func finish() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }
}
