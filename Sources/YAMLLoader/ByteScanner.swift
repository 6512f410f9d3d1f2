import Diagnostics

/// Checks raw bytes before libyaml sees them: UTF-8 validity and NUL bytes, reported at their
/// line and column (column in Unicode scalars). The loader strips a leading UTF-8 byte-order mark
/// before it calls the scanner.
enum ByteScanner {
    /// A problem found in the raw bytes.
    struct Problem {
        /// Byte offset of the offending sequence.
        var offset: Int
        /// `yaml.nul-byte` or `yaml.invalid-utf8`.
        var id: String
        var message: MessageText
    }

    /// The first invalid UTF-8 sequence or NUL byte, or `nil` when the bytes are clean.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let invalid = "yaml.invalid-utf8"
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i < n {
            // Fast path: eight bytes at a time while they are ASCII and none is NUL.
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
                guard word & high == 0, hasZero == 0 else { break }
                i += 8
            }
            guard i < n else { break }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return Problem(offset: i, id: "yaml.nul-byte", message: YAMLMessage.nulByte()) }
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
            default: return Problem(offset: i, id: invalid, message: YAMLMessage.utf8Start(["byte": .text(hex(b))]))
            }
            guard i + length <= n else {
                return Problem(offset: i, id: invalid, message: YAMLMessage.utf8End())
            }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else {
                    return Problem(
                        offset: i, id: invalid, message: YAMLMessage.utf8Continue(["byte": .text(hex(c))]))
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return Problem(offset: i, id: invalid, message: YAMLMessage.utf8Overlong())
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

    /// The first byte of the scalar at a 0-based line and column (libyaml's marks), or `nil` past the end.
    static func byte(atLine line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var currentLine = 0, currentColumn = 0
        for b in bytes {
            if b & 0xC0 == 0x80 { continue }
            if currentLine == line, currentColumn == column { return b }
            if b == UInt8(ascii: "\n") {
                if currentLine == line { return nil }
                currentLine += 1
                currentColumn = 0
            } else {
                currentColumn += 1
            }
        }
        return nil
    }
}
