public import Diagnostics
import Engine
public import Measures
public import RuleCompiler
import YAMLLoader

/// Runs the examples rule files carry and measures rule coverage.
public struct ExampleRunner: Sendable {
    public struct Outcome: Sendable {
        public var rule: String
        public var example: String
        public var file: String
        public var passed: Bool
        public var failure: Diagnostic?
        public var triggers: TriValue?
        /// Whether the rule was among the deciding rules of its regime's verdict.
        public var decides: Bool = false
    }

    public struct Report: Sendable {
        public var outcomes: [Outcome]
        /// Rules with a passing example that triggers them and one that does not.
        public var covered: [String]
        public var uncovered: [(rule: String, range: SourceRange, missing: String)]
        public var ruleCount: Int

        public var coverage: Double { ruleCount == 0 ? 1 : Double(covered.count) / Double(ruleCount) }
        public var failures: [Diagnostic] { outcomes.compactMap(\.failure) }
    }

    public let graph: RuleGraph

    public init(graph: RuleGraph) {
        self.graph = graph
    }

    public func run() -> Report {
        var outcomes: [Outcome] = []
        var covered: [String] = []
        var uncovered: [(String, SourceRange, String)] = []
        let classifier = Classifier(graph: graph)
        for (index, rule) in graph.rules.enumerated() {
            var sawTrue = false, sawFalse = false
            for example in rule.definition.examples {
                let outcome = run(example, of: index, classifier: classifier)
                outcomes.append(outcome)
                if outcome.passed, outcome.triggers == .true { sawTrue = true }
                if outcome.passed, outcome.triggers == .false { sawFalse = true }
                // A default (`always`) rule cannot be false; an example where it does not decide counts.
                if outcome.passed, isAlways(rule), !outcome.decides { sawFalse = true }
            }
            if sawTrue && sawFalse {
                covered.append(rule.id)
            } else {
                let missing = [sawTrue ? nil : "one that triggers it", sawFalse ? nil : "one that does not"]
                    .compactMap { $0 }.joined(separator: " and ")
                uncovered.append((rule.id, rule.definition.idRange, missing))
            }
        }
        return Report(outcomes: outcomes, covered: covered, uncovered: uncovered, ruleCount: graph.rules.count)
    }

    private func isAlways(_ rule: RuleGraph.Rule) -> Bool {
        if case .always = graph.nodes[rule.condition] { return true }
        return false
    }

    /// The regime a rule belongs to; a defeater belongs to the regime of the rules it overrides.
    private func regime(of rule: RuleGraph.Rule) -> Regime? {
        if let regime = rule.definition.regime { return regime }
        return rule.definition.exceptionTo.first.flatMap { graph.rule($0.id)?.definition.regime }
    }

    /// Builds an example's measure: its fixture, with the example's own facts merged over it.
    public func measure(for example: ExampleDefinition, file: String) -> (Measure?, [Diagnostic]) {
        var node = example.extends.flatMap { graph.fixtures[$0]?.measure }
        if let own = example.measure { node = node.map { $0.merged(with: own) } ?? own }
        let root = node ?? YAMLNode(content: .mapping(YAMLMapping()), range: example.range)
        let document = YAMLDocument(root: root, range: example.range)
        return MeasureDecoder(vocabulary: graph.vocabulary).decode(document, file: file, requireIdentity: false)
    }

    private func run(_ example: ExampleDefinition, of index: Int, classifier: Classifier) -> Outcome {
        let rule = graph.rules[index]
        func fail(_ message: String, notes: [Note] = []) -> Outcome {
            Outcome(rule: rule.id, example: example.name, file: rule.definition.file, passed: false,
                    failure: Diagnostic(id: "example.failed", message: "example '\(example.name)' of '\(rule.id)': \(message)",
                                        range: example.expectRange, notes: notes),
                    triggers: nil)
        }
        let (built, problems) = measure(for: example, file: rule.definition.file)
        guard let measure = built else {
            return fail("its measure is invalid", notes: problems.map { Note($0.message, at: $0.range) })
        }
        let facts = FactVector(measure: measure, graph: graph)
        var evaluation = Evaluation(graph: graph, facts: facts, asOf: example.asOf)
        var triggers = evaluation.condition(of: index)
        if rule.role == .exemption, triggers != .false {
            let end = ExemptionWindow(rule: index, graph: graph).end(facts: facts)
            if let known = end.known, example.asOf >= known { triggers = .false } else if end.unknownFacts { triggers = .unknown }
        }
        if triggers != example.triggers {
            return fail("the rule's condition is \(triggers), expected \(example.triggers)")
        }
        let classification = classifier.classify(measure, asOf: example.asOf)
        let regime = example.regime ?? self.regime(of: rule)
        var decides = false
        if let verdict = classification.verdicts.first(where: { $0.regime == regime }) {
            decides = verdict.category != .undetermined && verdict.rules.contains(rule.id)
            if let expected = example.category, verdict.category != expected {
                return fail("the \(verdict.regime) verdict is \(verdict.category) (rules: \(verdict.rules.joined(separator: ", "))), expected \(expected)")
            }
            for id in example.deciding where !verdict.rules.contains(id) {
                return fail("'\(id)' is not among the deciding rules (\(verdict.rules.joined(separator: ", ")))")
            }
            if let expected = example.exemption, verdict.exemption?.rule != expected {
                return fail("the exemption is \(verdict.exemption?.rule ?? "none"), expected \(expected ?? "none")")
            }
            let asked = (verdict.questions + verdict.exemptionQuestions).map(\.fact)
            for fact in example.questions where !asked.contains(fact) {
                return fail("'\(fact)' is not among the questions (\(asked.joined(separator: ", ")))")
            }
        } else if example.category != nil {
            return fail("the example expects a category but names no regime")
        }
        return Outcome(rule: rule.id, example: example.name, file: rule.definition.file, passed: true, failure: nil,
                       triggers: triggers, decides: decides)
    }
}
