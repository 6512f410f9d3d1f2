public import Diagnostics

/// Everything a reporter needs besides the findings: who reports, the rules, and the sources.
public struct ReportContext: Sendable {
    /// The tool name (`subsidy`), SARIF `tool.driver.name`.
    public var toolName: String
    /// The tool version, e.g. `0.1.0` (also used as SARIF `semanticVersion`).
    public var version: String
    /// The tool's home page, SARIF `tool.driver.informationUri` (omitted when `nil`).
    public var informationURI: String?
    /// The rules that may appear in findings; ids without a summary get ``RuleSummary/placeholder(for:level:)``.
    public var rules: [RuleSummary]
    /// The absolute path of the repository root, used to make SARIF URIs repository-relative.
    /// `nil` means file paths are already relative to the root.
    public var repositoryRoot: String?
    /// The absolute directory relative paths were given from; `nil` means the repository root.
    public var workingDirectory: String?
    /// Source texts by path (as in ``Finding/file``), for snippets and fingerprints.
    public var sources: [String: SourceText]
    /// Every file that was checked, including clean ones (JUnit lists them; summaries count them).
    public var checkedFiles: [String]
    /// The lowest level that fails the run (`--fail-on`).
    public var failOn: Severity
    /// Inputs that could not be read at all (a missing path, a folder that cannot be listed): the
    /// run is incomplete. Every format carries them and they fail the run whatever `failOn` says.
    public var inputErrors: [Finding] = []
    /// The words of another language for the summary line and for checks no rule describes
    /// (`nil`: English).
    public var words: ReportWords? = nil

    /// Creates a context.
    public init(
        toolName: String = "subsidy",
        version: String,
        informationURI: String? = nil,
        rules: [RuleSummary] = [],
        repositoryRoot: String? = nil,
        workingDirectory: String? = nil,
        sources: [String: SourceText] = [:],
        checkedFiles: [String] = [],
        failOn: Severity = .error
    ) {
        self.toolName = toolName
        self.version = version
        self.informationURI = informationURI
        self.rules = rules
        self.repositoryRoot = repositoryRoot
        self.workingDirectory = workingDirectory
        self.sources = sources
        self.checkedFiles = checkedFiles
        self.failOn = failOn
    }

    /// The summary of `id`, or a placeholder at `level` when no rule describes it.
    public func rule(_ id: String, level: Severity) -> RuleSummary {
        rules.first { $0.id == id } ?? words?.placeholder(id, level) ?? .placeholder(for: id, level: level)
    }

    /// The summary line of `findings` (``ReportSummary/line`` in English).
    public func summaryLine(_ summary: ReportSummary) -> String {
        words?.summary(summary) ?? summary.line
    }

    /// `path` relative to the repository root (`/`-separated, no `./`), or `nil` when it lies outside it.
    public func repositoryRelativePath(_ path: String) -> String? {
        RepositoryPath.relative(path, root: repositoryRoot, workingDirectory: workingDirectory)
    }
}

/// Counts of findings by level, and whether they fail the run.
public struct ReportSummary: Hashable, Sendable {
    /// Findings at level `error`.
    public var errors: Int
    /// Findings at level `warning`.
    public var warnings: Int
    /// Findings at level `note`.
    public var notes: Int
    /// Files checked: the context's list, or the files with findings when it is empty.
    public var files: Int
    /// Findings at or above the context's `failOn` level.
    public var failing: Int
    /// Inputs that could not be read (the context's ``ReportContext/inputErrors``).
    public var inputErrors: Int

    /// Counts `findings` under `context`.
    public init(_ findings: [Finding], context: ReportContext) {
        errors = findings.count { $0.level == .error }
        warnings = findings.count { $0.level == .warning }
        notes = findings.count { $0.level == .note }
        failing = findings.count { $0.level >= context.failOn }
        inputErrors = context.inputErrors.count
        let withFindings = Set(findings.compactMap(\.file))
        files = context.checkedFiles.isEmpty ? withFindings.count : Set(context.checkedFiles).union(withFindings).count
    }

    /// All findings.
    public var total: Int { errors + warnings + notes }

    /// Whether the run fails: findings at or above `failOn` (exit 1), or inputs not read (exit 2).
    public var failed: Bool { failing > 0 || inputErrors > 0 }

    /// `3 findings in 2 files: 1 error, 1 warning, 1 note` or `no findings in 2 files`.
    /// Followed by `; 1 input could not be read` when some could not.
    public var line: String {
        let fileWord = files == 1 ? "file" : "files"
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let unread = inputErrors == 0 ? "" : "; \(count(inputErrors, "input")) could not be read"
        guard total > 0 else { return "no findings in \(files) \(fileWord)" + unread }
        return "\(count(total, "finding")) in \(files) \(fileWord): "
            + "\(count(errors, "error")), \(count(warnings, "warning")), \(count(notes, "note"))" + unread
    }
}
