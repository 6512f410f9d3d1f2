public import Localization
public import Measures
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

    private static func regime(_ code: String, _ catalogue: RussianCatalogue) -> String {
        catalogue.phrase("regime-short-\(code)") ?? code.uppercased()
    }

    private static func kind(_ d: PlannedDeadline, _ catalogue: RussianCatalogue) -> String {
        catalogue.term(.obligationKinds, d.kind) ?? d.kind
    }
}
