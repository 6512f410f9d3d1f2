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
        let wto = try plan("KZ", "2014-01-01", "2017-12-31").filter { $0.regime == "wto" }
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
        let kz = Membership(member: "KZ", regime: "wto", graph: graph)
        #expect(kz.owes(periodStart: day("2015-07-01"), periodEnd: day("2016-01-01")))
        #expect(!kz.owes(periodStart: day("2015-01-01"), periodEnd: day("2015-07-01")))
        #expect(kz.owes(periodStart: day("2015-11-30"), periodEnd: day("2015-12-01")))
        #expect(!Membership(member: "BY", regime: "wto", graph: graph).isEverMember)
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
        #expect(by.allSatisfy { $0.regime == "eaeu" })
        #expect(by.map(\.covers) == ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2025"])
        let planner = DeadlinePlanner(graph: try TestRules.graph())
        #expect(planner.knows(member: "BY"))
        #expect(!planner.knows(member: "US"))
    }

    @Test("a window starting mid-quarter holds only deadlines due in it")
    func windowStartsMidQuarter() throws {
        let list = try plan("KZ", "2024-02-15", "2024-12-31").filter { $0.regime == "eaeu" }
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
