public import Diagnostics
public import Measures

/// The outcome of checking a schedule file: one status per obligation due in the window, and
/// findings about submissions.
public struct ScheduleReport: Sendable {
    public var member: String
    public var asOf: CalendarDate
    public var from: CalendarDate
    public var until: CalendarDate
    public var obligations: [ObligationStatus]
    public var findings: [ScheduleFinding]

    /// Whether anything is late or missing (an obligation, or measures a notification left out):
    /// the `schedule check` exit code 1.
    public var hasFailures: Bool {
        obligations.contains { $0.status == .late || $0.status == .missing || !$0.missingMeasures.isEmpty }
    }

    /// Obligations per status.
    public func count(_ status: ObligationStatus.Status) -> Int {
        obligations.filter { $0.status == status }.count
    }
}

/// One obligation and what was done about it.
public struct ObligationStatus: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Submitted on or before the due date.
        case onTime = "on-time"
        /// Submitted after the due date (and on or before the as-of date).
        case late
        /// Not submitted, and the due date has passed on the as-of date.
        case missing
        /// Not submitted, and not yet due (the due date is the as-of date or later).
        case pending
    }

    public var deadline: PlannedDeadline
    public var status: Status
    /// The submission counted for the obligation (the earliest one), if any.
    public var submission: Submission?
    /// Days after the due date the notification came, for `late`.
    public var daysLate: Int?
    /// Measures of the schedule's `measures` list the notification left out (checked only when the
    /// submission lists its measures).
    public var missingMeasures: [String]
}

/// Something wrong with a submission itself.
public struct ScheduleFinding: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// No obligation of the member matches the regime, kind and period.
        case unmatched
        /// A second submission for a period already submitted (the earliest one counts).
        case duplicate
        /// Submitted before the period it reports on had ended (`previous` calendars).
        case early
        /// Dated after the as-of date: not counted on that date.
        case afterAsOf = "after-as-of"
    }

    public var kind: Kind
    /// What is wrong, worded per language (``message`` is its English).
    public var text: MessageText
    public var message: String { text.english }
    public var submission: Submission
    /// Where the earlier submission is, for duplicates.
    public var related: SourceRange?

    public var range: SourceRange { submission.range }

    /// The finding as a warning `schedule.<kind>` at the submission, with a note at the earlier
    /// submission for duplicates.
    public var diagnostic: Diagnostic {
        Diagnostic(id: "schedule.\(kind.rawValue)", severity: .warning, text, range: range,
                   notes: related.map { [Note(ScheduleMessage.firstSubmittedHere(), at: $0)] } ?? [])
    }
}
