import Diagnostics
import Schedules
import Testing

private func problems(_ text: String) -> [Diagnostic] {
    let (file, diagnostics) = ScheduleSource.load(bytes: Array(text.utf8), path: "bad.yaml")
    #expect(file == nil)
    return diagnostics
}

@Suite("Schedule file decoder")
struct ScheduleFileDecoderTests {
    @Test("unknown keys with did-you-mean, at the key")
    func unknownKeys() {
        let d = problems("""
        member_state: KZ
        windw: {from: 2024-01-01}
        submissions:
          - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q1, submited: 2024-04-01}
        """)
        let unknown = d.filter { $0.id == "schedule.unknown-key" }
        #expect(unknown.count == 2)
        #expect(unknown.contains { $0.message.contains("did you mean 'window'") && $0.range?.start == SourceLocation(line: 2, column: 1) })
        #expect(unknown.contains { $0.message.contains("did you mean 'submitted'") && $0.range?.start.line == 4 })
        #expect(d.contains { $0.id == "schedule.missing-key" && $0.message.contains("'window'") })
    }

    @Test("invalid dates, inverted windows and bad covers, at the value")
    func invalidValues() {
        let d = problems("""
        member_state: KZ
        window: {from: 2024-01-01, until: 2023-12-31}
        submissions:
          - regime: eaeu
            kind: quarterly-granted
            covers: 2024-Q5
            submitted: 2024-02-30
          - {regime: wto, kind: full, covers: 2024/2023, submitted: 2024-06-30}
          - {regime: wto, kind: full, covers: 24, submitted: 2024-06-30}
          - {regime: eaeu, kind: quarterly-granted, covers: 2024-H3, submitted: "2024-4-1"}
        """)
        func at(_ id: String, _ line: Int, _ column: Int) -> Bool {
            d.contains { $0.id == id && $0.range?.start == SourceLocation(line: line, column: column) }
        }
        #expect(at("schedule.inverted-dates", 2, 9))
        #expect(at("schedule.invalid-covers", 6, 13))
        #expect(at("schedule.invalid-date", 7, 16))
        #expect(at("schedule.invalid-covers", 8, 39))
        #expect(at("schedule.invalid-covers", 9, 39))
        #expect(d.filter { $0.id == "schedule.invalid-covers" }.count == 4)
        #expect(d.contains { $0.id == "schedule.invalid-date" && $0.message.contains("'2024-4-1'") })
    }

    @Test("unknown regimes and kinds with did-you-mean; bad member codes")
    func choices() {
        let d = problems("""
        member_state: kz
        window: {from: 2024-01-01}
        submissions:
          - {regime: eaeu, kind: quarterly-grant, covers: 2024-Q1, submitted: 2024-04-01}
          - {regime: wtoo, kind: full, covers: 2024, submitted: 2024-04-01}
          - {regime: wto, kind: annual-planned, covers: 2024, submitted: 2024-04-01}
        """)
        #expect(d.contains { $0.message.contains("'kz' is not an ISO 3166-1") && $0.range?.start.line == 1 })
        #expect(d.contains { $0.message.contains("did you mean 'quarterly-granted'") && $0.range?.start.line == 4 })
        #expect(d.contains { $0.message.contains("did you mean 'wto'") && $0.range?.start.line == 5 })
        #expect(d.contains { $0.message.contains("'annual-planned' is not a valid wto notification kind") })
    }

    @Test("YAML errors, empty files and several documents are located too; nothing crashes")
    func malformed() {
        #expect(problems("member_state: [KZ\n").first?.range?.start.line != nil)
        #expect(problems("").first?.id == "schedule.documents")
        #expect(problems("member_state: KZ\n---\nmember_state: KZ\n").contains { $0.id == "schedule.documents" })
        #expect(!problems("- 1\n- 2\n").isEmpty)
        #expect(!problems("member_state: KZ\nwindow: {from: 2024-01-01}\nsubmissions: {a: 1}\n").isEmpty)
        #expect(!problems("member_state: KZ\nwindow: 2024\n").isEmpty)
        #expect(!problems("member_state: KZ\nwindow: {from: 2024-01-01}\nsubmissions:\n  - 12\n").isEmpty)
    }

    @Test("the example schedule files decode")
    func examples() throws {
        for path in ["Examples/schedules/kz-2018-2025.yaml", "Examples/schedules/by-2024.yaml"] {
            let text = try String(contentsOfFile: Binary.packageRoot + "/" + path, encoding: .utf8)
            let (file, diagnostics) = ScheduleSource.load(bytes: Array(text.utf8), path: path)
            #expect(diagnostics.isEmpty)
            #expect(file != nil)
        }
    }
}
