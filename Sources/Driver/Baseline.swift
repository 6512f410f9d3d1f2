public import Diagnostics
public import Measures
public import Reporting
import Foundation
import JSONText
import YAMLLoader

/// A baseline: findings a team has accepted, suppressed from `subsidy lint` reports.
///
/// ```yaml
/// accepted:
///   - rule: eaeu.annex28.prohibited.export
///     file: Examples/drafts/export-grant.yaml
///     fingerprint: "KZ-DRAFT-2026-101#eaeu#eaeu.annex28.prohibited.export"
///     reason: Notified as a transitional measure; legal memo 2026-14
///     expires: 2027-06-30
/// ```
///
/// - `rule`, `file`, `fingerprint` and `reason` are required; `expires` is optional.
/// - `file` is relative to the baseline's own place, never to the working directory: the
///   repository that holds the baseline file (the nearest folder with `.git` upward from it), else
///   the baseline file's folder (`../drafts/a.yaml` when the file lies outside it). So the same
///   baseline matches from any working directory.
/// - `fingerprint` is the finding's fingerprint key (`measure-id#regime#rule`) when it has one,
///   otherwise its SARIF `partialFingerprints.primaryLocationLineHash` (`hash:occurrence`) as a
///   report written without the baseline shows it. Either form is accepted when reading.
/// - `reason` must say why the finding is accepted: empty or `TODO` (what `--write-baseline` writes)
///   is an error, so a generated baseline must be reviewed before it suppresses anything.
/// - An entry whose `expires` date is before the as-of date suppresses nothing and is itself an
///   `error` finding (`baseline.expired`) at its `expires` value. An entry no finding matches is a
///   `note` (`baseline.unmatched`), so stale entries get noticed.
///
/// The file is read by the strict loader: unknown keys, wrong types and bad dates are errors with
/// file, line and column.
public struct Baseline: Sendable {
    /// One accepted finding.
    public struct Entry: Sendable, Equatable {
        public var rule: String
        public var file: String
        public var fingerprint: String
        public var reason: String
        public var expires: CalendarDate?
        /// The entry in the baseline file (for `baseline.unmatched`).
        public var range: SourceRange?
        /// The `expires` value (for `baseline.expired`).
        public var expiresRange: SourceRange?

        public init(rule: String, file: String, fingerprint: String, reason: String, expires: CalendarDate? = nil,
                    range: SourceRange? = nil, expiresRange: SourceRange? = nil) {
            self.rule = rule
            self.file = file
            self.fingerprint = fingerprint
            self.reason = reason
            self.expires = expires
            self.range = range
            self.expiresRange = expiresRange
        }
    }

    /// The placeholder reason `--write-baseline` writes; refused when reading.
    public static let placeholderReason = "TODO"
    /// Keys of the top-level mapping and of each entry.
    public static let topKeys = ["accepted"]
    public static let entryKeys = ["rule", "file", "fingerprint", "reason", "expires"]

    public var entries: [Entry]
    /// The absolute folder `file` keys are relative to (see ``base(forBaselineAt:workingDirectory:)``);
    /// `nil`: repository-relative as the report context says (for baselines not read from a file).
    public var folder: String?

    public init(entries: [Entry] = [], folder: String? = nil) {
        self.entries = entries
        self.folder = folder
    }

    /// The folder a baseline at `path` keeps its `file` keys relative to: the repository holding
    /// it (nearest folder with `.git` upward), else its own folder. Absolute.
    public static func base(forBaselineAt path: String, workingDirectory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let folder = PathText.normalise(PathText.parent(absolute))
        var candidate = folder
        while true {
            if FileManager.default.fileExists(atPath: candidate + "/.git") { return candidate }
            let parent = PathText.parent(candidate)
            if parent == candidate { return folder }
            candidate = parent
        }
    }

    // MARK: - Reading

    /// How `baseline.*` messages name the file.
    static let fileWhat = "the baseline file"

    /// Reads and checks the baseline at `path`: the baseline, or the errors (with the file's text).
    /// `allowPlaceholders` accepts `reason: TODO` (reading the old baseline `--write-baseline` replaces).
    public static func load(path: String, allowPlaceholders: Bool = false, workingDirectory: String? = nil)
        -> (baseline: Baseline?, diagnostics: [Diagnostic], source: SourceText?)
    {
        let file = StrictYAMLFile.load(path: path, domain: "baseline", what: fileWhat)
        var (baseline, diagnostics) = read(file, allowPlaceholders: allowPlaceholders)
        let cwd = workingDirectory ?? FileManager.default.currentDirectoryPath
        baseline?.folder = base(forBaselineAt: path, workingDirectory: cwd)
        return (baseline, diagnostics, file.source)
    }

