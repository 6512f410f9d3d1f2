import Engine
import Measures
import RuleCompiler
@testable import Schedules
import Testing

func day(_ s: String) -> CalendarDate { CalendarDate(s)! }

private func plan(_ member: String, _ from: String, _ until: String, kind: String? = nil) throws -> [PlannedDeadline] {
    let all = DeadlinePlanner(graph: try TestRules.graph()).deadlines(member: member, from: day(from), until: day(until))
    return kind.map { k in all.filter { $0.kind == k } } ?? all
}

@Suite("Deadline planner")
struct DeadlinePlannerTests {
    @Test("Q4 is due on 30 January of the next year")
    func q4DueInJanuary() throws {
        let q = try plan("KZ", "2024-01-01", "2025-12-31", kind: "quarterly-granted")
        let q4 = try #require(q.first { $0.covers == "2024-Q4" })
        #expect(q4.due == day("2025-01-30"))
        #expect(q.map(\.due.description).prefix(4) == ["2024-01-30", "2024-04-30", "2024-07-30", "2024-10-30"])
        #expect(q4.rule == "eaeu.annex28.para97")
        #expect(q4.citation == "Treaty on the EAEU, Annex 28 ¶97")
    }

    @Test("¶97 applies from 2018-04-17: 2018-Q1 (due 2018-04-30) is the first quarter due")
    func paragraph97EntryIntoForce() throws {
        let q = try plan("KZ", "2015-01-01", "2018-12-31", kind: "quarterly-granted")
        #expect(q.map(\.covers) == ["2018-Q1", "2018-Q2", "2018-Q3"])
        #expect(q.first?.due == day("2018-04-30"))
        #expect(q.allSatisfy { $0.due >= day("2018-04-17") })
        // 2017-Q4 would be due 2018-01-30, before ¶97 applied.
        #expect(try plan("KZ", "2018-01-01", "2018-04-29", kind: "quarterly-granted").isEmpty)
    }

    @Test("due days past a month's end fall on its last day, 29 February in leap years")
    func leapYears() throws {
        let extra = """
        calendars:
          - id: eaeu.test.february
            regime: eaeu
            kind: february-test
            title: Due on the 30th day of the second month after the quarter
            citation: {instrument: test, provision: test, verified: false}
            in_force: {from: 2015-01-01}
            period: quarter
            covers: previous
            due: {months_after_period_end: 2, day: 30}
        """
        let graph = try TestRules.graph(extra: extra)
        let list = DeadlinePlanner(graph: graph).deadlines(member: "KZ", from: day("2023-01-01"), until: day("2025-03-31"))
            .filter { $0.kind == "february-test" }
        let byCovers = Dictionary(uniqueKeysWithValues: list.map { ($0.covers, $0.due.description) })
        #expect(byCovers["2022-Q4"] == "2023-02-28")
        #expect(byCovers["2023-Q4"] == "2024-02-29")
        #expect(byCovers["2024-Q4"] == "2025-02-28")
        #expect(byCovers["2024-Q1"] == "2024-05-30")
        // A calendar no obligation rule names is reported under its own id.
        #expect(list.first?.rule == "eaeu.test.february")
    }

    @Test("Kazakhstan joined the WTO on 2015-11-30: 2015-H2 and the 2015/2016 biennium are its first reports")
    func memberJoiningMidYear() throws {
        let wto = try plan("KZ", "2014-01-01", "2017-12-31").filter { $0.regime == .wto }
        let full = wto.filter { $0.kind == "full" }
        #expect(full.map(\.covers) == ["2015/2016"])
        #expect(full.first?.due == day("2017-06-30"))
        let cvd = wto.filter { $0.kind == "cvd-semiannual" }
        #expect(cvd.first?.covers == "2015-H2")
        #expect(cvd.first?.due == day("2016-02-15"))
        #expect(!cvd.contains { $0.covers == "2015-H1" })
    }

