public import Measures

/// The calendar-date type of rule files (the measure contract's ``CalendarDate``).
public typealias CalendarDateValue = CalendarDate
