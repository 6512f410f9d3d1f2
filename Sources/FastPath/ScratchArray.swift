/// `count` elements in memory of their own, written and read in place through ``view`` (an
/// ``UncheckedMutableView``), reused from one computation to the next (the rule values an
/// evaluation remembers). A class, so that handing it over moves one reference.
///
/// What it must compute: after `init(repeating: x, count: n)` or `view.fill(x)`, every
/// `view[i]` (`0 <= i < n`) is `x`; a value stored at `view[i]` is read back from `view[i]`.
///
/// Sendable because its users hand it from holder to holder, one at a time (a workspace, then the
/// evaluation using it, then the workspace again): it is never written by two threads at once.
public final class ScratchArray<Element>: @unchecked Sendable {
    /// The elements; valid while `self` is alive.
    public let view: UncheckedMutableView<Element>

    public init(repeating value: Element, count: Int) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        memory.initialize(repeating: value, count: count)
        view = UncheckedMutableView(base: memory, count: count)
    }

    deinit {
        view.base.unsafelyUnwrapped.deinitialize(count: view.count)
        view.base.unsafelyUnwrapped.deallocate()
    }

    @inlinable public var count: Int { view.count }
}

/// A value in an object of its own, lent to one user at a time (a workspace handed out by a pool):
/// handing it out moves one reference instead of the value's many buffers.
///
/// What it must compute: ``value`` reads what was last written to it. Its users guarantee that one
/// thread at a time holds it (the pool's lock orders the hand-overs), hence Sendable, and hence no
/// runtime exclusivity check (a call per access).
public final class Held<Value>: @unchecked Sendable {
    @exclusivity(unchecked) public var value: Value

    public init(_ value: Value) {
        self.value = value
    }
}

/// An object read without retaining and releasing it at every use, because something else keeps
/// it alive for as long as this is used (the rule graph keeps its compiled program).
///
/// What it must compute: ``with(_:)`` calls `body` with the object it was made from.
public struct Lent<Object: AnyObject> {
    @usableFromInline let object: Unmanaged<Object>

    @inlinable
    public init(_ object: Object) {
        self.object = Unmanaged.passUnretained(object)
    }

    /// Calls `body` with the object, lent without a retain.
    @inlinable
    public func with<Result>(_ body: (Object) -> Result) -> Result {
        object._withUnsafeGuaranteedRef(body)
    }
}

extension Lent: @unchecked Sendable where Object: Sendable {}
