import JSONText
public import RuleCompiler

/// The rule graph as Graphviz DOT, Mermaid or JSON: rules as nodes; edges for predicate use,
/// `exception_to` (overrides) and `suspends`.
public enum GraphExport {
    struct Edge {
        var from: Int, to: Int
        var kind: String  // uses | overrides | suspends
    }

    static func edges(_ graph: RuleGraph) -> [Edge] {
        var out: [Edge] = []
        for (i, rule) in graph.rules.enumerated() {
            for d in rule.dependsOn { out.append(Edge(from: i, to: d, kind: "uses")) }
            for s in rule.suspends { out.append(Edge(from: i, to: s, kind: "suspends")) }
            for (target, _) in rule.definition.exceptionTo {
                if let t = graph.ruleIndex[target] { out.append(Edge(from: i, to: t, kind: "overrides")) }
            }
        }
        return out
    }

    static func role(_ r: RuleGraph.Role) -> String {
        switch r {
        case .predicate: "predicate"
        case .defeater: "defeater"
        case .verdict(let c, _): "verdict:\(c.rawValue)"
        case .exemption: "exemption"
        case .obligation(let k, _): "obligation:\(k)"
        case .note: "note"
        }
    }

    public static func dot(_ graph: RuleGraph) -> String {
        var out = "digraph rules {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
        for (i, rule) in graph.rules.enumerated() {
            let shape: String
            switch rule.role {
            case .predicate: shape = "ellipse"
            case .defeater: shape = "octagon"
            case .verdict: shape = "box"
            case .exemption: shape = "hexagon"
            case .obligation: shape = "note"
            case .note: shape = "component"
            }
            let label = "\(rule.id)\\n\(role(rule.role))".replacingOccurrences(of: "\"", with: "'")
            out += "  n\(i) [label=\"\(label)\", shape=\(shape)\(rule.definition.citation.verified ? "" : ", style=dashed")];\n"
        }
        for e in edges(graph) {
            let style = e.kind == "uses" ? "" : e.kind == "overrides" ? " [color=red, label=\"overrides\"]" : " [style=dotted, label=\"suspends\"]"
            out += "  n\(e.from) -> n\(e.to)\(style);\n"
        }
        return out + "}\n"
    }

    public static func mermaid(_ graph: RuleGraph) -> String {
        var out = "flowchart LR\n"
        for (i, rule) in graph.rules.enumerated() {
            out += "  n\(i)[\"\(rule.id.replacingOccurrences(of: "\"", with: "'"))<br/>\(role(rule.role))\"]\n"
        }
        for e in edges(graph) {
            out += e.kind == "uses" ? "  n\(e.from) --> n\(e.to)\n" : "  n\(e.from) -. \(e.kind) .-> n\(e.to)\n"
        }
        return out
    }

    public static func json(_ graph: RuleGraph) -> String {
        let nodes: [JSONValue] = graph.rules.map { rule in
            .object([
                ("id", .string(rule.id)), ("role", .string(role(rule.role))), ("regime", rule.definition.regime.map { JSONValue.string($0.rawValue) } ?? .null),
                ("citation", .string(rule.definition.citation.text)), ("verified", .bool(rule.definition.citation.verified)),
            ])
        }
        let links: [JSONValue] = edges(graph).map { e in
            .object([("from", .string(graph.rules[e.from].id)), ("to", .string(graph.rules[e.to].id)), ("kind", .string(e.kind))])
        }
        return JSONValue.object([("rules", .array(nodes)), ("edges", .array(links))]).rendered()
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
