/// The enumerated values of the CLI contract (Docs/cli.md v1.1) that people see in words, by the
/// catalogue section that gives their Russian words. Declared in Swift (the contract), so they
/// have no place in a file.
public enum ContractTerms {
    public static let values: [RussianCatalogue.TermSection: [String]] = [
        .regimes: ["eaeu", "wto"],
        .categories: ["not-applicable", "out-of-scope", "not-a-subsidy", "non-specific", "non-actionable",
                      "actionable", "prohibited", "undetermined"],
        .obligationKinds: ["annual-planned", "quarterly-granted", "full", "update", "cvd-semiannual"],
        .obligationStatuses: ["due", "overdue", "conditional"],
        .submissionStatuses: ["on-time", "late", "missing", "pending"],
        .exceptionStatuses: ["applied", "not-applied", "not-in-force", "unknown"],
        .levels: ["error", "warning", "note"],
        .answers: ["true", "false", "unknown", "none", "in-law", "in-fact"],
        .phrases: ["paraphrase", "official-text", "official-text-not-read"],
    ]
}