    @Test("membership: at the period's start, or joined during it; leaving during it still owes it")
    func membershipConvention() throws {
        let graph = try TestRules.graph()
        let kz = Membership(member: "KZ", regime: .wto, graph: graph)
        #expect(kz.owes(periodStart: day("2015-07-01"), periodEnd: day("2016-01-01")))
        #expect(!kz.owes(periodStart: day("2015-01-01"), periodEnd: day("2015-07-01")))
        #expect(kz.owes(periodStart: day("2015-11-30"), periodEnd: day("2015-12-01")))
        #expect(!Membership(member: "BY", regime: .wto, graph: graph).isEverMember)
        let xl = try plan("XL", "2019-07-01", "2025-12-31", kind: "full")
        #expect(xl.map(\.covers) == ["2019/2020"])  // left 2020-03-01: owes the biennium it left in, not the next
        // A `next` deadline before the member joined is not owed: XJ joined 2015-12-15, after the
        // 2015-12-01 deadline for 2016, and owes the 2017 plan first.
        let xj = try plan("XJ", "2015-01-01", "2016-12-31", kind: "annual-planned")
        #expect(xj.map(\.covers) == ["2017"])
    }

    @Test("Belarus has no WTO obligations, only EAEU ones")
    func belarus() throws {
        let by = try plan("BY", "2024-01-01", "2024-12-31")
        #expect(by.allSatisfy { $0.regime == .eaeu })
        #expect(by.map(\.covers) == ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2025"])
        let planner = DeadlinePlanner(graph: try TestRules.graph())
        #expect(planner.knows(member: "BY"))
        #expect(!planner.knows(member: "US"))
    }

    @Test("a window starting mid-quarter holds only deadlines due in it")
    func windowStartsMidQuarter() throws {
        let list = try plan("KZ", "2024-02-15", "2024-12-31").filter { $0.regime == .eaeu }
        #expect(list.map(\.covers) == ["2024-Q1", "2024-Q2", "2024-Q3", "2025"])
        #expect(list.last?.due == day("2024-12-01"))
        #expect(list.last?.kind == "annual-planned")
        // Inclusive at both ends.
        #expect(try plan("KZ", "2024-04-30", "2024-04-30", kind: "quarterly-granted").map(\.covers) == ["2024-Q1"])
    }

    @Test("the biennial WTO cycle across window boundaries")
    func biennialAcrossWindows() throws {
        #expect(try plan("RU", "2020-01-01", "2024-06-29", kind: "full").map(\.covers) == ["2019/2020", "2021/2022"])
        #expect(try plan("RU", "2021-07-01", "2025-06-30", kind: "full").map(\.covers) == ["2021/2022", "2023/2024"])
        #expect(try plan("RU", "2023-07-01", "2025-06-29", kind: "full").isEmpty)
        let ru = try plan("RU", "2010-01-01", "2016-12-31", kind: "full")
        #expect(ru.map(\.covers) == ["2011/2012", "2013/2014"])  // joined 2012-08-22, during 2011/2012
        #expect(ru.map(\.due.description) == ["2013-06-30", "2015-06-30"])
        // One calendar per round before 2003, then the biennial cycle. A 1995 member does not owe
        // the 1995 round as encoded here (covering 1994, before it joined): the convention at work.
        let xl = try plan("XL", "1995-01-01", "2005-12-31", kind: "full")
        #expect(xl.map(\.covers) == ["1997", "2000", "2002", "2003/2004"])
        #expect(xl.map(\.due.description) == ["1998-06-30", "2001-06-30", "2003-06-30", "2005-06-30"])
        #expect(xl.first?.rule == "wto.scm.art25.full-1998.calendar")
        #expect(xl.last?.rule == "wto.scm.art25-1")
    }

    @Test("extreme windows do not crash")
    func extremeWindows() throws {
        let all = try plan("KZ", "0001-01-01", "9999-12-31")
        #expect(all.count > 100)
        #expect(try plan("KZ", "2025-01-01", "2024-01-01").isEmpty)
        let graph = try TestRules.graph()
        #expect(CalendarSchedule.next(graph.calendars[0], onOrAfter: day("9999-12-31")) == nil)
    }
}

