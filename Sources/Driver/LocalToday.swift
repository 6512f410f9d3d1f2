import Foundation
public import Measures

/// Today's date in the machine's time zone (`TZ`): the default as-of date of every command and of
/// `subsidy serve`. A ministry in Almaty (UTC+5) gets its own date at local midnight, not UTC's at 05:00.
public enum LocalToday {
    /// How help texts name the default.
    public static let help = "today in the local time zone (TZ)"

    @Sendable public static func date() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
