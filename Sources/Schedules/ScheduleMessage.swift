public import Diagnostics

/// The messages of schedule files (keys `schedule.*`), in English; other languages word them from
/// their catalogue (``MessageText``).
public enum ScheduleMessage: String, MessageTable {
    case emptyDocument = "empty-document"
    case emptyFile = "empty-file"
    case severalDocuments = "several-documents"
    case theSchedule = "the-schedule"
    case window = "window"
    case aSubmission = "a-submission"
    case notificationKind = "notification-kind"
    case invertedWindow = "inverted-window"
    case memberNote = "member-note"
    case invalidDate = "invalid-date"
    case invalidCovers = "invalid-covers"
    case afterAsOf = "after-as-of"
    case duplicate = "duplicate"
    case firstSubmittedHere = "first-submitted-here"
    case early = "early"
    case notAMember = "not-a-member"
    case noCalendar = "no-calendar"
    case unmatched = "unmatched"
    case shape = "shape"
    case shapes = "shapes"
    case noMemberTable = "no-member-table"
    case noMemberRows = "no-member-rows"
    case noMember = "no-member"

    public static let prefix = "schedule"

    public var template: String {
        switch self {
        case .emptyDocument: "the document holds no schedule"
        case .emptyFile: "the file holds no schedule"
        case .severalDocuments: "a schedule file holds one YAML document, found {count}"
        case .theSchedule: "the schedule"
        case .window: "'window'"
        case .aSubmission: "a submission"
        case .notificationKind: "{regime} notification kind"
        case .invertedWindow: "'until' ({until}) is before 'from' ({from})"
        case .memberNote: "write two capital letters, e.g. KZ"
        case .invalidDate: "'{value}' is not a valid date (YYYY-MM-DD)"
        case .invalidCovers:
            "'{value}' is not a period: write a quarter (2024-Q1), a half-year (2024-H1), a year (2024) or two years (2023/2024)"
        case .afterAsOf: "the {regime} {kind} notification for {covers} is dated {submitted}, after the as-of date {asOf}: not counted"
        case .duplicate: "the {regime} {kind} notification for {covers} was already submitted on {first}"
        case .firstSubmittedHere: "first submitted here"
        case .early: "the {regime} {kind} notification for {covers} is dated {submitted}, before the period ended ({last})"
        case .notAMember: "{member} owes no {regime} notifications (no membership in '{table}')"
        case .noCalendar: "no calendar in the rules sets {regime} '{kind}' deadlines"
        case .unmatched:
            "no {regime} {kind} notification for {covers} was due from {member} (periods are written like {shapes}; check the period and the dates of membership and in force)"
        case .shape: "{shape}"
        case .shapes: "{first} or {second}"
        case .noMemberTable: "no member '{member}': the rules have no member table (a table '<regime>.members')"
        case .noMemberRows: "no member '{member}': the rules' member tables ({tables}) have no rows"
        case .noMember: "no member '{member}' in the rules' member tables ({tables}): expected one of {codes}{hint}"
        }
    }
}