@Suite("Calendar schedule at the ends of the calendar")
struct CalendarScheduleLimitsTests {
    static let extreme = """
    calendars:
      - id: eaeu.test.decade-late
        regime: eaeu
        kind: decade-late
        title: Due in the tenth year after the quarter, on the 31st
        citation: {instrument: test, provision: test, verified: false}
        in_force: {from: 0001-01-01}
        period: quarter
        covers: previous
        due: {months_after_period_end: 120, day: 31}
      - id: eaeu.test.decade-early
        regime: eaeu
        kind: decade-early
        title: Due ten years before the year it plans
        citation: {instrument: test, provision: test, verified: false}
        in_force: {from: 0001-01-01}
        period: year
        covers: next
        due: {months_after_period_end: 120, day: 1}
      - id: wto.test.even-biennium
        regime: wto
        kind: even-biennium
        title: Two-year periods from even years (the first would be 0000/0001)
        citation: {instrument: test, provision: test, verified: false}
        in_force: {from: 0001-01-01}
        period: biennium
        anchor_year: 2024
        covers: next
        due: {month: 12, day: 31}
    """

    @Test("deadlines and next near 9999 and 0001 return (nothing past the calendar's last day), without crashing")
    func nearTheEnds() throws {
        let graph = try TestRules.graph(extra: Self.extreme)
        let first = day("0001-01-01"), last = day("9999-12-31")
        for calendar in graph.calendars {
            for (from, until) in [(day("9990-01-01"), last), (day("9999-12-31"), last), (first, day("0012-12-31")),
                                  (first, first), (first, last)] {
                let list = CalendarSchedule.deadlines(calendar, from: from, until: until)
                #expect(list.allSatisfy { $0.due >= from && $0.due <= until && $0.periodStart >= first })
            }
            for date in [first, day("0001-06-30"), day("9989-12-31"), day("9999-01-01"), day("9999-11-01"), last] {
                if let next = CalendarSchedule.next(calendar, onOrAfter: date) {
                    #expect(next.due >= date && next.due <= last)
                }
            }
        }
        let quarterly = try #require(graph.calendars.first { $0.kind == "quarterly-granted" })
        let end = CalendarSchedule.deadlines(quarterly, from: day("9999-01-01"), until: last)
        #expect(end.map(\.covers) == ["9998-Q4", "9999-Q1", "9999-Q2", "9999-Q3"])  // 9999-Q4 is due in 10000
        #expect(CalendarSchedule.next(quarterly, onOrAfter: day("9999-06-01"))?.covers == "9999-Q2")
        #expect(CalendarSchedule.next(quarterly, onOrAfter: day("9999-10-31")) == nil)
        let planned = try #require(graph.calendars.first { $0.kind == "annual-planned" })
        #expect(CalendarSchedule.next(planned, onOrAfter: day("9998-12-02"))?.covers == nil)  // 10000 cannot be written
        #expect(CalendarSchedule.next(planned, onOrAfter: day("9998-11-02"))?.covers == "9999")
        // The biennium 0000/0001 cannot be written: the first period is 0002/0003, due 0001-12-31.
        let even = try #require(graph.calendars.first { $0.kind == "even-biennium" })
        #expect(CalendarSchedule.deadlines(even, from: first, until: day("0004-12-31")).map(\.periodStart) == [day("0002-01-01"), day("0004-01-01")])
        #expect(CalendarSchedule.next(even, onOrAfter: first)?.due == day("0001-12-31"))
    }

    @Test("a due date ten years after its period is found, in windows and by next")
    func longOffsets() throws {
        let graph = try TestRules.graph(extra: Self.extreme)
        let late = try #require(graph.calendars.first { $0.kind == "decade-late" })
        // 2020-Q1 ends 2020-04-01; the 120th month after it is March 2030.
        #expect(CalendarSchedule.deadlines(late, from: day("2030-03-01"), until: day("2030-03-31")).map(\.covers) == ["2020-Q1"])
        #expect(CalendarSchedule.next(late, onOrAfter: day("2030-03-01"))?.covers == "2020-Q1")
        let early = try #require(graph.calendars.first { $0.kind == "decade-early" })
        // The plan for 2040 is due ten years before 2040 begins.
        #expect(CalendarSchedule.deadlines(early, from: day("2030-01-01"), until: day("2030-01-01")).map(\.covers) == ["2040"])
        #expect(CalendarSchedule.next(early, onOrAfter: day("2029-12-02"))?.covers == "2040")
    }
}
