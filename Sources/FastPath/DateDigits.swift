/// Writes a date's 10 bytes `YYYY-MM-DD` at `bytes`, for a year in 0...9999 (callers check).
/// Shared by `CalendarDate.description` and the explanation text builder, which writes dates in place.
@inlinable
package func writeDateDigits(year: Int, month: Int, day: Int, into bytes: UnsafeMutablePointer<UInt8>) {
    @inline(__always)
    func put(_ value: Int, _ width: Int, at start: Int) {
        var v = value
        for i in stride(from: start + width - 1, through: start, by: -1) {
            bytes[i] = UInt8(48 + v % 10)
            v /= 10
        }
    }
    put(year, 4, at: 0)
    bytes[4] = UInt8(ascii: "-")
    put(month, 2, at: 5)
    bytes[7] = UInt8(ascii: "-")
    put(day, 2, at: 8)
}
