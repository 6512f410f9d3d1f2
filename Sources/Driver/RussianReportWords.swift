public import Diagnostics
public import Localization
public import Reporting
public import RuleCompiler

/// `lint --lang ru` beyond the findings' messages: the summary line with its plurals, and the SARIF
/// rule metadata (`shortDescription`, `fullDescription`, `help`) of rules and of tool checks.
/// Rule ids, names, levels and tags are those of the English.
public enum RussianReportWords {
    /// The phrases read here (`rules check` reports one that is missing).
    static let phraseKeys = [
        "lint-summary", "lint-summary-none", "lint-summary-unread", "lint-check-short", "lint-check-full",
        "lint-rule-full", "lint-rule-help", "lint-rule-help-markdown", "lint-help-other", "validate-valid", "validate-schedules",
        "lint-md-failed", "lint-md-passed", "lint-md-files", "lint-md-findings", "lint-md-unread",
    ]

    /// Nouns in the prepositional case after «в»: «в 1 файле», «в 2 файлах», «в 21 файле».
    static let inFiles = RussianNoun(one: "файле", few: "файлах", many: "файлах")
    static let path = RussianNoun(one: "путь", few: "пути", many: "путей")

    public static func words(_ catalogue: RussianCatalogue) -> ReportWords {
        ReportWords(
            summary: { summary(catalogue, $0) },
            placeholder: { id, level in placeholder(catalogue, id: id, level: level) },
            markdown: MarkdownWords(
                verdict: { failed, failOn in
                    let level = catalogue.term(.levels, failOn.rawValue) ?? failOn.rawValue
                    return phrase(catalogue, failed ? "lint-md-failed" : "lint-md-passed", ["level": level])
                },
                filesHeader: phrase(catalogue, "lint-md-files"), findingsHeader: phrase(catalogue, "lint-md-findings"),
                level: { catalogue.term(.levels, $0.rawValue) ?? $0.rawValue }, unread: phrase(catalogue, "lint-md-unread")))
    }

    /// «14 замечаний в 4 файлах: 4 ошибки, 2 предупреждения, 8 примечаний» or «замечаний нет в 2 файлах»,
    /// then «; не удалось прочитать: 1 путь» when some inputs could not be read.
    static func summary(_ catalogue: RussianCatalogue, _ s: ReportSummary) -> String {
        let files = inFiles.counted(s.files)
        let unread = s.inputErrors == 0 ? "" : phrase(catalogue, "lint-summary-unread", ["inputs": path.counted(s.inputErrors)])
        guard s.total > 0 else { return phrase(catalogue, "lint-summary-none", ["files": files]) + unread }
        return phrase(catalogue, "lint-summary", [
            "findings": RussianNoun.finding.counted(s.total), "files": files,
            "errors": RussianNoun.error.counted(s.errors), "warnings": RussianNoun.warning.counted(s.warnings),
            "notes": RussianNoun.note.counted(s.notes),
        ]) + unread
    }

    /// A tool check (`measure.invalid-value`) described in Russian.
    static func placeholder(_ catalogue: RussianCatalogue, id: String, level: Severity) -> RuleSummary {
        let text = phrase(catalogue, "lint-check-full", ["id": id])
        return RuleSummary(
            id: id, shortDescription: phrase(catalogue, "lint-check-short", ["id": id]), fullDescription: text,
            helpText: text, helpMarkdown: text, defaultLevel: level, tags: ["subsidy"])
    }

    /// The rule's summary from its Russian entry: title, paraphrase, provision under the
    /// instrument's Russian name, and what a drafter can do; `nil` when the graph has no such rule.
    public static func summary(
        for id: String, in graph: RuleGraph, kind: LintFindingMapper.Kind?, level: Severity,
        catalogue: RussianCatalogue
    ) -> RuleSummary? {
        guard let english = LintRuleSummaries.summary(for: id, in: graph, kind: kind, level: level) else { return nil }
        guard let rule = graph.rule(id), let entry = catalogue.rules[id] else { return english }
        let d = rule.definition
        let citation = RussianCitation.text(provision: entry.provision ?? d.citation.provision,
                                            instrument: d.citation.instrument, catalogue: catalogue)
            + (d.citation.verified ? "" : " (" + phrase(catalogue, "unverified-provision") + ")")
        let how = kind.map { RussianLintWords.help($0, catalogue: catalogue) } ?? phrase(catalogue, "lint-help-other")
        let title = entry.title
        let values = ["title": title, "text": entry.text, "citation": citation, "how": how]
        let quoted = entry.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ")
        var markdown = values
        markdown["text"] = quoted
        return RuleSummary(
            id: id, name: english.name, shortDescription: title,
            fullDescription: phrase(catalogue, "lint-rule-full", ["title": title.hasSuffix(".") ? title : title + ".", "citation": citation]),
            helpText: phrase(catalogue, "lint-rule-help", values),
            helpMarkdown: phrase(catalogue, "lint-rule-help-markdown", markdown),
            defaultLevel: english.defaultLevel, tags: english.tags, helpURI: english.helpURI)
    }

    static func phrase(_ catalogue: RussianCatalogue, _ key: String, _ values: [String: String] = [:]) -> String {
        catalogue.phrase(key, values) ?? "[\(key)]"
    }
}

/// A provision cited under its instrument's Russian name: «пункт 78 раздела VII Протокола
/// («Протокол о единых правилах …»)»; the official name in «», a rendering without them.
enum RussianCitation {
    static func text(provision: String, instrument english: String?, catalogue: RussianCatalogue) -> String {
        guard let instrument = english.flatMap({ catalogue.instruments[$0] }) else { return provision }
        return provision + " (" + (instrument.officialName ? "«\(instrument.russian)»" : instrument.russian) + ")"
    }
}

extension RussianReportWords {
    /// `validate --lang ru` when every file is valid: «Ошибок не найдено: 3 меры в 2 файлах».
    public static func valid(measures: Int, files: Int, scheduleFiles: Int, catalogue: RussianCatalogue) -> String {
        let schedules = scheduleFiles == 0 ? "" : phrase(catalogue, "validate-schedules", ["count": "\(scheduleFiles)"])
        return phrase(catalogue, "validate-valid", [
            "measures": RussianNoun.measure.counted(measures), "files": inFiles.counted(files), "schedules": schedules,
        ])
    }
}
