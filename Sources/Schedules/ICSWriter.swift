import Measures

/// Writes deadlines as an RFC 5545 calendar: one all-day event per deadline, with a reminder.
///
/// Each event's UID is derived from member, calendar and period only
/// (`KZ.eaeu.annex28.para97.calendar.2024-Q1@subsidy`), so importing a later run updates the
/// events instead of duplicating them. Lines end in CRLF and are folded at 75 octets.
public struct ICSWriter: Sendable {
    /// The creation time stamp of every event, UTC, as `YYYYMMDDTHHMMSSZ`.
    public var stamp: String
    /// Days before the due date the reminder fires.
    public var reminderDays: Int
    /// The words of the calendar name, event summaries and descriptions (English unless set).
    public var words: Words = .english

    /// What people read in the calendar; UIDs, dates and categories never change with it.
    public struct Words: Sendable {
        public var calendarName: @Sendable (_ member: String) -> String
        public var summary: @Sendable (PlannedDeadline) -> String
        public var description: @Sendable (PlannedDeadline) -> String

        public init(calendarName: @escaping @Sendable (String) -> String, summary: @escaping @Sendable (PlannedDeadline) -> String,
                    description: @escaping @Sendable (PlannedDeadline) -> String) {
            self.calendarName = calendarName
            self.summary = summary
            self.description = description
        }

        public static let english = Words(
            calendarName: { "\($0) subsidy notifications" },
            summary: { d in "\(d.member): \(d.regime.rawValue.uppercased()) \(d.kind) notification for \(d.covers) due" },
            description: { d in
                """
                \(d.title)
                Covers \(d.covers) (\(d.deadline.periodStart) to \(d.deadline.periodEnd.adding(days: -1))), due \(d.due).
                Rule: \(d.rule)
                Citation: \(d.citation)
                """
            })
    }

    public static let productID = "-//subsidy//Notification deadlines//EN"

    /// - Parameters:
    ///   - stamp: `DTSTAMP`, UTC (`20260101T120000Z`); pass the current time.
    ///   - reminderDays: days before the due date the alarm fires (0 or more).
    public init(stamp: String, reminderDays: Int = 7) {
        self.stamp = stamp
        self.reminderDays = max(0, reminderDays)
    }

    public func write(_ deadlines: [PlannedDeadline], member: String) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(Self.productID)",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(ICSText.escape(words.calendarName(member)))",
        ]
        for d in deadlines { lines += event(d) }
        lines.append("END:VCALENDAR")
        return lines.map { ICSText.fold($0) }.joined()
    }

    /// The stable UID of a deadline's event.
    public static func uid(_ d: PlannedDeadline) -> String {
        "\(d.member).\(d.deadline.calendar).\(d.covers)@subsidy"
    }

    func event(_ d: PlannedDeadline) -> [String] {
        let summary = words.summary(d)
        let description = words.description(d)
        return [
            "BEGIN:VEVENT",
            "UID:\(ICSText.escape(Self.uid(d)))",
            "DTSTAMP:\(stamp)",
            "DTSTART;VALUE=DATE:\(Self.basic(d.due))",
            "DTEND;VALUE=DATE:\(Self.basic(d.due.adding(days: 1)))",
            "SUMMARY:\(ICSText.escape(summary))",
            "DESCRIPTION:\(ICSText.escape(description))",
            "CATEGORIES:\(ICSText.escape(d.regime.rawValue.uppercased())),\(ICSText.escape(d.kind))",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:\(ICSText.escape(summary))",
            "TRIGGER:-P\(reminderDays)D",
            "END:VALARM",
            "END:VEVENT",
        ]
    }

    /// `2024-04-30` → `20240430`.
    static func basic(_ date: CalendarDate) -> String {
        String(date.description.filter { $0 != "-" })
    }
}
