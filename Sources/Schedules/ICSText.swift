/// RFC 5545 content-line helpers: text escaping (§3.3.11) and line folding (§3.1).
public enum ICSText {
    /// Escapes a TEXT value: `\` → `\\`, `;` → `\;`, `,` → `\,`, a line break → `\n`. Carriage
    /// returns are dropped (a CRLF in the value becomes one `\n`).
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default:
                // Other control characters are not allowed in TEXT (§3.3.11); a space stands in.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Folds one content line into physical lines of at most `limit` octets (75), each ended by CRLF.
    /// A continuation line starts with one space, which counts toward its octets. Breaks fall only
    /// between Unicode scalars, so a UTF-8 sequence is never split.
    public static func fold(_ line: String, limit: Int = 75) -> String {
        var out = ""
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                out += current + "\r\n"
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        return out + current + "\r\n"
    }

    /// Undoes ``fold(_:limit:)`` for a whole stream: removes every CRLF followed by a space or tab,
    /// and returns the logical lines.
    public static func unfold(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var joined: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 2 < bytes.count, bytes[i + 1] == 10, bytes[i + 2] == 32 || bytes[i + 2] == 9 {
                i += 3
                continue
            }
            joined.append(bytes[i])
            i += 1
        }
        let all = String(decoding: joined, as: UTF8.self)
            .split(separator: Character("\r\n"), omittingEmptySubsequences: false).map(String.init)
        return all.last == "" ? Array(all.dropLast()) : all
    }
}
