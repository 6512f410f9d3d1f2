import Diagnostics
import Measures
import RuleCompiler

/// Remembers each calendar's next deadline on or after a date: every measure classified on the
/// same date asks the same question. Safe to share between threads (parallel lint).
final class NextDueCache: Sendable {
    private struct Entry {
        var calendar: Int
        var date: CalendarDate
        var deadline: Deadline?
    }

    /// A few recent answers, searched in order: a run classifies on one date, against a handful of
    /// calendars, so a short list beats hashing.
    private let entries = Locked<[Entry]>([])
    private static let capacity = 64

    func next(_ calendars: [CalendarDefinition], _ calendar: Int, onOrAfter date: CalendarDate) -> Deadline? {
        let hit: Deadline?? = entries.withLock { entries in
            for entry in entries where entry.calendar == calendar && entry.date == date { return .some(entry.deadline) }
            return nil
        }
        if let hit { return hit }
        let value = CalendarSchedule.next(calendars[calendar], onOrAfter: date)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeFirst() }
            entries.append(Entry(calendar: calendar, date: date, deadline: value))
        }
        return value
    }
}
