import Foundation
import TestSupport
import Testing

/// Runs the built `subsidy` binary (``builtSubsidyBinary(packageRoot:)``: `SUBSIDY_BIN`, else next
/// to the test bundle) in the package root.
enum Binary {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: builtSubsidyBinary(packageRoot: packageRoot))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try startSerially(process)
        let (outData, errData) = readToEnd(stdout: out, stderr: err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("subsidy deadlines / schedule check (binary)", .serialized)
struct ScheduleCLITests {
    @Test("deadlines: JSON keys, ICS output, unknown member and bad dates exit 2")
    func deadlines() throws {
        let rules = try TestRules.writeDirectory()
        let json = try Binary.run(["deadlines", "--member", "KZ", "--from", "2024-12-01", "--until", "2025-01-31",
                                   "--format", "json", "--rules", rules])
        #expect(json.status == 0, "\(json.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed.map { $0["covers"] as? String } == ["2025", "2024-Q4"])
        #expect(parsed.last?["due"] as? String == "2025-01-30")
        for key in ["regime", "kind", "covers", "due", "rule", "citation"] { #expect(parsed.allSatisfy { $0[key] is String }) }

        let ics = try Binary.run(["deadlines", "--member", "KZ", "--from", "2024-01-01", "--until", "2024-12-31",
                                  "--format", "ics", "--rules", rules])
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(ics.stdout.contains("DTSTART;VALUE=DATE:20250130") == false)
        #expect(ics.stdout.contains("DTSTART;VALUE=DATE:20240130\r\n"))

        let unknown = try Binary.run(["deadlines", "--member", "ZZ", "--rules", rules])
        #expect(unknown.status == 2)
        // The country table of the vocabulary (as in measure files) comes before the member tables.
        #expect(unknown.stderr == "error: --member: 'ZZ' is not an ISO 3166-1 alpha-2 country code or EU\n")
        let lower = try Binary.run(["deadlines", "--member", "kz", "--rules", rules])
        #expect(lower.status == 2)
        #expect(lower.stderr == "error: --member: 'kz' is not an ISO 3166-1 alpha-2 country code or EU; did you mean 'KZ'?\n")
        let badDate = try Binary.run(["deadlines", "--member", "KZ", "--from", "2024-02-30", "--rules", rules])
        #expect(badDate.status == 2)
        let inverted = try Binary.run(["deadlines", "--member", "KZ", "--from", "2025-01-01", "--until", "2024-01-01", "--rules", rules])
        #expect(inverted.status == 2)
    }

    @Test("schedule check: exit 1 for the Kazakh history, 0 for Belarus, 2 for a bad file with file:line:column")
    func scheduleCheck() throws {
        let rules = try TestRules.writeDirectory()
        let kz = try Binary.run(["schedule", "check", "Examples/schedules/kz-2018-2025.yaml", "--as-of", "2025-11-15",
                                 "--format", "json", "--rules", rules])
        #expect(kz.status == 1, "\(kz.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(kz.stdout.utf8)) as? [String: Any])
        #expect(report["member"] as? String == "KZ")
        #expect(report["as_of"] as? String == "2025-11-15")
        let obligations = try #require(report["obligations"] as? [[String: Any]])
        let statuses = obligations.map { $0["status"] as? String ?? "" }
        #expect(statuses.filter { $0 == "late" }.count == 3)
        #expect(statuses.filter { $0 == "missing" }.count == 2)
        #expect(statuses.filter { $0 == "pending" }.count == 1)  // annual-planned 2026, due 2025-12-01
        let q3 = try #require(obligations.first { $0["covers"] as? String == "2024-Q3" })
        #expect(q3["missing_measures"] as? [String] == ["KZ-2024-007"])
        let late = try #require(obligations.first { $0["covers"] as? String == "2019/2020" })
        #expect(late["days_late"] as? Int == 63)
        // The 2026 plan, submitted on 2025-11-26, is after the as-of date: pending, and reported.
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["finding"] as? String } == ["after-as-of"])
        #expect(findings.first?["line"] as? Int == 70)

        let by = try Binary.run(["schedule", "check", "Examples/schedules/by-2024.yaml", "--as-of", "2025-01-15", "--rules", rules])
        #expect(by.status == 0, "\(by.stdout)\(by.stderr)")
        #expect(by.stdout.contains("5 obligation(s): 5 on-time"))

        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-schedule-\(UUID().uuidString).yaml")
        try "member_state: KZ\nwindow: {from: 2024-01-01}\nsubmissions:\n  - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q5, submited: 2024-04-01}\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let invalid = try Binary.run(["schedule", "check", bad.path, "--rules", rules])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("\(bad.path):4:"))
        #expect(invalid.stderr.contains("did you mean 'submitted'"))
        let missingFile = try Binary.run(["schedule", "check", "/nonexistent/schedule.yaml", "--rules", rules])
        #expect(missingFile.status == 2)
    }

    @Test("unknown members: the rules' member tables, the codes expected and a near miss; a duplicate's note")
    func unknownMemberAndNotes() throws {
        let rules = try TestRules.writeDirectory()
        let notCode = try Binary.run(["deadlines", "--member", "RUS", "--rules", rules])
        #expect(notCode.status == 2)
        #expect(notCode.stderr == "error: --member: 'RUS' is not an ISO 3166-1 alpha-2 country code or EU\n")
        let unknown = try Binary.run(["deadlines", "--member", "RO", "--rules", rules])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(
            "no member 'RO' in the rules' member tables (eaeu.members, wto.members): expected one of BY, KG, KZ, RU, XJ, XL; did you mean 'RU'?"))

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("schedule-\(UUID().uuidString).yaml")
        try "member_state: US\nwindow: {from: 2024-01-01}\nsubmissions: []\n".write(to: scratch, atomically: true, encoding: .utf8)
        let us = try Binary.run(["schedule", "check", scratch.path, "--rules", rules])
        #expect(us.status == 2)
        #expect(us.stderr.contains("\(scratch.path):1:15: error: no member 'US' in the rules' member tables (eaeu.members, wto.members): expected one of"))

        try ScheduleCheckerMoreTests.duplicate.write(to: scratch, atomically: true, encoding: .utf8)
        let dup = try Binary.run(["schedule", "check", scratch.path, "--as-of", "2024-12-31", "--rules", rules])
        #expect(dup.stdout.contains("\(scratch.path):5:5: warning: the eaeu quarterly-granted notification for 2024-Q1 was already submitted on 2024-04-20 [schedule.duplicate]\n\(scratch.path):4:5: note: first submitted here\n"))
        try? FileManager.default.removeItem(at: scratch)
    }
}
