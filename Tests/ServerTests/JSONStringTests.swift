import JSONText
import Testing

/// The JSON writer's whole-string fast path (for the server's answers) writes what the escaping
/// path writes.
@Suite("JSON strings: plain ones appended whole, the rest escaped")
struct JSONStringTests {
    static func written(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return out
    }

    @Test("Plain text, Cyrillic and other non-ASCII are copied as they are")
    func plain() {
        #expect(Self.written("SCM Agreement, Art 3.1(b)") == #""SCM Agreement, Art 3.1(b)""#)
        #expect(Self.written("Фонд — §II ¶97 €") == "\"Фонд — §II ¶97 €\"")
        #expect(Self.written("") == #""""#)
    }

    @Test("Quotes, backslashes, controls, DEL, U+2028 and U+2029 are escaped")
    func escaped() {
        #expect(Self.written("a\"b\\c") == #""a\"b\\c""#)
        #expect(Self.written("line\nnext\ttab\r") == #""line\nnext\ttab\r""#)
        #expect(Self.written("\u{01}\u{7F}") == #""\u0001\u007f""#)
        #expect(Self.written("a\u{2028}b\u{2029}") == #""a\u2028b\u2029""#)
        // 0xE2 also starts "—" (U+2014): escaped path, same text.
        #expect(Self.written("a — b\"") == #""a — b\"""#)
    }
}
