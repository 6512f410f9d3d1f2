public import Diagnostics
public import Measures
public import RuleCompiler
import YAMLLoader

/// When a member state is party to a regime, read from the member table `<regime>.members`.
///
/// **Convention.** A reporting period is owed by a member when the member was party to the regime
/// on the period's first day, or joined during the period (a member that joins on 30 November
/// owes the report on the quarter, half-year or biennium it joined in). A member that left before
/// a period began owes nothing for it; one that left during a period still owes it. A member's
/// rows are taken together, so a table that splits one membership into several rows (a status
/// change) reads as one membership. A deadline that falls before the member first joined is never
/// owed (possible only for `next` calendars, whose due date precedes the period). Rows without a `joined` date are ignored, as the engine's
/// `member_of` does. A member with no row — Belarus in `wto.members` — owes nothing.
public struct Membership: Sendable {
    /// The regime, e.g. `eaeu`.
    public var regime: Regime
    /// The dates of membership (`from` inclusive, `until` exclusive), one per table row.
    public var spans: [DateRange]

    public init(regime: Regime, spans: [DateRange]) {
        self.regime = regime
        self.spans = spans
    }

    /// The membership of `member` in `regime` as `graph` records it.
    public init(member: String, regime: Regime, graph: RuleGraph) {
        let rows = graph.tableIndex[Self.tableID(regime)].flatMap { graph.tables[$0].rows[member] } ?? []
        self.init(regime: regime, spans: rows.compactMap(\.membership))
    }

    /// The member table of `regime`: `<regime>.members`.
    static func tableID(_ regime: Regime) -> String { "\(regime.rawValue).members" }

    /// The member tables of `graph`: every table `<regime>.members`, in the graph's order.
    static func tables(in graph: RuleGraph) -> [RuleGraph.Table] {
        graph.tables.filter { $0.definition.id.hasSuffix(".members") }
    }

    /// Whether any member table of `graph` has a row for `member`.
    public static func isKnown(_ member: String, in graph: RuleGraph) -> Bool {
        tables(in: graph).contains { $0.rows[member] != nil }
    }

    /// Why `member` is refused: the member tables of `graph` it is missing from, the codes they
    /// hold, and the closest code when `member` looks like a typo of it.
    public static func unknownMemberMessage(_ member: String, in graph: RuleGraph) -> String {
        unknownMember(member, in: graph).english
    }

    /// ``unknownMemberMessage(_:in:)`` worded per language.
    public static func unknownMember(_ member: String, in graph: RuleGraph) -> MessageText {
        let tables = tables(in: graph)
        guard !tables.isEmpty else { return ScheduleMessage.noMemberTable(["member": .text(member)]) }
        let names = MessageArgument.text(tables.map(\.definition.id).joined(separator: ", "))
        let codes = Set(tables.flatMap(\.rows.keys)).sorted()
        guard !codes.isEmpty else { return ScheduleMessage.noMemberRows(["member": .text(member), "tables": names]) }
        // Two-letter codes are all within two edits of one another: name a code only when it is the
        // one code a single slip away (or the same in another case).
        let upper = member.uppercased()
        let near = codes.contains(upper) ? [upper] : codes.filter { Suggestion.distance(upper, $0) == 1 }
        let hint = near.count == 1 ? YAMLMessage.didYouMean(["suggestion": .text(near[0])]) : .empty
        return ScheduleMessage.noMember([
            "member": .text(member), "tables": names, "codes": .text(codes.joined(separator: ", ")), "hint": .message(hint),
        ])
    }

    /// Whether the member ever was (or is) party to the regime.
    public var isEverMember: Bool { !spans.isEmpty }

    /// The first day of membership, if any.
    public var firstJoined: CalendarDate? { spans.map(\.from).min() }

    /// Whether the member owes the report on the period `[start, end)` (see the convention above).
    public func owes(periodStart start: CalendarDate, periodEnd end: CalendarDate) -> Bool {
        spans.contains { span in
            span.contains(start) || (span.from > start && span.from < end)
        }
    }
}
