public import Diagnostics
public import Measures
public import RuleCompiler
import Engine
import YAMLLoader

/// Compares a schedule file's submissions with the deadlines the rules set for its member.
///
/// Submissions are taken in date order (file order for the same date). One dated after the as-of
/// date is not counted; one for a period already submitted is a duplicate (the earliest counts);
/// one matching no deadline of the member (regime, kind and `covers` exactly) is unmatched. A
/// submission for a deadline outside the window is matched but not reported. For a `previous`
/// calendar, a submission dated before the first day after the period is early; it still counts.
public struct ScheduleChecker: Sendable {
    public var graph: RuleGraph

    public init(graph: RuleGraph) {
        self.graph = graph
    }

    public func check(_ schedule: ScheduleFile, asOf: CalendarDate) -> ScheduleReport {
        let member = schedule.memberState
        let until = max(schedule.until ?? asOf, schedule.from)
        let latest = ([until, asOf] + schedule.submissions.map(\.submitted)).max()!
        // A submission may match a deadline outside the window (matched, not reported): every
        // deadline from 1900 (or the window's start, when earlier) to three years past the latest
        // date in play, once; the window's obligations are a part of it.
        let all = DeadlinePlanner(graph: graph).deadlines(
            member: member, from: min(schedule.from, Self.earliest), until: latest.adding(years: 3))
        var byKey: [String: PlannedDeadline] = [:]
        for d in all { byKey[Self.key(d.regime, d.kind, d.covers)] = d }

        var findings: [ScheduleFinding] = []
        var counted: [String: Submission] = [:]
        let ordered = schedule.submissions.enumerated().sorted { a, b in
            (a.element.submitted, a.offset) < (b.element.submitted, b.offset)
        }.map(\.element)
        for s in ordered {
            let key = Self.key(s.regime, s.kind, s.covers)
            if s.submitted > asOf {
                findings.append(ScheduleFinding(kind: .afterAsOf, text: ScheduleMessage.afterAsOf(Self.named(s, [
                    "submitted": .text("\(s.submitted)"), "asOf": .text("\(asOf)"),
                ])), submission: s))
                continue
            }
            guard let deadline = byKey[key] else {
                findings.append(ScheduleFinding(kind: .unmatched, text: unmatched(s, member: member), submission: s))
                continue
            }
            if let first = counted[key] {
                findings.append(ScheduleFinding(kind: .duplicate, text: ScheduleMessage.duplicate(Self.named(s, [
                    "first": .text("\(first.submitted)"),
                ])), submission: s, related: first.range))
                continue
            }
            counted[key] = s
            if coversPrevious(deadline), s.submitted < deadline.deadline.periodEnd {
                let last = deadline.deadline.periodEnd.adding(days: -1)
                findings.append(ScheduleFinding(kind: .early, text: ScheduleMessage.early(Self.named(s, [
                    "submitted": .text("\(s.submitted)"), "last": .text("\(last)"),
                ])), submission: s))
            }
        }
        findings.sort { ($0.range.start, $0.kind.rawValue) < ($1.range.start, $1.kind.rawValue) }

        let obligations = all.filter { $0.due >= schedule.from && $0.due <= until }.map { d in
            status(d, submission: counted[Self.key(d.regime, d.kind, d.covers)], asOf: asOf, required: schedule.measures)
        }
        return ScheduleReport(member: member, asOf: asOf, from: schedule.from, until: until,
                              obligations: obligations, findings: findings)
    }

    func status(_ d: PlannedDeadline, submission: Submission?, asOf: CalendarDate, required: [String]) -> ObligationStatus {
        guard let submission else {
            return ObligationStatus(deadline: d, status: d.due < asOf ? .missing : .pending, submission: nil,
                                    daysLate: nil, missingMeasures: [])
        }
        let late = d.due.days(until: submission.submitted)
        let missing = submission.measures.map { listed in required.filter { !listed.contains($0) } } ?? []
        return ObligationStatus(deadline: d, status: late > 0 ? .late : .onTime, submission: submission,
                                daysLate: late > 0 ? late : nil, missingMeasures: missing)
    }

    func coversPrevious(_ d: PlannedDeadline) -> Bool {
        graph.calendarIndex[d.deadline.calendar].map { graph.calendars[$0].covers == .previous } ?? false
    }

    /// Why a submission matches nothing, in words.
    func unmatched(_ s: Submission, member: String) -> MessageText {
        let membership = Membership(member: member, regime: s.regime, graph: graph)
        if !membership.isEverMember {
            return ScheduleMessage.notAMember([
                "member": .text(member), "regime": .text(s.regime.rawValue), "table": .text(Membership.tableID(s.regime)),
            ])
        }
        let calendars = graph.calendars.filter { $0.regime == s.regime && $0.kind == s.kind }
        guard !calendars.isEmpty else {
            return ScheduleMessage.noCalendar(["regime": .text(s.regime.rawValue), "kind": .text(s.kind)])
        }
        let shapes = Set(calendars.map { Self.example($0.period) }).sorted()
        return ScheduleMessage.unmatched(Self.named(s, ["member": .text(member), "shapes": .message(Self.either(shapes[...]))]))
    }

    /// "2024-Q1 or 2024" (one "or" between each two).
    static func either(_ shapes: ArraySlice<String>) -> MessageText {
        guard let first = shapes.first else { return .empty }
        guard shapes.count > 1 else { return ScheduleMessage.shape(["shape": .text(first)]) }
        return ScheduleMessage.shapes(["first": .text(first), "second": .message(either(shapes.dropFirst()))])
    }

    /// `arguments` with the submission's regime, kind and period.
    static func named(_ s: Submission, _ arguments: [String: MessageArgument]) -> [String: MessageArgument] {
        arguments.merging(["regime": .text(s.regime.rawValue), "kind": .text(s.kind), "covers": .text(s.covers)]) { a, _ in a }
    }

    /// How a period of this length is spelled: the first one of 2024, or the two years ending with 2024.
    static func example(_ period: CalendarDefinition.Period) -> String {
        let years = (CalendarSchedule.periodMonths(period) - 1) / 12 + 1
        return CalendarSchedule.label(period, start: CalendarDate(year: 2025 - years, month: 1, day: 1)!)
    }

    /// The earliest due date a submission is matched against (unless the window starts earlier).
    static let earliest = CalendarDate(year: 1900, month: 1, day: 1)!

    static func key(_ regime: Regime, _ kind: String, _ covers: String) -> String { "\(regime.rawValue)|\(kind)|\(covers)" }
}
