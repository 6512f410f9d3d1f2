@testable import Driver
import Testing

/// `MeasureReader.hasTopLevelKey` tells schedules (`submissions:`) and baselines (`accepted:`)
/// from measures by their bytes, before any YAML is read.
@Suite("A top-level key is found at the start of a line, and only there")
struct TopLevelKeyTests {
    static func has(_ text: String, _ key: String = "accepted:") -> Bool {
        MeasureReader.hasTopLevelKey(Array(text.utf8), key)
    }

    @Test func atTheStartOfAnyLine() {
        #expect(Self.has("accepted:\n- a"))
        #expect(Self.has("id: m\naccepted: []"))
        #expect(Self.has("id: m\r\naccepted: []\r\n"))
        #expect(Self.has("id: m\n\naccepted:"))
    }

    @Test func notIndentedNotInsideALineNotCutShort() {
        #expect(!Self.has(""))
        #expect(!Self.has("accepted"))
        #expect(!Self.has("id: m\n  accepted: []"))
        #expect(!Self.has("note: accepted: no"))
        #expect(!Self.has("id: m\naccept"))
        #expect(!Self.has("id: m\nacceptedx:"))
        #expect(!Self.has("id: m\n"))
        #expect(Self.has("submissions:\n", "submissions:"))
        #expect(!Self.has("x\nsubmission:", "submissions:"))
    }
}
