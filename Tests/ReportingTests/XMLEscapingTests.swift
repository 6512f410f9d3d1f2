import Reporting
import Testing

@Suite struct XMLEscapingTests {
    @Test(arguments: [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d", "a &lt; b &amp; c &gt; d"),
        ("\"q\" 'a'", "\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
        ("l1\nl2\tx\r", "l1\nl2\tx&#13;", "l1&#10;l2&#9;x&#13;"),
        ("bell\u{07} nul\u{00} esc\u{1B}", "bell\\u{7} nul\\u{0} esc\\u{1B}", "bell\\u{7} nul\\u{0} esc\\u{1B}"),
        ("\u{FFFE}\u{FFFF}", "\\u{FFFE}\\u{FFFF}", "\\u{FFFE}\\u{FFFF}"),
        ("Фонд ✓ 𝄞 \u{85}", "Фонд ✓ 𝄞 \u{85}", "Фонд ✓ 𝄞 \u{85}"),
        ("]]>", "]]&gt;", "]]&gt;"),
    ])
    func escapes(raw: String, text: String, attribute: String) {
        #expect(XMLEscaping.text(raw) == text)
        #expect(XMLEscaping.attribute(raw) == attribute)
    }

    @Test func allowedCharactersFollowTheXMLCharProduction() {
        #expect(XMLEscaping.isAllowed("\t"))
        #expect(!XMLEscaping.isAllowed("\u{0B}"))
        #expect(XMLEscaping.isAllowed("\u{D7FF}"))
        #expect(!XMLEscaping.isAllowed("\u{FFFF}"))
        #expect(XMLEscaping.isAllowed("\u{10FFFF}"))
    }
}
