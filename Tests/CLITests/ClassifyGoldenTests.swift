import Foundation
import Testing

/// `subsidy classify Examples/measures` as of a fixed date, in every format, compared byte for
/// byte with `Tests/CLITests/Golden/examples.<format>`: the memos and the JSON a reviewer reads.
/// Set `RECORD_GOLDEN=1` to write them anew after an intended change (and review the diff).
@Suite("classify: the example measures in every format (golden files)")
struct ClassifyGoldenTests {
    @Test("golden output", arguments: ["text", "markdown", "json"])
    func golden(_ format: String) throws {
        let output = try SubsidyCLI.run(["classify", "Examples/measures", "--as-of", "2026-11-29", "--format", format])
        #expect(output.status == 0, "\(output.stderr)")
        let text = String(decoding: output.stdout, as: UTF8.self)
        let path = SubsidyCLI.packageRoot.appendingPathComponent("Tests/CLITests/Golden/examples.\(format)").path
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "classify --format \(format) differs from \(path); RECORD_GOLDEN=1 rewrites it")
    }
}
