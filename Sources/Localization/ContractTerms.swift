/// The enumerated values of the CLI contract (Docs/cli.md v1.1) that people see in words, by the
/// catalogue section that gives their Russian words. Declared in Swift (the contract), so they
/// have no place in a file. Regimes and categories are not listed here: they are the rule
/// compiler's `Regime` and `Category` (the Driver adds them, ``CatalogueCheck``).
public enum ContractTerms {
    public static let values: [RussianCatalogue.TermSection: [String]] = [
        .obligationKinds: ["annual-planned", "quarterly-granted", "full", "update", "cvd-semiannual"],
        .obligationStatuses: ["due", "overdue", "conditional"],
        .submissionStatuses: ["on-time", "late", "missing", "pending"],
        .exceptionStatuses: ["applied", "not-applied", "not-in-force", "unknown"],
        .levels: ["error", "warning", "note"],
        .answers: ["true", "false", "unknown", "none", "in-law", "in-fact"],
        .phrases: ["paraphrase", "official-text", "official-text-not-read"],
    ]
}
