public import Measures
public import RuleCompiler

/// The days on which a measure grants support: `period.from` through `period.until` (inclusive in
/// the measure; kept here with an exclusive end). An unknown bound is open.
public struct GrantingPeriod: Sendable, Hashable {
    /// The first day of support; `nil`: unknown (taken as open).
    public var from: CalendarDate?
    /// The first day after the last day of support; `nil`: open-ended.
    public var end: CalendarDate?

    public init(from: CalendarDate?, end: CalendarDate?) {
        self.from = from
        self.end = end
    }

    /// From the measure's `period.from` and `period.until` (the last day of support, inclusive).
    public init(from: CalendarDate?, lastDay: CalendarDate?) {
        self.from = from
        // The day after 9999-12-31 cannot be written: support up to then is open-ended.
        self.end = lastDay.flatMap { CalendarSchedule.valid($0.adding(days: 1)) }
    }

    /// Support at all time (no period given).
    public static let always = GrantingPeriod(from: nil, end: nil)

    /// Whether the measure grants support on some day of `[start, end)`.
    public func overlaps(start: CalendarDate, end periodEnd: CalendarDate) -> Bool {
        if let from, periodEnd <= from { return false }
        if let end, start >= end { return false }
        return true
    }
}

extension CalendarSchedule {
    /// The last deadline of `calendar` due before `date`, when the calendar is in force on its due
    /// date: the look-back of `classify` (one period per calendar, not the whole history).
    public static func last(_ calendar: CalendarDefinition, before date: CalendarDate) -> Deadline? {
        let months = periodMonths(calendar.period)
        var found: (start: CalendarDate, end: CalendarDate, due: CalendarDate)?
        var next = firstPeriodStart(holding: date.adding(months: -(reach(calendar) + months)), calendar)
        while let start = next, start <= date.adding(months: reach(calendar)) {
            let end = start.adding(months: months)
            if let due = dueDate(periodStart: start, periodEnd: end, calendar) {
                // Due dates grow with the periods: the first one on or after `date` ends the walk.
                if due >= date { break }
                found = (start, end, due)
            }
            next = valid(end)
        }
        guard let found, calendar.inForce.contains(found.due) else { return nil }
        return deadline(calendar, found.start, found.end, found.due)
    }

    /// The first deadline of `calendar` due on or after `date`, while the calendar is in force, for
    /// a period in which the measure grants support; `nil` once the measure's last period is past
    /// (or after sixty periods from the first candidate).
    public static func first(
        _ calendar: CalendarDefinition, onOrAfter date: CalendarDate, granting: GrantingPeriod
    ) -> Deadline? {
        let months = periodMonths(calendar.period)
        // Periods before the one holding `period.from` cover no day of support.
        var from = date.adding(months: -reach(calendar))
        if let start = granting.from, start > from { from = start }
        var next = firstPeriodStart(holding: from, calendar)
        var periods = 0
        while let start = next, periods < 60 {
            if let end = granting.end, start >= end { return nil }
            let end = start.adding(months: months)
            if let due = dueDate(periodStart: start, periodEnd: end, calendar), due >= date {
                if calendar.inForce.contains(due) {
                    if granting.overlaps(start: start, end: end) { return deadline(calendar, start, end, due) }
                } else if let until = calendar.inForce.until, due >= until {
                    return nil
                }
            }
            next = valid(end)
            periods += 1
        }
        return nil
    }
}
