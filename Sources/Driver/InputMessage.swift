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
    case cannotRead = "cannot-read"
    case cannotWrite = "cannot-write"
    case notAMeasureFile = "not-a-measure-file"
    case noSuchFile = "no-such-file"
    case notARegularFile = "not-a-regular-file"
    case permissionDenied = "permission-denied"
    case cannotList = "cannot-list"
    case brokenLink = "broken-link"

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
        case .cannotRead: "cannot read the file: {reason}"
        case .cannotWrite: "cannot write the file: {reason}"
        case .notAMeasureFile: "is a folder, not a measure file"
        case .noSuchFile: "no such file"
        case .notARegularFile: "not a regular file"
        case .permissionDenied: "permission denied"
        case .cannotList: "cannot list the folder: {reason}"
        case .brokenLink: "cannot read: a symbolic link to a file or folder that does not exist"
        }
    }
}

extension InputMessage {
    /// A reason ``FileSystem`` gives (in English) as a message: the reasons it words itself have
    /// their templates; one from the operating system (`strerror`) stays as it is.
    static func reason(_ text: String) -> MessageText {
        let listing = "cannot list the folder: "
        if text.hasPrefix(listing) { return cannotList(["reason": .message(reason(String(text.dropFirst(listing.count))))]) }
        return switch text {
        case noSuchFile.template: noSuchFile()
        case notARegularFile.template: notARegularFile()
        case permissionDenied.template: permissionDenied()
        case brokenLink.template: brokenLink()
        default: .verbatim(text)
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
