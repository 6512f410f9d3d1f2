import Diagnostics
import Reporting
import Testing

@Suite struct FingerprintTests {
    static let file = "measures/a.yaml"
    static let original = "id: A\nbenefit: unknown\nforms: [grant]\n"
    static let moved = "# a comment\n\nid: A\n\n\n  benefit:   unknown\nforms: [grant]\n"

    static func finding(line: Int, column: Int = 10) -> Finding {
        Finding(
            ruleID: "wto.scm.art1.benefit", level: .warning, message: "'benefit' is unknown",
            range: SourceRange(
                file: file, start: SourceLocation(line: line, column: column),
                end: SourceLocation(line: line, column: column + 7)))
    }

    static func fingerprints(_ findings: [Finding], text: String) -> [String] {
        let context = ReportContext(
            version: "1", repositoryRoot: "/r", sources: [file: SourceText(path: file, text: text)])
        let sarif = SARIFReporter().report(findings, context: context)
        return sarif.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "\"primaryLocationLineHash\": \"") else { return nil }
            return String(line[range.upperBound...].dropLast())
        }
    }

    @Test func insertingLinesAboveAndReindentingKeepsTheFingerprint() {
        let before = Self.fingerprints([Self.finding(line: 2)], text: Self.original)
        let after = Self.fingerprints([Self.finding(line: 6, column: 14)], text: Self.moved)
        #expect(before.count == 1)
        #expect(before == after)
    }

    @Test func differentFlaggedTextGivesADifferentFingerprint() {
        let benefit = Self.fingerprints([Self.finding(line: 2)], text: Self.original)
        let forms = Self.fingerprints([Self.finding(line: 3)], text: Self.original)
        #expect(benefit != forms)
    }

    @Test func identicalLinesAreNumberedByOccurrence() {
        let text = "benefit: unknown\nbenefit: unknown\n"
        let prints = Self.fingerprints([Self.finding(line: 2), Self.finding(line: 1)], text: text)
        #expect(prints.count == 2)
        let hashes = Set(prints.map { $0.split(separator: ":")[0] })
        #expect(hashes.count == 1)
        #expect(prints.map { $0.split(separator: ":")[1] } == ["1", "2"])
    }

    @Test func fingerprintKeyReplacesTheLineText() {
        var a = Self.finding(line: 2)
        a.fingerprintKey = "A#benefit"
        var b = Self.finding(line: 3)
        b.fingerprintKey = "A#benefit"
        #expect(Self.fingerprints([a], text: Self.original) == Self.fingerprints([b], text: Self.original))
    }

    @Test func fnv1aMatchesPublishedVectors() {
        #expect(Fingerprint.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(Fingerprint.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Fingerprint.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func normalisingCollapsesWhitespace() {
        #expect(Fingerprint.normalisedLine("  a \t b  ") == "a b")
    }
}
