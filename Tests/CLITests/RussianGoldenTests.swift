import Foundation
import Testing

/// `subsidy classify Examples/measures --lang ru` as of a fixed date, compared byte for byte with
/// `Tests/CLITests/Golden/examples.ru.<format>`: the Russian memo a trade lawyer reads.
/// `RECORD_GOLDEN=1` writes them anew (review the diff).
@Suite("classify --lang ru: the example measures (golden files)")
struct RussianGoldenTests {
    @Test("golden Russian memo", arguments: ["text", "markdown"])
    func golden(_ format: String) throws {
        let output = try SubsidyCLI.run(["classify", "Examples/measures", "--as-of", "2026-11-29", "--format", format, "--lang", "ru"])
        #expect(output.status == 0, "\(output.stderr)")
        let text = String(decoding: output.stdout, as: UTF8.self)
        let path = SubsidyCLI.packageRoot.appendingPathComponent("Tests/CLITests/Golden/examples.ru.\(format)").path
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "classify --lang ru --format \(format) differs from \(path); RECORD_GOLDEN=1 rewrites it")
    }

    /// What makes it a Russian memo: categories as the texts name them, dates as «1 июля 2016 г.»,
    /// plurals right, no English headings; rule ids and fact paths unchanged.
    @Test func theMemoIsInLegalRussian() throws {
        let output = try SubsidyCLI.run(["classify", "Examples/measures", "--as-of", "2026-11-29", "--lang", "ru"])
        let text = String(decoding: output.stdout, as: UTF8.self)
        #expect(output.status == 0)
        #expect(text.contains("ЗАКЛЮЧЕНИЕ"))
        #expect(text.contains("ОБОСНОВАНИЕ"))
        #expect(text.contains("По состоянию на 29 ноября 2026 г."))
        #expect(text.contains("ЕАЭС: запрещённая субсидия"))
        #expect(text.contains("специфическая субсидия"))
        #expect(text.contains("eaeu.annex28.prohibited.export"))
        for english in ["CONCLUSION", "PROOF", "Decided by:", "Facts read:", "What to do:", "As of "] {
            #expect(!text.contains(english), "English left in the Russian memo: \(english)")
        }
        #expect(!text.contains("[memo-"), "a memo phrase missing from the catalogue")
        #expect(!text.contains("[reason-"), "a reason phrase missing from the catalogue")
    }
}
