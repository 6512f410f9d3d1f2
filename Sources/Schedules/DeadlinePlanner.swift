public import Engine
public import Measures
public import RuleCompiler

/// One notification a member owes: the calendar's deadline, with the rule and citation behind it.
public struct PlannedDeadline: Sendable, Hashable {
    public var deadline: Deadline
    /// The member state, e.g. `KZ`.
    public var member: String
    /// The obligation rule whose `then.calendar` names the calendar, else the calendar's id.
    public var rule: String
    /// The calendar's citation, e.g. "Treaty on the EAEU, Annex 28, Annex 28 §IX ¶97".
    public var citation: String
    /// The calendar's title.
    public var title: String

    public var regime: Regime { deadline.regime }
    public var kind: String { deadline.kind }
    public var covers: String { deadline.covers }
    public var due: CalendarDate { deadline.due }
}

/// Lists the notifications a member owes in a window, from the calendars of the rule graph.
public struct DeadlinePlanner: Sendable {
    public var graph: RuleGraph

    public init(graph: RuleGraph) {
        self.graph = graph
    }

    /// Whether any member table `<regime>.members` of the graph has a row for `member`.
    public func knows(member: String) -> Bool {
        Membership.isKnown(member, in: graph)
    }

    /// Every deadline `member` owes that falls due in `[from, until]` (both inclusive), ordered by
    /// due date, then regime, kind and period. A deadline is owed when its calendar is in force on
    /// the due date and the member owes the period (see ``Membership``).
    public func deadlines(member: String, from: CalendarDate, until: CalendarDate) -> [PlannedDeadline] {
        var memberships: [Regime: Membership] = [:]
        var out: [PlannedDeadline] = []
        for (index, calendar) in graph.calendars.enumerated() {
            let membership = memberships[calendar.regime] ?? Membership(member: member, regime: calendar.regime, graph: graph)
            memberships[calendar.regime] = membership
            guard let joined = membership.firstJoined else { continue }
            let rule = obligationRule(calendar: index) ?? calendar.id
            for deadline in CalendarSchedule.deadlines(calendar, from: from, until: until)
            where deadline.due >= joined
                && membership.owes(periodStart: deadline.periodStart, periodEnd: deadline.periodEnd) {
                out.append(PlannedDeadline(
                    deadline: deadline, member: member, rule: rule, citation: calendar.citation.text,
                    title: calendar.title))
            }
        }
        return out.sorted(by: Self.order)
    }

    /// The id of the first obligation rule whose calendar is `calendar` (an index in the graph).
    func obligationRule(calendar: Int) -> String? {
        graph.rules.first { rule in
            if case .obligation(_, let c) = rule.role { return c == calendar }
            return false
        }?.id
    }

    static func order(_ a: PlannedDeadline, _ b: PlannedDeadline) -> Bool {
        (a.due.dayNumber, a.regime.rawValue, a.kind, a.deadline.periodStart.dayNumber)
            < (b.due.dayNumber, b.regime.rawValue, b.kind, b.deadline.periodStart.dayNumber)
    }
}
