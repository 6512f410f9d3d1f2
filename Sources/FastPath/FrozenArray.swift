/// An array copied once into memory of its own and never changed: its elements are read through
/// ``view`` (an ``UncheckedView``) without bounds checks or reference counting. For tables built
/// once and read for every measure (the compiled program's nodes, member rows, HS code words).
///
/// What it must compute: `frozen[i]` and `frozen.view[i]` are `array[i]` of the array it was made
/// from, for `0 <= i < count`. The view is valid while the frozen array is alive (its owner keeps it).
public final class FrozenArray<Element> {
    /// The elements; valid while `self` is alive.
    public let view: UncheckedView<Element>

    public init(_ array: [Element]) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { memory.initialize(from: $0.baseAddress!, count: array.count) }
        view = UncheckedView(base: UnsafePointer(memory), count: array.count)
    }

    deinit {
        let memory = UnsafeMutablePointer(mutating: view.base.unsafelyUnwrapped)
        memory.deinitialize(count: view.count)
        memory.deallocate()
    }

    @inlinable public var count: Int { view.count }

    @inlinable @inline(__always)
    public subscript(i: Int) -> Element { view[i] }
}

/// Immutable after `init`, so shared between threads as its elements may be.
extension FrozenArray: @unchecked Sendable where Element: Sendable {}