    /// Parses baseline YAML strictly (unknown keys with "did you mean", located errors).
    public static func parse(bytes: [UInt8], path: String) -> (Baseline?, [Diagnostic]) {
        read(StrictYAMLFile(bytes: bytes, path: path, domain: "baseline", what: fileWhat))
    }

    private static func read(_ file: StrictYAMLFile, allowPlaceholders: Bool = false) -> (Baseline?, [Diagnostic]) {
        var file = file
        var baseline = Baseline()
        if let root = file.root, let map = file.reader.mapping(root, known: topKeys, what: "the baseline"),
           let list = file.reader.optional(map, "accepted"), let items = file.reader.sequence(list, what: "accepted findings") {
            for item in items {
                if let entry = readEntry(item, allowPlaceholders: allowPlaceholders, reader: &file.reader) {
                    baseline.entries.append(entry)
                }
            }
        }
        return file.result(baseline)
    }

    private static func readEntry(_ node: YAMLNode, allowPlaceholders: Bool, reader: inout NodeReader) -> Entry? {
        guard let map = reader.mapping(node, known: entryKeys, what: "a baseline entry") else { return nil }
        func text(_ key: String) -> String? {
            guard let value = reader.required(map, key, in: node, what: "a baseline entry") else { return nil }
            return reader.string(value)
        }
        let rule = text("rule"), file = text("file"), fingerprint = text("fingerprint"), reason = text("reason")
        if let reason, let value = map["reason"] {
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if !allowPlaceholders, trimmed.isEmpty || trimmed.uppercased() == placeholderReason {
                reader.diagnostics.error(
                    "baseline.missing-reason",
                    "a baseline entry needs a reason saying why the finding is accepted, not '\(reason)'",
                    at: value.range,
                    notes: [Note("--write-baseline writes 'reason: \(placeholderReason)'; replace it before using the baseline")])
                return nil
            }
        }
        var expires: CalendarDate?
        var expiresRange: SourceRange?
        if let value = reader.optional(map, "expires"), let raw = reader.string(value) {
            guard let date = CalendarDate(raw) else {
                reader.diagnostics.error("baseline.invalid-date", "'\(raw)' is not a valid date (YYYY-MM-DD)", at: value.range)
                return nil
            }
            expires = date
            expiresRange = value.range
        }
        guard let rule, let file, let fingerprint, let reason else { return nil }
        return Entry(rule: rule, file: file, fingerprint: fingerprint, reason: reason, expires: expires,
                     range: map.pair("rule")?.key.range ?? node.range, expiresRange: expiresRange)
    }

    // MARK: - Applying

    /// What applying a baseline did.
    public struct Outcome: Sendable {
        /// The findings that remain, plus `baseline.expired` errors and `baseline.unmatched` notes, in report order.
        public var findings: [Finding]
        /// How many findings the baseline suppressed.
        public var suppressed: Int
    }

    /// The identity a finding is matched by: rule, file key and fingerprint (key and SARIF hash).
    struct Identity {
        var rule: String
        var file: String
        var fingerprints: [String]
    }

    /// The key entries and findings are matched by: rule, file and one fingerprint.
    static func key(rule: String, file: String, fingerprint: String) -> String {
        "\(rule)\u{0}\(file)\u{0}\(fingerprint)"
    }

