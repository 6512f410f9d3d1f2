import ArgumentParser
import Diagnostics
import Driver
import Foundation
import Reporting

/// `subsidy lint`: the CI check for drafting teams.
///
/// Exit codes (Docs/cli.md, v1.1): 0 no finding at or above `--fail-on`; 1 some (an invalid measure
/// file is an `error` finding like any other); 2 bad usage, a bad config or baseline, an output
/// that cannot be written, or an input that cannot be read (also reported in every format).
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check measure drafts in CI: invalid files, prohibited and actionable subsidies, notifications.",
        discussion: """
            Levels: error (invalid file; prohibited with no exemption), warning (actionable; exemption \
            ending within a year; undetermined), note (notification duties). Settings come from \
            .subsidy.yml (nearest one upward from the working directory, or --config): as_of, regimes, \
            levels (rule id: error|warning|note|off; loader and contract errors stay errors), ignore \
            (path prefixes or globs), include (which files under a folder are measures; default every \
            *.yaml, *.yml, *.md, *.markdown). The config, baselines, hidden files, CI folders and other \
            tools' files (mkdocs.yml) are never linted. Flags override the config. \
            --baseline FILE suppresses accepted findings (entries: rule, file relative to the baseline's \
            repository, fingerprint, reason, optional expires; an expired entry is an error); \
            --write-baseline FILE writes one (reason TODO for new entries, kept for entries that still \
            match), which must be reviewed before the baseline is used. \
            Exit 0 clean, 1 findings at or above --fail-on (an invalid file is an error finding), 2 bad \
            usage, bad config or baseline, an output that cannot be written, or an input that cannot be \
            read (also reported in every format).
            """
    )

    @Argument(help: "Measure files or folders (*.yaml, *.yml, *.md with front matter).")
    var paths: [String]

    @Option(name: .customLong("as-of"), help: "The date to check on (YYYY-MM-DD; default: config, else \(Today.help)).", transform: DateArgument.init(parsing:))
    var asOf: DateArgument?

    @Option(help: "Report format on standard output: text, json, sarif, junit, github or markdown.")
    var format: FormatArgument = FormatArgument(.text)

    @Option(name: .customLong("output"), help: "Also write FORMAT=PATH (repeatable), e.g. sarif=lint.sarif. All or none are written.")
    var outputs: [OutputArgument] = []

    @Option(name: .customLong("fail-on"), help: "Lowest level that fails the run: error, warning or note.")
    var failOn: SeverityArgument = SeverityArgument(.error)

    @Flag(inversion: .prefixedNo, help: "Include notes (notification duties) in SARIF output, so code scanning shows them as alerts.")
    var sarifNotes: Bool = true

    @Option(help: "Config file (default: the nearest .subsidy.yml upward from the working directory).")
    var config: String?

    @Option(help: "Suppress the findings accepted in this baseline file (YAML; see --write-baseline).")
    var baseline: String?

    @Option(name: .customLong("write-baseline"),
            help: "Write a baseline accepting every current finding at or above --fail-on (new entries: reason TODO; entries of an existing file that still match keep their reason and expiry), then exit 0.")
    var writeBaseline: String?

    @Option(help: "Files linted at once (default: the number of processors). The output is the same at any value.")
    var jobs: Int?

    @OptionGroup var rules: RulesOption

    @OptionGroup var lang: LanguageOption

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        // Both files are checked before any measure is, so that a broken one fails fast.
        let (settings, configSources, configPath) = try loadConfig()
        let loadedBaseline = try baseline.map { path in try loadOrExit(path) { Baseline.load(path: $0) } }
        let accepted = loadedBaseline?.value
        let targets = outputs.map(\.path) + (writeBaseline.map { [$0] } ?? [])
        try checkTargets(targets, configPath: configPath)
        let language = try lang.language()
        let (graph, catalogue) = try rules.corpus()
        let unknown = settings.unknownRuleWarnings(ruleIDs: graph.rules.map(\.id))
        if !unknown.isEmpty { Output.error(DiagnosticRenderer(sources: configSources).render(unknown)) }
        var options = LintOptions(
            asOf: asOf?.date ?? settings.asOf ?? Today.date, regimes: settings.regimes,
            levels: settings.levels, ignore: settings.ignore, include: settings.include)
        switch language {
        case .en: break
        case .ru: options.russian = catalogue
        }
        let result = LintRunner(graph: graph, options: options, jobs: jobs).run(paths)
        for skipped in result.toolFiles {
            Output.error("\(skipped.path): note: not linted: \(skipped.reason)\n")
        }
        try refuseOverwritingInputs(targets, inputs: result.checkedFiles + result.invalidFiles)
        var context = ReportContext(
            version: SubsidyCommand.configuration.version, rules: result.rules,
            repositoryRoot: RepositoryRoot.find(from: cwd), workingDirectory: cwd,
            sources: result.sources, checkedFiles: result.checkedFiles, failOn: failOn.severity)
        context.inputErrors = result.inputErrors.map { Finding($0) }
        switch language {
        case .en: break
        case .ru: context.words = RussianReportWords.words(catalogue)
        }
        var findings = result.findings
        if let accepted {
            findings = accepted.apply(to: findings, asOf: options.asOf, context: context).findings
            context.sources.merge(loadedBaseline?.sources ?? [:]) { old, _ in old }
            let used = Set(findings.map(\.ruleID))
            context.rules = context.rules.filter { used.contains($0.id) }
        }
        var files: [(path: String, bytes: [UInt8])] = []
        var baselineMessage = ""
        if let writeBaseline {
            let folder = Baseline.base(forBaselineAt: writeBaseline, workingDirectory: cwd)
            let previous = try previousBaseline(at: writeBaseline) ?? accepted
            let written = Baseline.make(for: result.findings, minimum: failOn.severity, context: context,
                                        previous: previous, folder: folder)
            files.append((writeBaseline, Array(written.yaml().utf8)))
            let change = written.changes(from: previous)
            baselineMessage = "wrote \(written.entries.count) baseline entries to \(writeBaseline): \(change.added) added "
                + "(reason TODO: give each a reason), \(change.kept) kept with their reasons, \(change.dropped) dropped "
                + "(no longer found)\n"
        }
        for output in outputs {
            files.append((output.path, Array(report(output.format, findings, context).utf8)))
        }
        do {
            try FileSystem.writeAll(files)
        } catch {
            Output.error("error: cannot write \(error.path): \(error.reason)\n")
            throw ExitCode(2)
        }
        if !baselineMessage.isEmpty { Output.error(baselineMessage) }
        print(report(format.format, findings, context), terminator: "")
        if !result.inputErrors.isEmpty {
            Output.error(DiagnosticRenderer(sources: result.sources).render(result.inputErrors))
            throw ExitCode(2)
        }
        if writeBaseline == nil, ReportSummary(findings, context: context).failed { throw ExitCode(1) }
    }

    /// The report in `format`; SARIF without notes under `--no-sarif-notes`.
    private func report(_ format: ReportFormat, _ findings: [Finding], _ context: ReportContext) -> String {
        let shown = format == .sarif && !sarifNotes ? findings.filter { $0.level != .note } : findings
        return format.reporter.report(shown, context: context)
    }

    /// Exits 2 when an output cannot be written (a folder, a missing folder), before anything is linted.
    private func checkTargets(_ targets: [String], configPath: String?) throws {
        for target in targets {
            if let failure = FileSystem.whyNotWritable(target) {
                Output.error("error: cannot write \(target): \(failure.reason)\n")
                throw ExitCode(2)
            }
        }
        var seen: [String: String] = [:]
        let own = [configPath, baseline].compactMap { $0 }
        for target in targets {
            let key = Self.identity(target)
            if let other = seen[key] {
                Output.error("error: --output \(target) and \(other) are the same file\n")
                throw ExitCode(2)
            }
            seen[key] = target
            if let file = own.first(where: { Self.identity($0) == key }), target != writeBaseline || file != baseline {
                Output.error("error: refusing to write \(target): it is an input (\(file))\n")
                throw ExitCode(2)
            }
        }
    }

    /// Exits 2 when an output would overwrite a file being linted.
    private func refuseOverwritingInputs(_ targets: [String], inputs: [String]) throws {
        let inputKeys = Dictionary(inputs.map { (Self.identity($0), $0) }, uniquingKeysWith: { a, _ in a })
        for target in targets {
            if let input = inputKeys[Self.identity(target)] {
                Output.error("error: refusing to write \(target): it is an input (\(input)), which the report would overwrite\n")
                throw ExitCode(2)
            }
        }
    }

    /// A file's identity: its real path when it exists, else its absolute normalised path.
    private static func identity(_ path: String) -> String {
        if let real = FileSystem.realPath(path) { return real }
        let cwd = FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.path
    }

    /// The baseline `--write-baseline` replaces, read leniently (`reason: TODO` allowed), or `nil`
    /// when there is none yet. A file that is there but not a baseline exits 2.
    private func previousBaseline(at path: String) throws -> Baseline? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try loadOrExit(path) { Baseline.load(path: $0, allowPlaceholders: true) }.value
    }

    /// The config from `--config` or the nearest `.subsidy.yml` (the defaults when there is none).
    private func loadConfig() throws -> (LintConfig, [String: SourceText], String?) {
        guard let path = config ?? LintConfig.find(from: FileManager.default.currentDirectoryPath) else {
            return (LintConfig(), [:], nil)
        }
        let (value, sources) = try loadOrExit(path) { LintConfig.load(path: $0) }
        return (value, sources, path)
    }

    /// Loads a settings file with `load`; prints its diagnostics (warnings too), and exits 2 when it is bad.
    /// Returns the value and the file's text by path, for quoting its lines later.
    private func loadOrExit<Value>(
        _ path: String, _ load: (String) -> (Value?, [Diagnostic], SourceText?)
    ) throws -> (value: Value, sources: [String: SourceText]) {
        let (value, diagnostics, source) = load(path)
        let sources = source.map { [path: $0] } ?? [:]
        if !diagnostics.isEmpty { Output.error(DiagnosticRenderer(sources: sources).render(diagnostics)) }
        guard let value else { throw ExitCode(2) }
        return (value, sources)
    }
}

/// A `--format` value.
struct FormatArgument: ExpressibleByArgument {
    let format: ReportFormat
    init(_ format: ReportFormat) { self.format = format }
    init?(argument: String) {
        guard let format = ReportFormat(identifier: argument) else { return nil }
        self.format = format
    }
    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { format.rawValue }
}

/// A `--fail-on` value.
struct SeverityArgument: ExpressibleByArgument {
    let severity: Severity
    init(_ severity: Severity) { self.severity = severity }
    init?(argument: String) {
        guard let severity = Severity(rawValue: argument) else { return nil }
        self.severity = severity
    }
    static var allValueStrings: [String] { ["error", "warning", "note"] }
    var defaultValueDescription: String { severity.rawValue }
}

/// An `--output FORMAT=PATH` value.
struct OutputArgument: ExpressibleByArgument {
    let format: ReportFormat
    let path: String
    init?(argument: String) {
        guard let eq = argument.firstIndex(of: "="),
              let format = ReportFormat(identifier: String(argument[..<eq])) else { return nil }
        let path = String(argument[argument.index(after: eq)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }
}

/// The repository root (the nearest folder with `.git` upward), for repository-relative SARIF URIs.
enum RepositoryRoot {
    static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
