public import RuleCompiler

/// `subsidy explain RULE-ID`: a rule's text, citation, dates, what it depends on and what depends on it.
public enum RuleDescription {
    public static func render(_ index: Int, in graph: RuleGraph) -> String {
        let rule = graph.rules[index]
        let d = rule.definition
        var out = "\(d.id)\n  \(d.title)\n\n"
        out += "  Kind:      \(GraphExport.role(rule.role))\(d.regime.map { " (\($0))" } ?? "")\n"
        out += "  Citation:  \(d.citation.text)\(d.citation.verified ? "" : " — NOT VERIFIED")\n"
        if let source = d.citation.source { out += "  Source:    \(source)\n" }
        if let note = d.citation.note { out += "  Note:      \(note)\n" }
        out += "  In force:  \(d.inForce.description)\n"
        out += "  Defined:   \(d.idRange.file):\(d.idRange.start.line)\n"
        if let text = d.text { out += "\n  " + text.split(separator: "\n").joined(separator: "\n  ") + "\n" }
        let reads = rule.reads.map { graph.factPaths[$0] }
        out += "\n  Reads facts:     \(reads.isEmpty ? "none" : reads.joined(separator: ", "))\n"
        out += "  Depends on:      \(list(rule.dependsOn, graph))\n"
        out += "  Used by:         \(list(graph.dependents(of: index), graph))\n"
        out += "  Overrides:       \(d.exceptionTo.isEmpty ? "none" : d.exceptionTo.map(\.id).joined(separator: ", "))\n"
        out += "  Overridden by:   \(list(rule.exceptions, graph))\n"
        if !rule.suspends.isEmpty { out += "  Suspends:        \(list(rule.suspends, graph))\n" }
        out += "  Examples:        \(d.examples.count)\n"
        return out
    }

    private static func list(_ indices: [Int], _ graph: RuleGraph) -> String {
        indices.isEmpty ? "none" : indices.map { graph.rules[$0].id }.joined(separator: ", ")
    }
}
