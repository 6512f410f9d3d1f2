public import Localization
public import RuleCompiler

/// `subsidy explain RULE-ID --lang ru`: the rule's Russian title, the paraphrase marked as such,
/// the provision, the authentic wording where it was read (or «официальный текст на русском языке
/// не прочитан»), the instrument under its Russian name, the dates in force as Russian legal texts
/// write them; then the rule's structure (ids and fact paths, which never change with the language).
/// A rule with no Russian entry is shown in English, with a line saying so.
public enum RussianRuleDescription {
    public static func render(_ index: Int, in graph: RuleGraph, catalogue: RussianCatalogue) -> String {
        let rule = graph.rules[index]
        let d = rule.definition
        guard let explanation = RussianRuleExplanation(rule: d.id, in: catalogue) else {
            return "Перевод правила отсутствует в каталоге (Rules/i18n/ru/rules.yaml); текст на английском языке.\n\n"
                + RuleDescription.render(index, in: graph)
        }
        var out = "\(d.id)\n  \(explanation.title)\n\n"
        let instrument = catalogue.instruments[d.citation.instrument]
        let name = instrument.map { $0.officialName ? "«\($0.russian)»" : $0.russian } ?? d.citation.instrument
        out += "  Основание:     \(name), \(catalogue.rules[d.id]?.provision ?? d.citation.provision)"
        out += d.citation.verified ? "\n" : " — \(catalogue.phrase("unverified-provision") ?? "положение не сверено с официальным текстом")\n"
        if let instrument, !instrument.officialName {
            out += "                 (\(catalogue.phrase("unofficial-name") ?? "наименование приведено в переводе, не сверено с официальным текстом"))\n"
        }
        let from = RussianDate.format(d.inForce.from)
        out += "  Действует:     с \(from)" + (d.inForce.until.map { " по \(RussianDate.format($0.adding(days: -1)))" } ?? "") + "\n"
        out += "  Определено:    \(d.idRange.file):\(d.idRange.start.line)\n\n"
        out += "  " + explanation.paraphrase + "\n\n"
        out += "  " + explanation.official + "\n"
        let reads = rule.reads.map { graph.factPaths[$0] }
        out += "\n  Факты:             \(reads.isEmpty ? "нет" : reads.joined(separator: ", "))\n"
        out += "  Зависит от:        \(list(rule.dependsOn, graph))\n"
        out += "  Используется в:    \(list(graph.dependents(of: index), graph))\n"
        out += "  Исключение из:     \(d.exceptionTo.isEmpty ? "нет" : d.exceptionTo.map(\.id).joined(separator: ", "))\n"
        out += "  Исключения:        \(list(rule.exceptions, graph))\n"
        if !rule.suspends.isEmpty { out += "  Приостанавливает:  \(list(rule.suspends, graph))\n" }
        out += "  Примеры:           \(d.examples.count)\n"
        return out
    }

    private static func list(_ indices: [Int], _ graph: RuleGraph) -> String {
        indices.isEmpty ? "нет" : indices.map { graph.rules[$0].id }.joined(separator: ", ")
    }
}
