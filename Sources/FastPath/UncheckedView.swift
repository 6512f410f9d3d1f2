/// `count` elements in memory that something else owns (a ``FrozenArray``, a ``RowTable``, an array
/// inside ``of(_:_:)``), read without bounds checks (checked in debug
/// builds) and without reference counting.
///
/// What it must compute: `view[i]` is element `i` of the elements the memory was filled with, for
/// `0 <= i < count`, exactly as the same array's `array[i]`. The view is valid only while its owner
/// is alive and unchanged; the owner's documentation says for how long that is.
public struct UncheckedView<Element>: RandomAccessCollection {
    @usableFromInline let base: UnsafePointer<Element>?
    public let count: Int

    @inlinable
    init(base: UnsafePointer<Element>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// No elements.
    @inlinable
    public init() {
        self.init(base: nil, count: 0)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }
    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable @inline(__always)
    public subscript(i: Int) -> Element {
        assert(i >= 0 && i < count, "UncheckedView: index \(i) out of 0..<\(count)")
        return base.unsafelyUnwrapped[i]
    }

    /// Elements `range` of this view, as a view of their own (indexed from 0).
    @inlinable @inline(__always)
    public func slice(_ range: Range<Int>) -> UncheckedView<Element> {
        assert(range.lowerBound >= 0 && range.upperBound <= count, "UncheckedView: slice \(range) out of 0..<\(count)")
        return UncheckedView(base: range.isEmpty ? base : base.unsafelyUnwrapped + range.lowerBound, count: range.count)
    }
}

extension UncheckedView: @unchecked Sendable where Element: Sendable {}

/// Like ``UncheckedView``, and writable in place: `view[i] = x` stores into the owner's memory
/// (the view itself is a pointer, so writing needs no `mutating`). Valid while its owner (a
/// ``ScratchArray``, scratch words of ``zeroed(_:_:)``, an array inside
/// ``of(_:_:)``) is alive and not otherwise in use.
public struct UncheckedMutableView<Element>: RandomAccessCollection {
    @usableFromInline let base: UnsafeMutablePointer<Element>?
    public let count: Int

    @inlinable
    init(base: UnsafeMutablePointer<Element>?, count: Int) {
        self.base = base
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable @inline(__always)
    public subscript(i: Int) -> Element {
        get {
            assert(i >= 0 && i < count, "UncheckedMutableView: index \(i) out of 0..<\(count)")
            return base.unsafelyUnwrapped[i]
        }
        nonmutating set {
            assert(i >= 0 && i < count, "UncheckedMutableView: index \(i) out of 0..<\(count)")
            base.unsafelyUnwrapped[i] = newValue
        }
    }

    /// Elements `range` of this view, as a view of their own (indexed from 0).
    @inlinable @inline(__always)
    public func slice(_ range: Range<Int>) -> UncheckedMutableView<Element> {
        assert(range.lowerBound >= 0 && range.upperBound <= count, "UncheckedMutableView: slice \(range) out of 0..<\(count)")
        return UncheckedMutableView(base: range.isEmpty ? base : base.unsafelyUnwrapped + range.lowerBound, count: range.count)
    }

    /// Sets every element to `value`.
    @inlinable
    public func fill(_ value: Element) {
        guard let base else { return }
        base.update(repeating: value, count: count)
    }
}

// (Static functions of the view types, so that a call site names the unchecked view it gets.)

extension UncheckedView {
    /// Calls `body` with a view of `array`'s elements (valid only inside `body`).
    @inlinable
    public static func of<Result>(_ array: [Element], _ body: (UncheckedView<Element>) throws -> Result) rethrows -> Result {
        try array.withUnsafeBufferPointer { try body(UncheckedView(base: $0.baseAddress, count: $0.count)) }
    }
}

extension UncheckedMutableView {
    /// Calls `body` with a writable view of `array`'s elements (valid only inside `body`).
    @inlinable
    public static func of<Result>(_ array: inout [Element], _ body: (UncheckedMutableView<Element>) throws -> Result) rethrows -> Result {
        try array.withUnsafeMutableBufferPointer { try body(UncheckedMutableView(base: $0.baseAddress, count: $0.count)) }
    }

    /// Sets every element of `array` to `value`, keeping its storage (cheaper than a new array, or
    /// `removeAll` and `append`, for the short buffers reused between classifications).
    @inlinable
    public static func overwrite(_ array: inout [Element], with value: Element) {
        array.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
    }
}

extension UncheckedMutableView where Element == UInt64 {
    /// Calls `body` with `count` words set to 0, on the stack when they are few (heap otherwise);
    /// valid only inside `body`. For bit sets that live as long as one call (a word per 64 rules).
    @inlinable @inline(__always)
    public static func zeroed<Result>(_ count: Int, _ body: (UncheckedMutableView<UInt64>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { words in
            words.initialize(repeating: 0)
            return body(UncheckedMutableView(base: words.baseAddress, count: words.count))
        }
    }
}
