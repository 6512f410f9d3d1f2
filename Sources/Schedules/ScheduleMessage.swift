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
        }
    }
}
