import Driver
import Foundation
import RuleCompiler
import Measures
import Schedules
import Testing

/// Decodes a schedule file given as text (failing the test on diagnostics).
func schedule(_ text: String) throws -> ScheduleFile {
    let (file, diagnostics) = ScheduleSource.load(bytes: Array(text.utf8), path: "s.yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    return try #require(file)
}

private func check(_ text: String, asOf: String) throws -> ScheduleReport {
    ScheduleChecker(graph: try TestRules.graph()).check(try schedule(text), asOf: day(asOf))
}

@Suite("Schedule checker")
struct ScheduleCheckerTests {
    static let kz2024 = """
    member_state: KZ
    window: {from: 2024-01-01, until: 2024-12-31}
    measures: [KZ-2024-001, KZ-2024-007]
    submissions:
      - {regime: eaeu, kind: quarterly-granted, covers: 2023-Q4, submitted: 2024-01-30}
      - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q1, submitted: 2024-05-03, measures: [KZ-2024-001, KZ-2024-007]}
      - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q3, submitted: 2024-10-20, measures: [KZ-2024-001]}
      - {regime: wto, kind: cvd-semiannual, covers: 2023-H2, submitted: 2024-02-14}
    """

    @Test("on-time (on the due date), late with days_late, missing, pending")
    func statuses() throws {
        let r = try check(Self.kz2024, asOf: "2024-10-30")
        let by = Dictionary(uniqueKeysWithValues: r.obligations.map { ("\($0.deadline.kind) \($0.deadline.covers)", $0) })
        #expect(by["quarterly-granted 2023-Q4"]?.status == .onTime)  // submitted on the due date
        #expect(by["quarterly-granted 2024-Q1"]?.status == .late)
        #expect(by["quarterly-granted 2024-Q1"]?.daysLate == 3)      // due 2024-04-30
        #expect(by["quarterly-granted 2024-Q1"]?.missingMeasures == [])
        #expect(by["quarterly-granted 2024-Q2"]?.status == .missing)
        #expect(by["quarterly-granted 2024-Q3"]?.status == .onTime)   // due on the as-of date itself
        #expect(by["quarterly-granted 2024-Q3"]?.missingMeasures == ["KZ-2024-007"])
        #expect(by["cvd-semiannual 2023-H2"]?.status == .onTime)
        #expect(by["cvd-semiannual 2024-H1"]?.status == .missing)     // due 2024-08-15
        #expect(by["annual-planned 2025"]?.status == .pending)        // due 2024-12-01
        #expect(by["annual-planned 2025"]?.submission == nil)
        #expect(r.obligations.count == 7)
        #expect(r.hasFailures)
        #expect(r.findings.isEmpty)
        // Nothing submitted and due on the as-of date: still pending.
        let due = try check(Self.kz2024, asOf: "2024-08-15")
        #expect(due.obligations.first { $0.deadline.covers == "2024-H1" }?.status == .pending)
    }

    @Test("a submission dated after the as-of date is not counted")
    func afterAsOf() throws {
        let r = try check(Self.kz2024, asOf: "2024-05-01")
        // Q1 was due on 2024-04-30; what came on 2024-05-03 had not come on 2024-05-01.
        #expect(r.obligations.first { $0.deadline.covers == "2024-Q1" }?.status == .missing)
        #expect(r.findings.map(\.kind) == [.afterAsOf, .afterAsOf])
        #expect(r.findings.first?.range.start.line == 6)
    }

    @Test("duplicates, unmatched and early submissions are findings with their line")
    func findings() throws {
        let text = """
        member_state: KZ
        window: {from: 2024-01-01, until: 2024-12-31}
        submissions:
          - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q1, submitted: 2024-04-20}
          - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q1, submitted: 2024-04-25}
          - {regime: eaeu, kind: quarterly-granted, covers: 2024, submitted: 2024-04-25}
          - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q2, submitted: 2024-06-28}
          - {regime: wto, kind: nil, covers: 2024, submitted: 2024-06-01}
          - {regime: wto, kind: full, covers: 2014/2015, submitted: 2016-06-01}
        """
        let r = try check(text, asOf: "2024-12-31")
        #expect(r.findings.map(\.kind) == [.duplicate, .unmatched, .early, .unmatched, .unmatched])
        #expect(r.findings.map(\.range.start.line) == [5, 6, 7, 8, 9])
        #expect(r.findings[0].related?.start.line == 4)
        #expect(r.findings[1].message.contains("2024-Q1"))   // the shape of a quarter
        #expect(r.findings[3].message.contains("no calendar"))
        // The early submission still counts for its quarter; the first of the duplicates counts.
        #expect(r.obligations.first { $0.deadline.covers == "2024-Q2" }?.status == .onTime)
        #expect(r.obligations.first { $0.deadline.covers == "2024-Q1" }?.submission?.submitted == day("2024-04-20"))
    }

    @Test("Belarus: a WTO submission matches nothing, EAEU ones are checked")
    func belarus() throws {
        let text = """
        member_state: BY
        window: {from: 2024-01-01, until: 2024-03-31}
        submissions:
          - {regime: eaeu, kind: quarterly-granted, covers: 2023-Q4, submitted: 2024-01-29}
          - {regime: wto, kind: full, covers: 2021/2022, submitted: 2023-06-30}
        """
        let r = try check(text, asOf: "2024-04-01")
        #expect(r.obligations.map(\.status) == [.onTime])
        #expect(r.findings.map(\.kind) == [.unmatched])
        #expect(r.findings.first?.message.contains("BY owes no wto notifications") == true)
        #expect(!r.hasFailures)
    }

    @Test("days_late across 29 February; the window's until defaults to the as-of date")
    func leapDayLateness() throws {
        let text = """
        member_state: KZ
        window: {from: 2024-01-01}
        submissions:
          - {regime: wto, kind: cvd-semiannual, covers: 2023-H2, submitted: 2024-03-01}
        """
        let r = try check(text, asOf: "2024-03-10")
        #expect(r.until == day("2024-03-10"))
        #expect(r.obligations.map(\.deadline.covers) == ["2023-Q4", "2023-H2"])
        #expect(r.obligations.last?.daysLate == 15)  // 15 Feb → 1 Mar 2024: 14 + the leap day
    }
}

@Suite("Schedule checker: findings, members, windows")
struct ScheduleCheckerMoreTests {
    static let duplicate = """
    member_state: KZ
    window: {from: 2024-01-01, until: 2024-12-31}
    submissions:
      - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q1, submitted: 2024-04-20}
      - {regime: eaeu, kind: quarterly-granted, covers: 2024-Q1, submitted: 2024-04-25}
      - {regime: wto, kind: full, covers: 2014/2015, submitted: 2016-06-01}
    """

    @Test("a duplicate says where the first submission is: a note in text, 'related' in JSON")
    func duplicateRelated() throws {
        let r = ScheduleChecker(graph: try TestRules.graph()).check(try schedule(Self.duplicate), asOf: day("2024-12-31"))
        let text = ScheduleText.report(r)
        #expect(text.contains("""
            s.yaml:5:5: warning: the eaeu quarterly-granted notification for 2024-Q1 was already submitted on 2024-04-20 [schedule.duplicate]
            s.yaml:4:5: note: first submitted here

            """))
        #expect(text.contains("periods are written like 2023/2024 or 2024;"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ScheduleJSON.report(r).utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let related = try #require(findings.first?["related"] as? [String: Any])
        #expect(related["file"] as? String == "s.yaml")
        #expect(related["line"] as? Int == 4)
        #expect(related["column"] as? Int == 5)
        #expect(findings.last?["related"] is NSNull)
    }

    @Test("the unknown-member message names the rules' member tables, lists the codes, and suggests a near miss")
    func unknownMember() throws {
        let graph = try TestRules.graph()
        let message = Membership.unknownMemberMessage("RUS", in: graph)
        #expect(message == "no member 'RUS' in the rules' member tables (eaeu.members, wto.members): expected one of BY, KG, KZ, RU, XJ, XL; did you mean 'RU'?")
        #expect(!Membership.unknownMemberMessage("US", in: graph).contains("did you mean"))
        #expect(!Membership.unknownMemberMessage("KX", in: graph).contains("did you mean"), "KG and KZ are both one slip away")
        #expect(Membership.unknownMemberMessage("kz", in: graph).hasSuffix("did you mean 'KZ'?"))
        let custom = try #require(RuleCompiler().compile([(path: "r.yaml", text: Self.historic)]).graph)
        #expect(Membership.unknownMemberMessage("KX", in: custom).hasPrefix("no member 'KX' in the rules' member tables (eaeu.members): expected one of KZ; did you mean 'KZ'?"))
    }

    /// A member of the EAEU since 1880 and an annual calendar in force since then.
    static let historic = """
    tables:
      - id: eaeu.members
        title: Members
        citation: {instrument: test, provision: test, verified: false}
        key: code
        rows:
          - {code: KZ, name: Kazakhstan, joined: 1880-01-01}
    calendars:
      - id: eaeu.test.historic
        regime: eaeu
        kind: historic
        title: An annual report
        citation: {instrument: test, provision: test, verified: false}
        in_force: {from: 1880-01-01}
        period: year
        covers: previous
        due: {months_after_period_end: 1, day: 31}
    """

    @Test("a window starting before 1900: obligations and the submissions that meet them agree")
    func windowBefore1900() throws {
        let graph = try #require(RuleCompiler().compile([(path: "r.yaml", text: Self.historic)]).graph)
        let text = """
        member_state: KZ
        window: {from: 1890-01-01, until: 1891-12-31}
        submissions:
          - {regime: eaeu, kind: historic, covers: 1889, submitted: 1890-01-15}
          - {regime: eaeu, kind: historic, covers: 1890, submitted: 1891-02-02}
        """
        let (file, diagnostics) = ScheduleSource.load(bytes: Array(text.utf8), path: "h.yaml",
                                                      decoder: ScheduleFileDecoder(calendarsOf: graph))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let r = ScheduleChecker(graph: graph).check(try #require(file), asOf: day("1892-01-01"))
        #expect(r.obligations.map(\.deadline.covers) == ["1889", "1890"])
        #expect(r.obligations.map(\.status) == [.onTime, .late])
        #expect(r.findings.isEmpty)
    }
}
