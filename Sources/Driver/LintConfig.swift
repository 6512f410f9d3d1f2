public import Diagnostics
public import Measures
import Foundation
public import RuleCompiler
import YAMLLoader

/// `.subsidy.yml`: project defaults for `subsidy lint`.
///
/// ```yaml
/// as_of: 2026-11-29
/// regimes: [eaeu, wto]
/// levels:
///   eaeu.annex28.para97: off
///   eaeu.annex28.prohibited.domestic-goods: warning
/// ignore: [Examples/measures, "*.old.md"]
/// include: ["drafts/**", "measures/**"]
/// ```
/// `include` says which files found walking a folder are measures (default: every `*.yaml`,
/// `*.yml`, `*.md`, `*.markdown`; the config, baselines, hidden files, CI folders and other tools'
/// well-known files such as `mkdocs.yml` never are).
/// Every key is optional; unknown keys and bad values are errors with file, line and column.
public struct LintConfig: Sendable, Equatable {
    /// The config file's name, looked for upward from the working directory.
    public static let fileName = ".subsidy.yml"
    /// The keys the file may hold.
    public static let keys = ["as_of", "regimes", "levels", "ignore", "include"]
    /// The regimes `regimes` may list.
    public static let knownRegimes = Regime.allCases.map(\.rawValue)

    public var asOf: CalendarDate?
    public var regimes: Set<Regime>?
    public var levels: [String: LintLevel] = [:]
    public var ignore: [String] = []
    /// Which files under walked folders are measures (`nil`: every measure-named file).
    public var include: [String]?
    /// Where each `levels` key is, for reporting rule ids the corpus does not know.
    public var levelRanges: [String: SourceRange] = [:]

    public init(asOf: CalendarDate? = nil, regimes: Set<Regime>? = nil, levels: [String: LintLevel] = [:],
                ignore: [String] = []) {
        self.asOf = asOf
        self.regimes = regimes
        self.levels = levels
        self.ignore = ignore
    }

    /// The nearest `.subsidy.yml` in `directory` or a folder above it.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Warnings for `levels` keys that name no rule in `ruleIDs` and no tool check (ids with a
    /// prefix such as `measure.`, `yaml.` or `input.`), with a "did you mean".
    public func unknownRuleWarnings(ruleIDs: [String]) -> [Diagnostic] {
        let toolPrefixes = ["measure.", "yaml.", "input.", "config."]
        return levels.keys.sorted().compactMap { id in
            if ruleIDs.contains(id) || toolPrefixes.contains(where: id.hasPrefix) { return nil }
            return Diagnostic(
                id: "config.unknown-rule", severity: .warning,
                message: "no rule '\(id)' in the corpus\(Suggestion.hint(for: id, in: ruleIDs))",
                range: levelRanges[id])
        }
    }

    /// How `config.*` messages name the file.
    static let fileWhat = "the config file"
    /// A config file is small: 1 MiB is plenty.
    static let limits = YAMLLimits(maxBytes: 1 << 20)

    /// Reads and checks the config at `path`: the config, or the errors (with the file's text).
    public static func load(path: String) -> (config: LintConfig?, diagnostics: [Diagnostic], source: SourceText?) {
        let file = StrictYAMLFile.load(path: path, limits: limits, domain: "config", what: fileWhat)
        let (config, diagnostics) = read(file)
        return (config, diagnostics, file.source)
    }

    /// Parses config YAML (strict: unknown keys with "did you mean", located errors).
    public static func parse(bytes: [UInt8], path: String) -> (LintConfig?, [Diagnostic]) {
        read(StrictYAMLFile(bytes: bytes, path: path, limits: limits, domain: "config", what: fileWhat))
    }

    private static func read(_ file: StrictYAMLFile) -> (LintConfig?, [Diagnostic]) {
        var file = file
        var config = LintConfig()
        if let root = file.root, let map = file.reader.mapping(root, known: keys, what: "the lint configuration") {
            config.read(map, reader: &file.reader)
        }
        return file.result(config)
    }

    /// Reads the keys of the config's mapping.
    private mutating func read(_ map: YAMLMapping, reader: inout NodeReader) {
        if let node = reader.optional(map, "as_of"), let text = reader.string(node) {
            if let date = CalendarDate(text) { asOf = date } else {
                reader.diagnostics.error("config.invalid-date", "'\(text)' is not a valid date (YYYY-MM-DD)", at: node.range)
            }
        }
        if let node = reader.optional(map, "regimes"), let items = reader.sequence(node, what: "regimes") {
            regimes = Set(items.compactMap { reader.choiceIndex($0, allowed: Self.knownRegimes, what: "regime").map { Regime.allCases[$0] } })
        }
        if let node = reader.optional(map, "levels"), let mapping = node.mapping {
            for pair in mapping.pairs {
                let allowed = LintLevel.allCases.map(\.rawValue)
                if let value = reader.choice(pair.value, allowed: allowed, what: "level"), let level = LintLevel(rawValue: value) {
                    levels[pair.keyText] = level
                    levelRanges[pair.keyText] = pair.key.range
                    if level != .error, LintRunner.contractPrefixes.contains(where: pair.keyText.hasPrefix) {
                        reader.diagnostics.emit(Diagnostic(
                            id: "config.locked-level", severity: .warning,
                            message: "'\(pair.keyText)' checks that a file is a valid measure file: its errors stay errors "
                                + "('\(value)' applies only to its warnings and notes)",
                            range: pair.value.range))
                    }
                }
            }
        } else if let node = reader.optional(map, "levels") {
            reader.typeMismatch(node, expected: "a mapping (rule id: error, warning, note or off)")
        }
        if let node = reader.optional(map, "ignore"), let items = reader.strings(node, what: "ignored paths") {
            ignore = items
        }
        if let node = reader.optional(map, "include"), let items = reader.strings(node, what: "measure paths") {
            include = items
        }
    }
}
