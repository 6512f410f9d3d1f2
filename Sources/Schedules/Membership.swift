public import Measures
public import RuleCompiler

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
    public var regime: String
    /// The member table read (`<regime>.members`), or `nil` when the rules have none.
    public var table: String?
    /// The dates of membership (`from` inclusive, `until` exclusive), one per table row.
    public var spans: [DateRange]

    public init(regime: String, table: String?, spans: [DateRange]) {
        self.regime = regime
        self.table = table
        self.spans = spans
    }

    /// The membership of `member` in `regime` as `graph` records it.
    public init(member: String, regime: String, graph: RuleGraph) {
        let id = "\(regime).members"
        guard let index = graph.tableIndex[id] else {
            self.init(regime: regime, table: nil, spans: [])
            return
        }
        let rows = graph.tables[index].rows[member] ?? []
        self.init(regime: regime, table: id, spans: rows.compactMap(\.membership))
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
