/// One slot per index, each written by exactly one worker before ``take()`` reads them all
/// (parallel lint: outcome `i` belongs to file `i`). No lock: the workers never share a slot, and
/// the caller reads only after they have all finished (`DispatchQueue.concurrentPerform` returns).
package final class WriteOnceSlots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    package init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    /// Fills slot `index` (once, from one worker).
    package func store(_ value: Value, at index: Int) { buffer[index] = value }

    /// Every slot's value, in order (all must have been stored).
    package func take() -> [Value] { buffer.map { $0! } }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