    /// The positions in ``entries`` of the entries with each key, in entry order.
    func index() -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (i, entry) in entries.enumerated() {
            index[Self.key(rule: entry.rule, file: entry.file, fingerprint: entry.fingerprint), default: []].append(i)
        }
        return index
    }

    /// The positions of the entries `id` matches (by any of its fingerprints) in `index`.
    static func matches(_ id: Identity, in index: [String: [Int]]) -> [Int] {
        id.fingerprints.flatMap { index[key(rule: id.rule, file: id.file, fingerprint: $0)] ?? [] }
    }

    /// Identities of `findings`; the file key is relative to `folder` (see ``folder``), else
    /// repository-relative when possible (as in SARIF).
    static func identities(_ findings: [Finding], context: ReportContext, folder: String? = nil) -> [Identity] {
        let cwd = context.workingDirectory ?? FileManager.default.currentDirectoryPath
        let path = { (file: String) -> String in
            if let folder { return PathText.relative(file.hasPrefix("/") ? file : cwd + "/" + file, to: folder) }
            return context.repositoryRelativePath(file) ?? file
        }
        let hashes = Fingerprint.compute(for: findings, paths: path, sources: context.sources)
        return findings.indices.map { i in
            let f = findings[i]
            return Identity(rule: f.ruleID, file: f.file.map(path) ?? "",
                            fingerprints: [f.fingerprintKey, hashes[i]].compactMap { $0 })
        }
    }

    /// Suppresses the findings that a live entry matches; reports expired and unmatched entries.
    public func apply(to findings: [Finding], asOf: CalendarDate, context: ReportContext) -> Outcome {
        let ids = Self.identities(findings, context: context, folder: folder)
        let index = index()
        var used = [Bool](repeating: false, count: entries.count)
        var kept: [Finding] = []
        var suppressed = 0
        for (finding, id) in zip(findings, ids) {
            let matches = Self.matches(id, in: index)
            for m in matches { used[m] = true }
            if matches.contains(where: { !isExpired(entries[$0], asOf: asOf) }) {
                suppressed += 1
            } else {
                kept.append(finding)
            }
        }
        for (i, entry) in entries.enumerated() {
            // The entry's own fingerprint key (a report contract: `baseline#rule#file#fingerprint`).
            let findingKey = "baseline#\(entry.rule)#\(entry.file)#\(entry.fingerprint)"
            if isExpired(entry, asOf: asOf), let until = entry.expires {
                kept.append(Finding(
                    ruleID: "baseline.expired", level: .error,
                    message: "Baseline entry for \(entry.rule) in \(entry.file) expired on \(until) (as of \(asOf)).\n"
                        + "Accepted because: \(entry.reason)",
                    range: entry.expiresRange ?? entry.range,
                    help: "Fix the finding and remove the entry, or renew it with a new reason and expiry date.",
                    fingerprintKey: findingKey))
            } else if !used[i] {
                kept.append(Finding(
                    ruleID: "baseline.unmatched", level: .note,
                    message: "No finding matches the baseline entry for \(entry.rule) in \(entry.file) (\(entry.fingerprint)).",
                    range: entry.range,
                    help: "Remove the entry: the finding it accepted is gone.",
                    fingerprintKey: findingKey))
            }
        }
        return Outcome(findings: kept.sortedForReport(), suppressed: suppressed)
    }

    private func isExpired(_ entry: Entry, asOf: CalendarDate) -> Bool {
        entry.expires.map { $0 < asOf } ?? false
    }

    // MARK: - Writing

    /// A baseline accepting every finding at or above `minimum` (`baseline.*` findings excepted),
    /// with reason `TODO` unless `previous` has an entry for the same finding (its reason and
    /// expiry are kept).
    /// `folder`: where the new baseline's `file` keys are relative to (its
    /// ``base(forBaselineAt:workingDirectory:)``); a `previous` baseline must have the same.
    public static func make(for findings: [Finding], minimum: Severity, context: ReportContext, previous: Baseline? = nil,
                            folder: String? = nil) -> Baseline {
        let ids = identities(findings, context: context, folder: folder)
        let previousIndex = previous?.index() ?? [:]
        var out = Baseline(folder: folder)
        var seen = Set<String>()
        for (finding, id) in zip(findings, ids) where finding.level >= minimum && !finding.ruleID.hasPrefix("baseline.") {
            let fingerprint = id.fingerprints[0]
            guard seen.insert(key(rule: id.rule, file: id.file, fingerprint: fingerprint)).inserted else { continue }
            // The first previous entry (in file order) for the same finding.
            let old = matches(id, in: previousIndex).min().map { previous!.entries[$0] }
            out.entries.append(Entry(rule: id.rule, file: id.file, fingerprint: fingerprint,
                                     reason: old?.reason ?? placeholderReason, expires: old?.expires))
        }
        return out
    }

    /// What writing `self` over `old` changes: entries added (new findings), dropped (no longer
    /// found) and kept (with their reasons and expiry dates).
    public func changes(from old: Baseline?) -> (added: Int, dropped: Int, kept: Int) {
        func keys(_ b: Baseline?) -> Set<String> {
            Set((b?.entries ?? []).map { Self.key(rule: $0.rule, file: $0.file, fingerprint: $0.fingerprint) })
        }
        let before = keys(old), after = keys(self)
        return (after.subtracting(before).count, before.subtracting(after).count, after.intersection(before).count)
    }

    /// The baseline as YAML that ``parse(bytes:path:)`` reads back.
    public func yaml() -> String {
        var text = "# subsidy lint baseline: accepted findings. Every entry needs a real reason (not TODO);\n"
            + "# an optional `expires: YYYY-MM-DD` makes the entry an error after that date.\n"
        if entries.isEmpty { return text + "accepted: []\n" }
        text += "accepted:\n"
        for e in entries {
            // Values are JSON string literals: each is a YAML double-quoted scalar (YAML 1.2 reads every JSON escape).
            text += "  - rule: \(JSONValue.quote(e.rule))\n"
            text += "    file: \(JSONValue.quote(e.file))\n"
            text += "    fingerprint: \(JSONValue.quote(e.fingerprint))\n"
            text += "    reason: \(e.reason == Self.placeholderReason ? e.reason : JSONValue.quote(e.reason))\n"
            if let expires = e.expires { text += "    expires: \(expires)\n" }
        }
        return text
    }
}
