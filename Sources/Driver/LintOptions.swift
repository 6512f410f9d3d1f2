public import Diagnostics
public import Measures

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
    public var regimes: Set<String>?
    /// Per-rule level overrides: rule id → level (`off` drops the rule's findings).
    public var levels: [String: LintLevel]
    /// Paths to skip: prefixes (`drafts/old`) or globs (`*.draft.md`, `drafts/**`).
    public var ignore: [String]
    /// An exemption ending within this many days of `asOf` is a warning.
    public var exemptionHorizonDays: Int

    /// Creates options.
    public init(
        asOf: CalendarDate,
        regimes: Set<String>? = nil,
        levels: [String: LintLevel] = [:],
        ignore: [String] = [],
        exemptionHorizonDays: Int = 365
    ) {
        self.asOf = asOf
        self.regimes = regimes
        self.levels = levels
        self.ignore = ignore
        self.exemptionHorizonDays = exemptionHorizonDays
    }
}
