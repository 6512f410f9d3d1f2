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
    /// on the due date.
    public static func deadlines(_ calendar: CalendarDefinition, from: CalendarDate, until: CalendarDate) -> [Deadline] {
        guard from <= until else { return [] }
        var out: [Deadline] = []
        // Periods whose due date can fall in the window start at most ~3 years either side of it.
        var start = periodStart(containing: CalendarDate(year: from.year - 3, month: 1, day: 1)!, calendar)
        let last = CalendarDate(year: until.year + 3, month: 12, day: 31)!
        while start <= last {
            let end = nextStart(after: start, calendar)
            let due = dueDate(periodStart: start, periodEnd: end, calendar)
            if due >= from, due <= until, calendar.inForce.contains(due) {
                out.append(Deadline(
                    calendar: calendar.id, regime: calendar.regime, kind: calendar.kind,
                    covers: label(start, end, calendar), periodStart: start, periodEnd: end, due: due))
            }
            start = end
        }
        return out
    }

    /// The first deadline due on or after `date`, looking up to ten years ahead.
    public static func next(_ calendar: CalendarDefinition, onOrAfter date: CalendarDate) -> Deadline? {
        deadlines(calendar, from: date, until: date.adding(years: 10)).first
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

    static func dueDate(periodStart: CalendarDate, periodEnd: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate {
        switch (calendar.due, calendar.covers) {
        case (.afterPeriodEnd(let months, let day), .previous):
            let base = periodEnd.adding(months: months - 1)
            return CalendarDate(year: base.year, month: base.month, day: min(day, CalendarDate.daysIn(month: base.month, year: base.year)))!
        case (.afterPeriodEnd(let months, let day), .next):
            let base = periodStart.adding(months: -months)
            return CalendarDate(year: base.year, month: base.month, day: min(day, CalendarDate.daysIn(month: base.month, year: base.year)))!
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

    static func label(_ start: CalendarDate, _ end: CalendarDate, _ calendar: CalendarDefinition) -> String {
        switch calendar.period {
        case .quarter: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .halfYear: "\(start.year)-H\((start.month - 1) / 6 + 1)"
        case .year: "\(start.year)"
        case .biennium: "\(start.year)/\(end.adding(days: -1).year)"
        }
    }
}
