
import Diagnostics
public import Measures

/// Plain-text renderings of deadlines and schedule reports, for people at a terminal.
public enum ScheduleText {
    /// One line per deadline: due date, regime, kind, period, rule and citation.
    public static func deadlines(_ list: [PlannedDeadline], member: String, from: CalendarDate, until: CalendarDate) -> String {
        var out = "\(member): \(list.count) notification(s) due from \(from) to \(until)\n"
        for d in list {
            out += "  \(d.due)  \(pad(d.regime.rawValue, 4))  \(pad(d.kind, 17))  \(pad(d.covers, 9))  \(d.rule) (\(d.citation))\n"
        }
        return out
    }

    /// The obligations with their status, then the findings (as warnings, unquoted), then a summary line.
    public static func report(_ r: ScheduleReport) -> String {
        var out = "\(r.member) as of \(r.asOf): obligations due from \(r.from) to \(r.until)\n"
        for o in r.obligations {
            var line = "  \(pad(o.status.rawValue, 7))  \(o.deadline.due)  \(pad(o.deadline.regime.rawValue, 4))  "
                + "\(pad(o.deadline.kind, 17))  \(pad(o.deadline.covers, 9))"
            if let s = o.submission { line += "  submitted \(s.submitted)" }
            if let days = o.daysLate { line += " (\(days) day\(days == 1 ? "" : "s") late)" }
            if !o.missingMeasures.isEmpty { line += "; left out: \(o.missingMeasures.joined(separator: ", "))" }
            out += trimmed(line) + "\n"
        }
        out += DiagnosticRenderer().render(r.findings.map(\.diagnostic))
        let counts = ObligationStatus.Status.allCases.map { "\(r.count($0)) \($0.rawValue)" }.joined(separator: ", ")
        out += "\(r.obligations.count) obligation(s): \(counts); \(r.findings.count) finding(s)\n"
        return out
    }

    static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
