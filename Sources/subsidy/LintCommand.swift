import ArgumentParser
import Diagnostics
import Driver
import Foundation
import Reporting

/// `subsidy lint`: the CI check for drafting teams.
///
/// Exit codes (Docs/cli.md): 0 no finding at or above `--fail-on`; 1 some; 2 bad usage, a bad
/// config file, a path that cannot be read, or an invalid measure file (its problems are also
/// reported as `error` findings, in every format, before the exit).
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check measure drafts in CI: invalid files, prohibited and actionable subsidies, notifications.",
        discussion: """
            Levels: error (invalid file; prohibited with no exemption), warning (actionable; exemption \
            ending within a year; undetermined), note (notification duties). Settings come from \
            .subsidy.yml (nearest one upward from the working directory, or --config): as_of, regimes, \
            levels (rule id: error|warning|note|off), ignore (path prefixes or globs); flags override it. \
            --baseline FILE suppresses accepted findings (entries: rule, file, fingerprint, reason, \
            optional expires; an expired entry is an error); --write-baseline FILE writes one with \
            reason TODO, which must be replaced before the baseline is used. \
            Exit 0 clean, 1 findings at or above --fail-on, 2 bad usage, bad config, bad baseline or \
            unreadable path, or an invalid measure file (reported as error findings first).
            """
    )

    @Argument(help: "Measure files or folders (*.yaml, *.yml, *.md with front matter).")
    var paths: [String]

    @Option(name: .customLong("as-of"), help: "The date to check on (YYYY-MM-DD; default: config, else today).")
    var asOf: DateArgument?

    @Option(help: "Report format on standard output: text, json, sarif, junit or github.")
    var format: FormatArgument = FormatArgument(.text)

    @Option(name: .customLong("output"), help: "Also write FORMAT=PATH (repeatable), e.g. sarif=lint.sarif.")
    var outputs: [OutputArgument] = []

    @Option(name: .customLong("fail-on"), help: "Lowest level that fails the run: error, warning or note.")
    var failOn: SeverityArgument = SeverityArgument(.error)

    @Option(help: "Config file (default: the nearest .subsidy.yml upward from the working directory).")
    var config: String?

    @Option(help: "Suppress the findings accepted in this baseline file (YAML; see --write-baseline).")
    var baseline: String?

    @Option(name: .customLong("write-baseline"),
            help: "Write a baseline accepting every current finding at or above --fail-on (reason: TODO, to be filled in), then exit 0.")
    var writeBaseline: String?

    @Option(help: "Files linted at once (default: the number of processors). The output is the same at any value.")
    var jobs: Int?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        // Both files are checked before any measure is, so that a broken one fails fast.
        let (settings, configSources) = try loadConfig()
        let loadedBaseline = try baseline.map { path in try loadOrExit(path) { Baseline.load(path: $0) } }
        let accepted = loadedBaseline?.value
        let graph = try rules.graph()
        let unknown = settings.unknownRuleWarnings(ruleIDs: graph.rules.map(\.id))
        if !unknown.isEmpty { Output.error(DiagnosticRenderer(sources: configSources).render(unknown)) }
        let options = LintOptions(
            asOf: asOf?.date ?? settings.asOf ?? Today.date, regimes: settings.regimes,
            levels: settings.levels, ignore: settings.ignore)
        let result = LintRunner(graph: graph, options: options, jobs: jobs).run(paths)
        let cwd = FileManager.default.currentDirectoryPath
        var context = ReportContext(
            version: SubsidyCommand.configuration.version, rules: result.rules,
            repositoryRoot: RepositoryRoot.find(from: cwd), workingDirectory: cwd,
            sources: result.sources, checkedFiles: result.checkedFiles, failOn: failOn.severity)
        var findings = result.findings
        if let accepted {
            findings = accepted.apply(to: findings, asOf: options.asOf, context: context).findings
            context.sources.merge(loadedBaseline?.sources ?? [:]) { old, _ in old }
            let used = Set(findings.map(\.ruleID))
            context.rules = context.rules.filter { used.contains($0.id) }
        }
        if let writeBaseline {
            let written = Baseline.make(for: result.findings, minimum: failOn.severity, context: context, previous: accepted)
            do {
                try FileSystem.writeAtomically(Array(written.yaml().utf8), to: writeBaseline)
            } catch {
                Output.error("error: cannot write \(writeBaseline): \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
            Output.error("wrote \(written.entries.count) baseline entries to \(writeBaseline); give each a reason\n")
        }
        for output in outputs {
            let text = output.format.reporter.report(findings, context: context)
            do {
                try FileSystem.writeAtomically(Array(text.utf8), to: output.path)
            } catch {
                Output.error("error: cannot write \(output.path): \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        }
        print(format.format.reporter.report(findings, context: context), terminator: "")
        if !result.inputErrors.isEmpty {
            Output.error(DiagnosticRenderer(sources: result.sources).render(result.inputErrors))
            throw ExitCode(2)
        }
        if !result.invalidFiles.isEmpty, writeBaseline == nil { throw ExitCode(2) }
        if writeBaseline == nil, ReportSummary(findings, context: context).failed { throw ExitCode(1) }
    }

    /// The config from `--config` or the nearest `.subsidy.yml` (the defaults when there is none).
    private func loadConfig() throws -> (LintConfig, [String: SourceText]) {
        guard let path = config ?? LintConfig.find(from: FileManager.default.currentDirectoryPath) else {
            return (LintConfig(), [:])
        }
        return try loadOrExit(path) { LintConfig.load(path: $0) }
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
