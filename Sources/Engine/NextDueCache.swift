import Measures
import RuleCompiler
import Synchronization

/// Remembers each calendar's next deadline on or after a date: every measure classified on the
/// same date asks the same question. Safe to share between threads (parallel lint).
final class NextDueCache: Sendable {
    private struct Key: Hashable {
        var calendar: Int
        var date: CalendarDate
    }

    private let entries = Mutex<[Key: Deadline?]>([:])

    func next(_ calendars: [CalendarDefinition], _ calendar: Int, onOrAfter date: CalendarDate) -> Deadline? {
        let key = Key(calendar: calendar, date: date)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let value = CalendarSchedule.next(calendars[calendar], onOrAfter: date)
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[key] = value
        }
        return value
    }
}
