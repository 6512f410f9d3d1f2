public import Diagnostics
import Engine
public import Reporting
public import RuleCompiler
import Measures

/// What a lint run found, ready for a reporter.
public struct LintResult: Sendable {
    /// Every finding, in report order.
    public var findings: [Finding]
    /// A summary for each rule that appears in the findings.
    public var rules: [RuleSummary]
    /// Texts of the files read, for snippets and fingerprints.
    public var sources: [String: SourceText]
    /// Every file checked (after `ignore`), clean ones included.
    public var checkedFiles: [String]
    /// Paths that could not be read (missing, unreadable): the run is unusable, exit 2.
    public var inputErrors: [Diagnostic]
}

/// `subsidy lint`: reads measure files and folders, validates them, classifies the valid ones and
/// reports what a drafter must fix or know as findings.
///
/// An invalid measure file gives `error` findings taken from its diagnostics (rule id = diagnostic
/// id); a path that cannot be read goes to ``LintResult/inputErrors`` instead.
public struct LintRunner: Sendable {
    /// The compiled rules.
    public let graph: RuleGraph
    /// As-of date, regimes, level overrides and ignored paths.
    public let options: LintOptions

    /// Creates a runner.
    public init(graph: RuleGraph, options: LintOptions) {
        self.graph = graph
        self.options = options
    }

    /// Lints every measure file under `paths`.
    public func run(_ paths: [String]) -> LintResult {
        let reader = MeasureReader()
        var inputErrors: [Diagnostic] = []
        let explicit = Set(paths.filter { !FileSystem.isDirectory($0) })
        var files = reader.expand(paths)
            .filter { !LintIgnore.matches($0, patterns: options.ignore) }
        var load = reader.read(files)
        // Markdown without front matter found in a folder is prose (a README), not a draft: skip it.
        let prose = Set(load.diagnostics.filter { $0.id == "measure.no-front-matter" }
            .compactMap { $0.range?.file }.filter { !explicit.contains($0) })
        if !prose.isEmpty {
            files.removeAll { prose.contains($0) }
            load.diagnostics.removeAll { d in d.range.map { prose.contains($0.file) } ?? false }
        }
        var findings: [Finding] = []
        var kinds: [String: LintFindingMapper.Kind] = [:]
        for d in load.diagnostics {
            if d.id == "input.unreadable" { inputErrors.append(d) } else { findings.append(Finding(d)) }
        }
        let classifier = Classifier(graph: graph)
        let mapper = LintFindingMapper(options: options)
        for measure in load.measures {
            let classification = classifier.classify(measure, asOf: options.asOf)
            for mapped in mapper.findings(for: classification, measure: measure) {
                findings.append(mapped.finding)
                if kinds[mapped.finding.ruleID] == nil { kinds[mapped.finding.ruleID] = mapped.kind }
            }
        }
        findings = applyLevels(findings).map { widen($0, sources: load.sources) }
        let used = Set(findings.map(\.ruleID))
        let rules = used.sorted().compactMap { id -> RuleSummary? in
            let level = findings.first { $0.ruleID == id }?.level ?? .warning
            return LintRuleSummaries.summary(for: id, in: graph, kind: kinds[id], level: level)
        }
        return LintResult(
            findings: findings.sortedForReport(), rules: rules, sources: load.sources,
            checkedFiles: files.filter { load.sources[$0] != nil }, inputErrors: inputErrors)
    }

    /// A zero-width range (a measure-level finding points at the start of its document) is widened
    /// to the rest of its line, so that code scanning highlights the `id:` line rather than nothing.
    private func widen(_ finding: Finding, sources: [String: SourceText]) -> Finding {
        guard var range = finding.range, range.start == range.end, range.start.line >= 1,
              let text = sources[range.file]?.line(range.start.line) else { return finding }
        let end = text.unicodeScalars.count + 1
        guard end > range.start.column else { return finding }
        range.end = SourceLocation(line: range.start.line, column: end)
        var widened = finding
        widened.range = range
        return widened
    }

    /// Applies `levels`: a new severity, or drops findings of rules set to `off`.
    private func applyLevels(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            guard let override = options.levels[finding.ruleID] else { return finding }
            guard let severity = override.severity else { return nil }
            var changed = finding
            changed.level = severity
            return changed
        }
    }

}
