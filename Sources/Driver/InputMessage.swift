public import Diagnostics
import Measures
import Schedules
import YAMLLoader

/// The messages about input files (keys `input.*`): Markdown drafts, ids repeated across files,
/// files named but not read. In English; other languages word them from their catalogue.
public enum InputMessage: String, MessageTable {
    case unterminatedFrontMatter = "unterminated-front-matter"
    case noFrontMatter = "no-front-matter"
    case emptyFile = "empty-file"
    case notRead = "not-read"
    case duplicateID = "duplicate-id"
    case firstUsedHere = "first-used-here"

    public static let prefix = "input"

    public var template: String {
        switch self {
        case .unterminatedFrontMatter: "the front matter opened here is never closed (expected a line '---' after the measure)"
        case .noFrontMatter:
            "the Markdown draft has no YAML front matter (a line '---', the measure, a line '---', before any text; blank lines and HTML comments may come first)"
        case .emptyFile: "the file holds no measure"
        case .notRead: "not read: {reason}"
        case .duplicateID: "the measure id '{id}' is already used at {place}; ids must be unique"
        case .firstUsedHere: "'{id}' is first used here"
        }
    }
}

/// The messages of the commands themselves about their options (keys `command.*`).
public enum CommandMessage: String, MessageTable {
    case noRule = "no-rule"
    case didYouMean = "did-you-mean"
    case member = "member"
    case untilBeforeFrom = "until-before-from"

    public static let prefix = "command"

    public var template: String {
        switch self {
        case .noRule: "no rule '{id}'{hint}"
        case .didYouMean: " (did you mean '{suggestion}'?)"
        case .member: "--member: {problem}"
        case .untilBeforeFrom: "--until ({until}) is before --from ({from})"
        }
    }
}

/// Every message table of the tool, for `rules check` (a key with no Russian template is an error).
public enum MessageTables {
    public static var entries: [(key: String, template: String)] {
        YAMLMessage.entries + MeasureMessage.entries + ScheduleMessage.entries + InputMessage.entries + CommandMessage.entries
    }
}
