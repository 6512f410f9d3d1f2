import Testing
import YAMLLoader

@Suite("Duplicate keys in hostile files")
struct DuplicateKeyCapTests {
    @Test func aThousandDuplicatesGiveAHundredReportsAndOneSummary() {
        let text = (0..<1001).map { _ in "k: 1" }.joined(separator: "\n")
        let result = YAMLLoader().load(text, file: "dup.yaml")
        let duplicates = result.diagnostics.filter { $0.id == "yaml.duplicate-key" }
        #expect(duplicates.count == 101)
        #expect(duplicates.first?.range?.start.line == 2)
        #expect(duplicates.last?.message.contains("only the first 100") == true)
    }
}
