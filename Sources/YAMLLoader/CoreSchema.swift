/// A scalar's value under the YAML 1.2 core schema.
public enum CoreValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

/// The core-schema tags a document may name explicitly. Any other tag is rejected by the loader.
public enum CoreTag: String, Sendable, Hashable {
    case str, int, float, bool, null, map, seq

    /// The tag for a full tag URI such as `tag:yaml.org,2002:str`, or `nil` when it is not a core tag.
    public init?(uri: String) {
        let prefix = "tag:yaml.org,2002:"
        guard uri.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(uri.dropFirst(prefix.count)))
    }
}

/// YAML 1.2 core-schema resolution of plain scalars, written as byte matching (no regular expressions).
public enum CoreSchema {
    /// Resolves a plain scalar: null, booleans (`true`/`false` in three casings), integers
    /// (decimal, `0o`, `0x`), floats (including `.inf`, `.nan`); everything else is a string.
    public static func resolve(plain text: String) -> CoreValue {
        // Most scalars are words: one look at the first byte tells they can only be strings.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"):
            break
        default:
            return .string(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if let int = integer(bytes) { return .int(int) }
        if isFloat(bytes), let double = Double(text) { return .float(double) }
        return .string(text)
    }

    /// Resolves a scalar under an explicit core tag; a value that does not fit stays a string.
    public static func resolve(_ text: String, as tag: CoreTag) -> CoreValue {
        switch tag {
        case .str, .map, .seq: return .string(text)
        case .null, .bool, .int, .float:
            let value = resolve(plain: text)
            switch (tag, value) {
            case (.null, .null), (.bool, .bool), (.int, .int), (.float, .float): return value
            case (.float, .int(let i)): return .float(Double(i))
            default: return .string(text)
            }
        }
    }

    /// `yes`, `no`, `on`, `off`, `y`, `n` in any casing: booleans in YAML 1.1, strings in 1.2.
    public static func isYAML11Boolean(_ text: String) -> Bool {
        switch text.lowercased() {
        case "yes", "no", "on", "off", "y", "n": return true
        default: return false
        }
    }

    private static func integer(_ b: [UInt8]) -> Int? {
        guard !b.isEmpty else { return nil }
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") {
            return digits(b[2...], radix: 8)
        }
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") {
            return digits(b[2...], radix: 16)
        }
        var body = b[...]
        var negative = false
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard let magnitude = digits(body, radix: 10) else { return nil }
        return negative ? -magnitude : magnitude
    }

    private static func digits(_ b: ArraySlice<UInt8>, radix: Int) -> Int? {
        guard !b.isEmpty else { return nil }
        var value = 0
        for byte in b {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = s
        }
        return value
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    private static func isFloat(_ b: [UInt8]) -> Bool {
        var i = 0
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") }
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = 0
        while isDigit(i) { i += 1; mantissaDigits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == b.count
    }
}
