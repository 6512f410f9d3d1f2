/// The regimes of the contract: `regime` in rule files and in the classify JSON (Docs/cli.md).
public enum Regime: String, Sendable, CaseIterable {
    case eaeu, wto
}

/// The categories of a regime's verdict (Docs/cli.md): raw values are the contract's words.
/// A verdict rule concludes one of them except `undetermined`, which only the engine gives.
public enum Category: String, Sendable, CaseIterable {
    case notApplicable = "not-applicable"
    case outOfScope = "out-of-scope"
    case notASubsidy = "not-a-subsidy"
    case nonSpecific = "non-specific"
    case nonActionable = "non-actionable"
    case actionable
    case prohibited
    case undetermined

    /// The categories a verdict rule may conclude.
    public static let concluded: [Category] = allCases.filter { $0 != .undetermined }
}

/// In text, a regime and a category read as the contract's words (`eaeu`, `not-a-subsidy`).
extension Regime: CustomStringConvertible {
    public var description: String { rawValue }
}

extension Category: CustomStringConvertible {
    public var description: String { rawValue }
}
