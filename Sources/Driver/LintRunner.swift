public import Diagnostics
import Engine
import FastPath
public import Reporting
public import RuleCompiler
import Dispatch
import Foundation
import Measures
import Synchronization
import YAMLLoader

/// What a lint run found, ready for a reporter.
public struct LintResult: Sendable {
    /// Every finding, in report order.
    public var findings: [Finding]
    /// A summary for each rule that appears in the findings.
    public var rules: [RuleSummary]
    /// Texts of the files that have findings (for snippets and fingerprints). Only the lines the
    /// findings touch are kept (other lines are empty), so memory follows the findings, not the
    /// size of the files checked.
    public var sources: [String: SourceText]
    /// Every file checked (after `ignore`), clean ones included.
    public var checkedFiles: [String]
    /// Paths that could not be read (missing, unreadable, a folder that cannot be listed): the
    /// run is incomplete, exit 2; every report format carries them.
    public var inputErrors: [Diagnostic]
    /// Files that are not valid measure files (their problems are `error` findings, exit 1 under
    /// `--fail-on error` like any other error).
    public var invalidFiles: [String] = []
    /// Named files that are the tool's own (the config, a baseline) and were not linted, with why.
    public var toolFiles: [(path: String, reason: String)] = []
}

/// `subsidy lint`: reads measure files and folders, validates them, classifies the valid ones and
/// reports what a drafter must fix or know as findings.
///
/// An invalid measure file gives `error` findings taken from its diagnostics (rule id = diagnostic
/// id); a path that cannot be read goes to ``LintResult/inputErrors`` instead.
///
/// Files are linted independently, `jobs` at a time; results are merged in file order and sorted
/// into report order, so the output is the same at any `jobs`.
public struct LintRunner: Sendable {
    /// The compiled rules.
    public let graph: RuleGraph
    /// As-of date, regimes, level overrides and ignored paths.
    public let options: LintOptions
    /// How many files are linted at once (≥ 1).
    public let jobs: Int
    /// How files are found and read.
    public let reader: MeasureReader

