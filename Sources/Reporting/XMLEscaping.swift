/// Escaping for XML 1.0 text and attribute values.
///
/// XML 1.0 cannot carry most C0 control characters at all, not even as character references
/// (`&#1;` is not well-formed), nor U+FFFE / U+FFFF. Those are written visibly as `\u{1}` so the
/// report stays well-formed and the reader still sees that something was there.
public enum XMLEscaping {
    /// Escapes `text` for element content: `&`, `<`, `>` and carriage returns (which parsers would
    /// otherwise normalise away). Tabs and line feeds stay as they are.
    public static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Escapes `value` for a double- or single-quoted attribute: also quotes, and tabs and line
    /// breaks as character references so attribute-value normalisation keeps them.
    public static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    /// Whether XML 1.0 allows `scalar` in a document (the `Char` production).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default:
                if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return out
    }
}
