import Diagnostics
public import Localization
public import Measures
import RuleCompiler
public import Schedules

/// `subsidy deadlines --lang ru`: the deadline list and the ICS calendar in Russian. Calendar
/// titles come from the catalogue (`titles:`; they are the events' descriptions), obligation kinds
/// from `obligation_kinds`, dates as «30 апреля 2027 г.». UIDs, dates and rule ids are unchanged.
public enum RussianSchedules {
    /// One line per deadline: due date, regime, kind, period, rule and the provision.
    public static func deadlines(_ list: [PlannedDeadline], member: String, from: CalendarDate, until: CalendarDate,
                                 catalogue: RussianCatalogue) -> String {
        let count = RussianNoun.notification.counted(list.count)
        var out = "\(member): \(count) со сроком представления с \(RussianDate.format(from)) по \(RussianDate.format(until))\n"
        for d in list {
            out += "  \(RussianDate.format(d.due))  \(regime(d.regime, catalogue))  \(kind(d, catalogue)) за \(RussianMemo.period(d.covers)); "
                + "\(d.rule) (\(catalogue.rules[d.rule]?.provision ?? d.citation))\n"
        }
        return out
    }

    /// `schedule check --lang ru`: each obligation with its status, then the findings (worded from
    /// the catalogue's `messages`), then a summary line.
    public static func report(_ r: ScheduleReport, catalogue: RussianCatalogue) -> String {
        let d: (CalendarDate) -> String = RussianDate.format
        var out = "\(r.member), по состоянию на \(d(r.asOf)): обязанности по уведомлению со сроками с \(d(r.from)) по \(d(r.until))\n"
        for o in r.obligations {
            var line = "  \(status(o.status, catalogue)): \(d(o.deadline.due)), \(regime(o.deadline.regime, catalogue)), "
                + "\(kind(o.deadline, catalogue)) за \(RussianMemo.period(o.deadline.covers))"
            if let s = o.submission { line += "; представлено \(d(s.submitted))" }
            if let days = o.daysLate { line += " (с опозданием на \(RussianNoun.day.counted(days)))" }
            if !o.missingMeasures.isEmpty { line += "; не включены меры: \(o.missingMeasures.joined(separator: ", "))" }
            out += line + "\n"
        }
        out += DiagnosticRenderer().render(catalogue.word(r.findings.map(\.diagnostic)))
        let counts = ObligationStatus.Status.allCases.map { "\(status($0, catalogue)) — \(r.count($0))" }.joined(separator: ", ")
        out += "\(RussianNoun.obligation.counted(r.obligations.count)): \(counts); \(RussianNoun.finding.counted(r.findings.count))\n"
        return out
    }

    private static func status(_ s: ObligationStatus.Status, _ catalogue: RussianCatalogue) -> String {
        catalogue.term(.submissionStatuses, s.rawValue) ?? s.rawValue
    }

    /// The words of the ICS calendar in Russian.
    public static func icsWords(_ catalogue: RussianCatalogue) -> ICSWriter.Words {
        ICSWriter.Words(
            calendarName: { "\($0): уведомления о субсидиях" },
            summary: { d in "\(d.member): \(regime(d.regime, catalogue)) — \(kind(d, catalogue)) за \(RussianMemo.period(d.covers)), срок" },
            description: { d in
                let last = d.deadline.periodEnd.adding(days: -1)
                return """
                    \(catalogue.titles[d.deadline.calendar]?.text ?? d.title)
                    За \(RussianMemo.period(d.covers)) (с \(RussianDate.format(d.deadline.periodStart)) по \(RussianDate.format(last))), срок — не позднее \(RussianDate.format(d.due))
                    Правило: \(d.rule)
                    Основание: \(catalogue.rules[d.rule]?.provision ?? d.citation)
                    """
            })
    }

    private static func regime(_ regime: Regime, _ catalogue: RussianCatalogue) -> String {
        catalogue.phrase("regime-short-\(regime.rawValue)") ?? regime.rawValue.uppercased()
    }

    private static func kind(_ d: PlannedDeadline, _ catalogue: RussianCatalogue) -> String {
        catalogue.term(.obligationKinds, d.kind) ?? d.kind
    }
}
