import Diagnostics

/// Checks raw bytes before libyaml sees them: UTF-8 validity and NUL bytes, reported at their
/// line and column (column in Unicode scalars). A leading UTF-8 byte-order mark is accepted.
enum ByteScanner {
    /// The first invalid UTF-8 sequence or NUL byte, with its byte offset, or `nil` when clean.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return (i, "NUL byte (0x00) is not allowed in YAML text") }
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return (i, "invalid UTF-8: byte 0x\(hex(b)) cannot start a character")
            }
            guard i + length <= n else { return (i, "invalid UTF-8: the file ends inside a character") }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else {
                    return (i, "invalid UTF-8: byte 0x\(hex(c)) cannot continue a character")
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return (i, "invalid UTF-8: overlong or out-of-range encoding")
            }
            i += length
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0" + digits : digits
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    static func location(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> SourceLocation {
        var line = 1, column = 1
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(line: line + lineOffset, column: column)
    }
}

