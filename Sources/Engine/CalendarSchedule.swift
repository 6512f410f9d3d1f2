public import Measures
public import RuleCompiler

/// One reporting period of a calendar and when its notification is due.
public struct Deadline: Sendable, Hashable {
    public var calendar: String
    public var regime: Regime
    public var kind: String
    /// `2024-Q1`, `2024-H2`, `2024`, `2023/2024` (see ``CalendarSchedule/label(_:start:)``).
    public var covers: String
    public var periodStart: CalendarDate
    /// First day after the period.
    public var periodEnd: CalendarDate
    public var due: CalendarDate
}

/// Computes the deadlines a calendar sets.
///
/// Dates stay in the years 1–9999 of ``CalendarDate``: a period that would start outside them, or
/// a due date that would fall outside them, is `nil`, and the walks over periods stop there.
public enum CalendarSchedule {
    /// Every deadline of `calendar` due in `[from, until]` (both inclusive) while the calendar is in force
    /// on the due date. A period whose due date falls on or after the calendar's `in_force.from` is
    /// due even when the period itself began earlier (EAEU ¶97: 2018-Q1 is due on 2018-04-30, after
    /// the provision took effect on 2018-04-17).
    public static func deadlines(_ calendar: CalendarDefinition, from: CalendarDate, until: CalendarDate) -> [Deadline] {
        guard from <= until else { return [] }
        var out: [Deadline] = []
        let last = until.adding(months: reach(calendar))
        var next = firstPeriodStart(holding: from.adding(months: -reach(calendar)), calendar)
        while let start = next, start <= last {
            let end = start.adding(months: periodMonths(calendar.period))
            if let due = dueDate(periodStart: start, periodEnd: end, calendar),
               due >= from, due <= until, calendar.inForce.contains(due) {
                out.append(deadline(calendar, start, end, due))
            }
            next = valid(end)
        }
        return out
    }

    /// The first deadline due on or after `date` while the calendar is in force, looking at most
    /// sixty periods past the one holding `date`. Walks periods directly (no window scan):
    /// `classify` calls it per measure.
    public static func next(_ calendar: CalendarDefinition, onOrAfter date: CalendarDate) -> Deadline? {
        let months = periodMonths(calendar.period)
        let last = date.adding(months: 60 * months)
        // Due dates grow with the periods: the first one on or after `date` belongs to the first
        // period, from `reach` months back, whose due date is on or after `date`.
        var next = firstPeriodStart(holding: date.adding(months: -reach(calendar)), calendar)
        while let start = next, start <= last {
            let end = start.adding(months: months)
            if let due = dueDate(periodStart: start, periodEnd: end, calendar), due >= date {
                if calendar.inForce.contains(due) { return deadline(calendar, start, end, due) }
                if let until = calendar.inForce.until, due >= until { return nil }
            }
            next = valid(end)
        }
        return nil
    }

    /// The length of a period in months.
    public static func periodMonths(_ period: CalendarDefinition.Period) -> Int {
        switch period {
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        case .biennium: 24
        }
    }

    /// How a period starting on `start` is spelled in `covers`: `2024-Q1`, `2024-H2`, `2024`, `2023/2024`.
    public static func label(_ period: CalendarDefinition.Period, start: CalendarDate) -> String {
        switch period {
        case .quarter: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .halfYear: "\(start.year)-H\((start.month - 1) / 6 + 1)"
        case .year: "\(start.year)"
        case .biennium: "\(start.year)/\(start.year + 1)"
        }
    }

    static func deadline(_ calendar: CalendarDefinition, _ start: CalendarDate, _ end: CalendarDate, _ due: CalendarDate) -> Deadline {
        Deadline(calendar: calendar.id, regime: calendar.regime, kind: calendar.kind,
                 covers: label(calendar.period, start: start), periodStart: start, periodEnd: end, due: due)
    }

    /// At most how many months a due date lies from its period's start, either way: a due date in a
    /// window belongs to a period starting within this many months of the window.
    static func reach(_ calendar: CalendarDefinition) -> Int {
        switch calendar.due {
        case .afterPeriodEnd(let months, _): periodMonths(calendar.period) + months + 1
        case .fixed: periodMonths(calendar.period) + 12
        }
    }

    /// The start of the period holding `date`; `nil` when that period would start outside the
    /// years 1–9999 (the biennium 0000/0001), or `date` itself lies outside them.
    static func periodStart(containing date: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate? {
        if calendar.period == .biennium {
            let anchor = calendar.anchorYear ?? 1
            let offset = ((date.year - anchor) % 2 + 2) % 2
            return CalendarDate(year: date.year - offset, month: 1, day: 1)
        }
        let months = periodMonths(calendar.period)
        return CalendarDate(year: date.year, month: (date.month - 1) / months * months + 1, day: 1)
    }

    /// The start of the period holding `date`, or, when that one cannot be written (it starts before
    /// year 1), of the first period after it; `nil` past 9999.
    static func firstPeriodStart(holding date: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate? {
        let date = max(date, firstDay)
        return periodStart(containing: date, calendar)
            ?? periodStart(containing: date.adding(months: periodMonths(calendar.period)), calendar)
    }

    /// The due date of one period; `nil` when it would fall outside the years 1–9999. Days past a
    /// month's end are clamped to its last day (`day: 30` in February is 28 or 29 February).
    static func dueDate(periodStart: CalendarDate, periodEnd: CalendarDate, _ calendar: CalendarDefinition) -> CalendarDate? {
        switch (calendar.due, calendar.covers) {
        case (.afterPeriodEnd(let months, let day), .previous):
            return shifted(periodEnd, months: months - 1, day: day)
        case (.afterPeriodEnd(let months, let day), .next):
            return shifted(periodStart, months: -months, day: day)
        case (.fixed(let month, let day), .previous):
            // The first such day on or after the period ends.
            guard let due = clamped(year: periodEnd.year, month: month, day: day) else { return nil }
            return due >= periodEnd ? due : clamped(year: periodEnd.year + 1, month: month, day: day)
        case (.fixed(let month, let day), .next):
            // The last such day before the period starts.
            guard let due = clamped(year: periodStart.year, month: month, day: day) else { return nil }
            return due < periodStart ? due : clamped(year: periodStart.year - 1, month: month, day: day)
        }
    }

    /// The given day of the month `months` after `date`'s month, clamped to the month's length.
    static func shifted(_ date: CalendarDate, months: Int, day: Int) -> CalendarDate? {
        let month = date.adding(months: months)
        return clamped(year: month.year, month: month.month, day: day)
    }

    /// `day` of the month, or the month's last day when it is shorter; `nil` outside the years 1–9999.
    static func clamped(year: Int, month: Int, day: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year)))
    }

    /// `date` when it lies in the years 1–9999.
    static func valid(_ date: CalendarDate) -> CalendarDate? {
        CalendarDate(year: date.year, month: date.month, day: date.day)
    }

    static let firstDay = CalendarDate(year: 1, month: 1, day: 1)!
}