    /// Creates a runner; `jobs` defaults to the number of active processors; `reader` defaults to
    /// one with the graph's vocabulary.
    public init(graph: RuleGraph, options: LintOptions, jobs: Int? = nil, reader: MeasureReader? = nil) {
        self.graph = graph
        self.options = options
        self.reader = reader ?? MeasureReader(vocabulary: graph.vocabulary)
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// What linting one file produced.
    struct FileOutcome: Sendable {
        enum Status: Sendable { case checked, skipped, unreadable, toolFile(String) }
        var status: Status = .checked
        var invalid = false
        var findings: [Finding] = []
        var kinds: [(String, LintFindingMapper.Kind)] = []
        var source: SourceText?
        var inputError: Diagnostic?
        /// The measures read (id and range), for the duplicate-id check across files.
        var ids: [(id: String, range: SourceRange)] = []
    }

    /// Lints every measure file under `paths`.
    public func run(_ paths: [String]) -> LintResult {
        let inputs = reader.inputs(paths)
        let explicit = inputs.named
        let files = inputs.files.filter { file in
            !LintIgnore.matches(file, patterns: options.ignore)
                && (explicit.contains(file) || options.include.map { LintIgnore.matches(file, patterns: $0) } ?? true)
        }
        let outcomes = lintAll(files, explicit: explicit)

        var findings: [Finding] = []
        var kinds: [String: LintFindingMapper.Kind] = [:]
        var sources: [String: SourceText] = [:]
        var checked: [String] = []
        var inputErrors: [Diagnostic] = inputs.problems
        var invalid: [String] = []
        var toolFiles: [(path: String, reason: String)] = []
        var ids: [(id: String, range: SourceRange)] = []
        for (file, outcome) in zip(files, outcomes) {
            if outcome.invalid { invalid.append(file) }
            ids += outcome.ids
            switch outcome.status {
            case .skipped: continue
            case .toolFile(let reason):
                if explicit.contains(file) { toolFiles.append((file, reason)) }
                continue
            case .unreadable: inputErrors += outcome.inputError.map { [$0] } ?? []
            case .checked: checked.append(file)
            }
            findings += outcome.findings
            for (id, kind) in outcome.kinds where kinds[id] == nil { kinds[id] = kind }
            if let source = outcome.source { sources[file] = source }
        }
        for duplicate in DuplicateIDs.diagnostics(ids) {
            findings.append(Finding(options.russian?.word(duplicate) ?? duplicate))
            if let file = duplicate.range?.file, !invalid.contains(file) { invalid.append(file) }
            Self.keepLines(of: duplicate, in: &sources)
        }
        var firstLevel: [String: Severity] = [:]
        for f in findings where firstLevel[f.ruleID] == nil { firstLevel[f.ruleID] = f.level }
        let rules = firstLevel.keys.sorted().compactMap { id -> RuleSummary? in
            if let russian = options.russian {
                return RussianReportWords.summary(for: id, in: graph, kind: kinds[id], level: firstLevel[id] ?? .warning, catalogue: russian)
            }
            return LintRuleSummaries.summary(for: id, in: graph, kind: kinds[id], level: firstLevel[id] ?? .warning)
        }
        return LintResult(
            findings: findings.sortedForReport(), rules: rules, sources: sources,
            checkedFiles: checked, inputErrors: (options.russian?.word(inputErrors) ?? inputErrors).sorted(by: Diagnostic.sortKey),
            invalidFiles: invalid,
            toolFiles: toolFiles)
    }

    /// Adds the lines a duplicate-id finding (and its note) points at to the kept sources.
    private static func keepLines(of diagnostic: Diagnostic, in sources: inout [String: SourceText]) {
        let ranges = [diagnostic.range] + diagnostic.notes.map(\.range)
        for case let range? in ranges {
            guard let bytes = try? FileSystem.read(range.file, limit: YAMLLimits.default.maxBytes) else { continue }
            let full = SourceText(path: range.file, text: String(decoding: bytes, as: UTF8.self))
            var kept = [Int: String]()
            if let old = sources[range.file] {
                var n = 1
                while let line = old.line(n) { if !line.isEmpty { kept[n] = String(line) }; n += 1 }
            }
            if let line = full.line(range.start.line) { kept[range.start.line] = String(line) }
            let last = kept.keys.max() ?? 0
            let text = (1...max(last, 1)).map { kept[$0] ?? "" }.joined(separator: "\n")
            sources[range.file] = SourceText(path: range.file, text: text)
        }
    }

    /// Lints `files` on `jobs` workers; outcome `i` belongs to `files[i]`.
    private func lintAll(_ files: [String], explicit: Set<String>) -> [FileOutcome] {
        let context = FileContext(
            classifier: Classifier(graph: graph), mapper: LintFindingMapper(options: options),
            reader: reader, options: options)
        let workers = min(jobs, files.count)
        if workers <= 1 {
            return files.map { context.lint($0, named: explicit.contains($0)) }
        }
        let slots = WriteOnceSlots<FileOutcome>(count: files.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < files.count else { return }
                slots.store(context.lint(files[i], named: explicit.contains(files[i])), at: i)
            }
        }
        return slots.take()
    }

    /// What every worker shares (all immutable).
    private struct FileContext: Sendable {
        let classifier: Classifier
        let mapper: LintFindingMapper
        let reader: MeasureReader
        let options: LintOptions

