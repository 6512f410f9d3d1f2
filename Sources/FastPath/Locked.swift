#if canImport(Glibc)
package import Glibc
#elseif canImport(Darwin)
package import Darwin
#endif

/// A value guarded by a POSIX mutex, for state shared between threads (parallel lint).
///
/// Like `Synchronization.Mutex`, but built on `pthread_mutex_t`, which ThreadSanitizer sees:
/// on Linux `Mutex` waits on a futex that the sanitizer does not know, so every access guarded by
/// it is reported as a race. (Hence kept, in the fence, rather than replaced by `Mutex`.)
package final class Locked<Value: Sendable>: @unchecked Sendable {
    /// Guarded by the mutex, so the runtime's exclusivity check (a call per access) is left out.
    @usableFromInline @exclusivity(unchecked) var value: Value
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock. (Inlinable, so that callers in other modules
    /// get it specialized to their value type.)
    @inlinable
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
