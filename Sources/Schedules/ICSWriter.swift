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
            "X-WR-CALNAME:\(ICSText.escape("\(member) subsidy notifications"))",
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
        let summary = "\(d.member): \(d.regime.uppercased()) \(d.kind) notification for \(d.covers) due"
        let last = d.deadline.periodEnd.adding(days: -1)
        let description = """
            \(d.title)
            Covers \(d.covers) (\(d.deadline.periodStart) to \(last)), due \(d.due).
            Rule: \(d.rule)
            Citation: \(d.citation)
            """
        return [
            "BEGIN:VEVENT",
            "UID:\(ICSText.escape(Self.uid(d)))",
            "DTSTAMP:\(stamp)",
            "DTSTART;VALUE=DATE:\(Self.basic(d.due))",
            "DTEND;VALUE=DATE:\(Self.basic(d.due.adding(days: 1)))",
            "SUMMARY:\(ICSText.escape(summary))",
            "DESCRIPTION:\(ICSText.escape(description))",
            "CATEGORIES:\(ICSText.escape(d.regime.uppercased())),\(ICSText.escape(d.kind))",
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
