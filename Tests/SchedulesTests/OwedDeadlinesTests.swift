import Engine
import Measures
import RuleCompiler
import Testing

/// `CalendarSchedule.last(_:before:)` and `first(_:onOrAfter:granting:)`: the look-back and the
/// next period that `classify` lists for a measure.
@Suite("Deadlines owed by a measure's period")
struct OwedDeadlinesTests {
    static func calendar(_ id: String) throws -> CalendarDefinition {
        try #require(try TestRules.graph().calendars.first { $0.id == id })
    }

    @Test("the last quarter due before a date; none when the calendar was not in force on its due date")
    func lastBefore() throws {
        let q = try Self.calendar("eaeu.annex28.para97.calendar")
        let last = try #require(CalendarSchedule.last(q, before: day("2026-12-02")))
        #expect(last.covers == "2026-Q3" && last.due == day("2026-10-30"))
        #expect(CalendarSchedule.last(q, before: day("2026-10-30"))?.covers == "2026-Q2", "a due date on the day is not past")
        #expect(CalendarSchedule.last(q, before: day("2018-04-20")) == nil, "2017-Q4 was due before ¶97 applied")
    }

    @Test("the first period due on or after a date in which the measure grants support")
    func firstOverlapping() throws {
        let q = try Self.calendar("eaeu.annex28.para97.calendar")
        let starts2027 = GrantingPeriod(from: day("2027-01-01"), lastDay: nil)
        #expect(CalendarSchedule.first(q, onOrAfter: day("2026-12-02"), granting: starts2027)?.covers == "2027-Q1")
        let ended2016 = GrantingPeriod(from: day("2013-01-01"), lastDay: day("2016-12-31"))
        #expect(CalendarSchedule.first(q, onOrAfter: day("2026-12-02"), granting: ended2016) == nil)
        let planned = try Self.calendar("eaeu.annex28.para95.calendar")
        let next = CalendarSchedule.first(planned, onOrAfter: day("2026-12-02"), granting: starts2027)
        #expect(next?.covers == "2028" && next?.due == day("2027-12-01"))
        let far = GrantingPeriod(from: day("2040-07-01"), lastDay: nil)
        #expect(CalendarSchedule.first(q, onOrAfter: day("2026-12-02"), granting: far)?.due == day("2040-10-30"))
    }
}
