public import Measures
public import RuleCompiler

/// One reporting period of a calendar and when its notification is due.
public struct Deadline: Sendable, Hashable {
    public var calendar: String
    public var regime: String
    public var kind: String
    /// `2024-Q1`, `2024-H2`, `2024`, `2023/2024`.
    public var covers: String
    public var periodStart: CalendarDate
    /// First day after the period.
    public var periodEnd: CalendarDate
    public var due: CalendarDate
}

/// Computes the deadlines a calendar sets.
public enum CalendarSchedule {
    /// Every deadline of `calendar` due in `[from, until]` (both inclusive) while the calendar is in force
    /// on the due date. A period whose due date falls on or after the calendar's `in_force.from` is
    /// due even when the period itself began earlier (EAEU ¶97: 2018-Q1 is due on 2018-04-30, after
    /// the provision took effect on 2018-04-17).
    ///
    /// Years are scanned from 10 to 9980 at most, so extreme windows (`0001-01-01`, `9999-12-31`) and
    /// extreme offsets in a rule file never leave the range of ``CalendarDate``.
    public static func deadlines(_ calendar: CalendarDefinition, from: CalendarDate, until: CalendarDate) -> [Deadline] {
        guard from <= until else { return [] }
        var out: [Deadline] = []
        // Periods whose due date can fall in the window start at most ~3 years either side of it.
        let firstYear = min(max(from.year - 3, 10), 9980), lastYear = min(max(until.year + 3, 10), 9980)
        var start = periodStart(containing: CalendarDate(year: firstYear, month: 1, day: 1)!, calendar)
        let last = CalendarDate(year: lastYear, month: 12, day: 31)!
        while start <= last {
            let end = nextStart(after: start, calendar)
            if let due = dueDate(periodStart: start, periodEnd: end, calendar),
               due >= from, due <= until, calendar.inForce.contains(due) {
                out.append(Deadline(
                    calendar: calendar.id, regime: calendar.regime, kind: calendar.kind,
                    covers: label(start, end, calendar), periodStart: start, periodEnd: end, due: due))
            }
            start = end
        }
        return out
    }

    /// The first deadline due on or after `date` while the calendar is in force, looking at most
    /// sixty periods ahead. Walks periods directly (no window scan): `classify` calls it per measure.
    public static func next(_ calendar: CalendarDefinition, onOrAfter date: CalendarDate) -> Deadline? {
        guard (20...9970).contains(date.year) else {
            let horizon = date.year < 9980 ? date.adding(years: 10) : CalendarDate(year: 9999, month: 12, day: 31)!
            return deadlines(calendar, from: date, until: horizon).first
        }
        let months = periodMonths(calendar)
        // A due date can fall up to about two years after its period ends (or before it starts):
        // start a few periods back and walk forward; due dates grow with the periods.
        var start = periodStart(containing: date, calendar).adding(months: -months * max(2, 36 / months))
        for _ in 0..<60 {
            let end = nextStart(after: start, calendar)
            if let due = dueDate(periodStart: start, periodEnd: end, calendar), due >= date {
                if calendar.inForce.contains(due) {
                    return Deadline(
                        calendar: calendar.id, regime: calendar.regime, kind: calendar.kind,
                        covers: label(start, end, calendar), periodStart: start, periodEnd: end, due: due)
                }
                if let until = calendar.inForce.until, due >= until { return nil }
            }
            start = end
        }
        return nil
    }

    static func periodMonths(_ calendar: CalendarDefinition) -> Int {
        switch calendar.period {
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        case .biennium: 24
        }
    }

    static func periodStart(containing date: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate {
        let months = periodMonths(calendar)
        if calendar.period == .biennium {
            let anchor = calendar.anchorYear ?? 1
            let offset = ((date.year - anchor) % 2 + 2) % 2
            return CalendarDate(year: date.year - offset, month: 1, day: 1)!
        }
        let month = (date.month - 1) / months * months + 1
        return CalendarDate(year: date.year, month: month, day: 1)!
    }

    static func nextStart(after start: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate {
        start.adding(months: periodMonths(calendar))
    }

    /// The due date of one period; `nil` when a rule file's offset leaves the years 1–9999. Days past
    /// a month's end are clamped to its last day (`day: 30` in February is 28 or 29 February).
    static func dueDate(periodStart: CalendarDate, periodEnd: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate? {
        switch (calendar.due, calendar.covers) {
        case (.afterPeriodEnd(let months, let day), .previous):
            return shifted(periodEnd, months: months - 1, day: day)
        case (.afterPeriodEnd(let months, let day), .next):
            return shifted(periodStart, months: -months, day: day)
        case (.fixed(let month, let day), .previous):
            // The first such day on or after the period ends.
            var year = periodEnd.year
            while true {
                let d = CalendarDate(year: year, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year)))!
                if d >= periodEnd { return d }
                year += 1
            }
        case (.fixed(let month, let day), .next):
            // The last such day before the period starts.
            var year = periodStart.year
            while true {
                let d = CalendarDate(year: year, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year)))!
                if d < periodStart { return d }
                year -= 1
            }
        }
    }

    /// The given day of the month `months` after `date`'s month, clamped to the month's length.
    static func shifted(_ date: CalendarDate, months: Int, day: Int) -> CalendarDate? {
        guard abs(months) < 1200 else { return nil }
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12, month = total % 12 + 1
        guard (1...9999).contains(year) else { return nil }
        return CalendarDate(year: year, month: month, day: min(max(day, 1), CalendarDate.daysIn(month: month, year: year)))
    }

    static func label(_ start: CalendarDate, _ end: CalendarDate, _ calendar: CalendarDefinition) -> String {
        switch calendar.period {
        case .quarter: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .halfYear: "\(start.year)-H\((start.month - 1) / 6 + 1)"
        case .year: "\(start.year)"
        case .biennium: "\(start.year)/\(end.adding(days: -1).year)"
        }
    }
}
