import Schedules
import Testing

private func calendar(stamp: String = "20260101T000000Z", from: String = "2024-01-01", until: String = "2025-12-31") throws -> (String, Int) {
    let list = DeadlinePlanner(graph: try TestRules.graph()).deadlines(member: "KZ", from: day(from), until: day(until))
    return (ICSWriter(stamp: stamp, reminderDays: 10).write(list, member: "KZ"), list.count)
}

/// The physical lines of an ICS stream, split at CRLF only.
private func physicalLines(_ text: String) -> [[UInt8]] {
    var lines: [[UInt8]] = [], current: [UInt8] = []
    let b = Array(text.utf8)
    var i = 0
    while i < b.count {
        if b[i] == 13, i + 1 < b.count, b[i + 1] == 10 {
            lines.append(current)
            current = []
            i += 2
        } else {
            current.append(b[i])
            i += 1
        }
    }
    #expect(current.isEmpty, "the stream ends with CRLF")
    return lines
}

@Suite("ICS writer")
struct ICSWriterTests {
    @Test("folding: every physical line at most 75 octets, UTF-8 never split, unfolding restores the text")
    func folding() {
        let long = "DESCRIPTION:" + String(repeating: "Субсидии ¶97 — €, 𝄞 and ASCII; ", count: 12)
        let folded = ICSText.fold(long)
        let lines = physicalLines(folded)
        #expect(lines.count > 5)
        for line in lines {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a line starts or ends inside a UTF-8 sequence")
        }
        #expect(lines.dropFirst().allSatisfy { $0.first == 32 })
        #expect(ICSText.unfold(folded) == [long])
        // A line of exactly 75 octets is not folded; 76 are.
        #expect(physicalLines(ICSText.fold(String(repeating: "a", count: 75))).count == 1)
        #expect(physicalLines(ICSText.fold(String(repeating: "a", count: 76))).count == 2)
        // A 2-octet character that would straddle octet 75 moves to the next line whole.
        let straddle = physicalLines(ICSText.fold(String(repeating: "a", count: 74) + "é"))
        #expect(straddle.map(\.count) == [74, 3])
    }

    @Test("text escaping of backslash, semicolon, comma and line breaks")
    func escaping() {
        #expect(ICSText.escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
        #expect(ICSText.escape("tab\there") == "tab here")
    }

    @Test("a calendar: CRLF everywhere, required properties, one all-day event per deadline with an alarm")
    func structure() throws {
        let (text, count) = try calendar()
        let raw = Array(text.utf8)
        for (i, byte) in raw.enumerated() {
            if byte == 10 { #expect(i > 0 && raw[i - 1] == 13) }
            if byte == 13 { #expect(i + 1 < raw.count && raw[i + 1] == 10) }
        }
        let lines = ICSText.unfold(text)
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        for required in ["VERSION:2.0", "PRODID:\(ICSWriter.productID)", "CALSCALE:GREGORIAN"] {
            #expect(lines.contains(required))
        }
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == count)
        #expect(lines.filter { $0 == "BEGIN:VALARM" }.count == count)
        #expect(lines.filter { $0 == "TRIGGER:-P10D" }.count == count)
        #expect(lines.filter { $0 == "DTSTAMP:20260101T000000Z" }.count == count)
        #expect(lines.contains("DTSTART;VALUE=DATE:20250130"))
        #expect(lines.contains("DTEND;VALUE=DATE:20250131"))
        #expect(lines.contains("UID:KZ.eaeu.annex28.para97.calendar.2024-Q4@subsidy"))
        #expect(lines.contains { $0.hasPrefix("DESCRIPTION:Субсидии\\, предоставленные") })
        #expect(lines.contains { $0.contains("Rule: eaeu.annex28.para97\\nCitation: Treaty on the EAEU\\, Annex 28 ¶97") })
        for line in physicalLines(text) { #expect(line.count <= 75) }
    }

    @Test("UIDs are unique and stable across runs and overlapping windows")
    func stableUIDs() throws {
        func uids(_ text: String) -> [String] { ICSText.unfold(text).filter { $0.hasPrefix("UID:") } }
        let (first, _) = try calendar(stamp: "20260101T000000Z")
        let (second, _) = try calendar(stamp: "20270505T121212Z")
        #expect(uids(first) == uids(second))
        #expect(Set(uids(first)).count == uids(first).count)
        let (later, _) = try calendar(from: "2025-01-01", until: "2026-12-31")
        // The deadlines due in 2025 are in both windows, under the same UIDs.
        let shared = Set(uids(first)).intersection(uids(later))
        #expect(shared.count == 8)  // 4 quarters, 2 half-years, 1 biennium, the 2026 plan
        #expect(shared.contains("UID:KZ.eaeu.annex28.para97.calendar.2024-Q4@subsidy"))
        #expect(shared.contains("UID:KZ.wto.scm.art25.biennial.calendar.2023/2024@subsidy"))
    }
}