        /// Reads, decodes, classifies and maps one file. Markdown without front matter that does
        /// not look like a draft is prose (a README): skipped, with a note when it was named.
        func lint(_ path: String, named: Bool) -> FileOutcome {
            var outcome = FileOutcome()
            let bytes: [UInt8]
            var findings: [Finding]
            switch reader.readFile(path, named: named) {
            case .unreadable(let diagnostic):
                outcome.status = .unreadable
                outcome.inputError = diagnostic
                return outcome
            case .skipped:
                outcome.status = .skipped
                return outcome
            case .toolFile(let reason):
                outcome.status = .toolFile(reason)
                return outcome
            case .prose:
                outcome.status = .toolFile("Markdown without front matter: prose, not a measure draft")
                return outcome
            case .schedule(let diagnostics, let read):
                bytes = read
                findings = (options.russian?.word(diagnostics) ?? diagnostics).map { Finding($0) }
                outcome.invalid = diagnostics.contains { $0.severity == .error }
            case .measures(let measures, let diagnostics, let read):
                bytes = read
                findings = (options.russian?.word(diagnostics) ?? diagnostics).map { Finding($0) }
                outcome.invalid = diagnostics.contains { $0.severity == .error }
                outcome.ids = measures.map { ($0.id, $0.range) }
                for measure in measures {
                    let classification = classifier.classify(measure, asOf: options.asOf, detail: .verdicts)
                    for mapped in mapper.findings(for: classification, measure: measure) {
                        findings.append(mapped.finding)
                        outcome.kinds.append((mapped.finding.ruleID, mapped.kind))
                    }
                }
            }
            findings = LintRunner.applyLevels(findings, options.levels)
            guard !findings.isEmpty else { return outcome }
            let text = String(decoding: bytes, as: UTF8.self)
            let full = SourceText(path: path, text: text)
            findings = findings.map { LintRunner.widen($0, source: full) }
            outcome.source = LintRunner.sparse(full, path: path, for: findings)
            outcome.findings = findings
            return outcome
        }
    }

    /// `full` with only the lines `findings` touch (and the line before each range's end, which
    /// regions look at); every other line is empty, so line numbers stay true.
    static func sparse(_ full: SourceText, path: String, for findings: [Finding]) -> SourceText {
        var wanted = Set<Int>()
        func add(_ range: SourceRange?) {
            guard let range, range.file == path else { return }
            guard range.start.line >= 1 else { wanted.insert(1); return }
            let last = max(range.start.line, range.end.line)
            for line in range.start.line...min(last, range.start.line + 50) { wanted.insert(line) }
            wanted.insert(last)
            if last > range.start.line { wanted.insert(last - 1) }
        }
        for f in findings {
            add(f.range)
            for note in f.notes { add(note.range) }
        }
        guard let maxLine = wanted.max() else { return SourceText(path: path, text: "") }
        var out = ""
        for n in 1...maxLine {
            if n > 1 { out += "\n" }
            if wanted.contains(n), let line = full.line(n) { out += line }
        }
        return SourceText(path: path, text: out)
    }

    /// A zero-width range (a measure-level finding points at the start of its document) is widened
    /// to the rest of its line, so that code scanning highlights the `id:` line rather than nothing.
    static func widen(_ finding: Finding, source: SourceText) -> Finding {
        guard var range = finding.range, range.start == range.end, range.start.line >= 1, range.file == source.path,
              let text = source.line(range.start.line) else { return finding }
        let end = text.unicodeScalars.count + 1
        guard end > range.start.column else { return finding }
        range.end = SourceLocation(line: range.start.line, column: end)
        var widened = finding
        widened.range = range
        return widened
    }

    /// Applies `levels`: a new severity, or drops findings of rules set to `off`. A loader or
    /// contract error (an invalid file: ``isLocked(_:)``) keeps its level: a file that cannot be
    /// read as a measure is never a note.
    static func applyLevels(_ findings: [Finding], _ levels: [String: LintLevel]) -> [Finding] {
        if levels.isEmpty { return findings }
        return findings.compactMap { finding in
            guard !isLocked(finding), let override = levels[finding.ruleID] else { return finding }
            guard let severity = override.severity else { return nil }
            var changed = finding
            changed.level = severity
            return changed
        }
    }

    /// The id prefixes of the loader's and the measure contract's checks.
    public static let contractPrefixes = ["yaml.", "measure.", "schedule.", "input."]

    /// Whether `finding` says the file is not a valid measure file: an error of the loader or the contract.
    static func isLocked(_ finding: Finding) -> Bool {
        finding.level == .error && contractPrefixes.contains(where: finding.ruleID.hasPrefix)
    }

}
