public import Diagnostics
public import Localization
public import Measures
public import RuleCompiler

/// The level a rule reports at after configuration: a severity, or `off` (dropped).
public enum LintLevel: String, CaseIterable, Sendable {
    case error, warning, note, off

    /// The severity, `nil` for `off`.
    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        case .off: nil
        }
    }
}

/// What `subsidy lint` checks, merged from `.subsidy.yml` and the command line (flags win).
public struct LintOptions: Sendable {
    /// The date measures are classified on.
    public var asOf: CalendarDate
    /// The regimes to report (`eaeu`, `wto`); `nil` means every regime.
    public var regimes: Set<Regime>?
    /// Per-rule level overrides: rule id → level (`off` drops the rule's findings).
    public var levels: [String: LintLevel]
    /// Paths to skip: prefixes (`drafts/old`) or globs (`*.draft.md`, `drafts/**`).
    public var ignore: [String]
    /// Which files found walking a folder are measures: prefixes or globs as for ``ignore``;
    /// `nil` means every `*.yaml`, `*.yml`, `*.md` and `*.markdown` file (the tool's own files,
    /// hidden files, CI folders and other tools' well-known files are never measures). Named files
    /// are always read.
    public var include: [String]?
    /// An exemption ending within this many days of `asOf` is a warning.
    public var exemptionHorizonDays: Int
    /// With `--lang ru`, the catalogue the finding messages are worded from (`nil`: English).
    /// Rule ids, levels and fingerprints never change with the language.
    public var russian: RussianCatalogue? = nil

    /// Creates options.
    public init(
        asOf: CalendarDate,
        regimes: Set<Regime>? = nil,
        levels: [String: LintLevel] = [:],
        ignore: [String] = [],
        include: [String]? = nil,
        exemptionHorizonDays: Int = 365
    ) {
        self.include = include
        self.asOf = asOf
        self.regimes = regimes
        self.levels = levels
        self.ignore = ignore
        self.exemptionHorizonDays = exemptionHorizonDays
    }
}
