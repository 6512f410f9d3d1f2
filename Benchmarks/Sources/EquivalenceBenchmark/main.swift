// The fast engine against the reference evaluator on many measures (Benchmarks/equivalence.sh).
//
// Usage: EquivalenceBenchmark FILES.txt DATE...
// Reads and decodes every measure listed, classifies each as of each date with the fast engine
// (`Classifier`) and with `ReferenceEvaluator`, and compares, verdict by verdict: category,
// grounds, deciding rules, exemption and its end, the questions and exemption questions (as sets)
// and every question's outcomes. Prints "<measures> <verdicts> <mismatches> <seconds>" and the
// first mismatches; exits 1 when there is one.
import Driver
import Engine
import Foundation
import Measures
import RuleCompiler

let arguments = CommandLine.arguments
guard arguments.count >= 3, let list = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: EquivalenceBenchmark FILES.txt DATE...\n".utf8))
    exit(2)
}
let dates = arguments.dropFirst(2).compactMap(CalendarDate.init)
let paths = list.split(separator: "\n").map(String.init)
guard let graph = RuleCorpusLoader.load(directory: nil).graph else { exit(2) }
let classifier = Classifier(graph: graph)
let reference = ReferenceEvaluator(graph: graph)

func outcomeText(_ answer: FactValue, _ category: Category, _ exemption: String?) -> String {
    "\(FactText.describe(answer))→\(category.rawValue)/\(exemption ?? "-")"
}

func oracle(_ v: ReferenceEvaluator.Verdict) -> [String] {
    func outcomes(_ list: [ReferenceEvaluator.Outcome]) -> String {
        list.map { outcomeText($0.answer, $0.category, $0.exemption) }.joined(separator: ",")
    }
    return [
        "category \(v.category)", "grounds \(v.grounds)",
        "exemption \(v.exemption ?? "-") \(v.exemptionUntil?.description ?? "-")",
        "questions " + v.questions.keys.sorted().map { "\($0): \(outcomes(v.questions[$0]!))" }.joined(separator: "; "),
        "exemption questions " + v.exemptionQuestions.keys.sorted().map { "\($0): \(outcomes(v.exemptionQuestions[$0]!))" }
            .joined(separator: "; "),
    ]
}

func observed(_ v: RegimeVerdict) -> [String] {
    func outcomes(_ list: [QuestionOutcome]) -> String {
        list.map { outcomeText($0.answer, $0.category, $0.exemption?.rule) }.joined(separator: ",")
    }
    return [
        "category \(v.category)", "grounds \(v.grounds.sorted())",
        "exemption \(v.exemption?.rule ?? "-") \(v.exemption?.until?.description ?? "-")",
        "questions " + v.questions.sorted { $0.fact < $1.fact }.map { "\($0.fact): \(outcomes($0.outcomes))" }.joined(separator: "; "),
        "exemption questions " + v.exemptionQuestions.sorted { $0.fact < $1.fact }.map { "\($0.fact): \(outcomes($0.outcomes))" }
            .joined(separator: "; "),
    ]
}

let start = Date()
var measures = 0, verdicts = 0, mismatches = 0, undetermined = 0, settled = 0
// In chunks, so that 100,000 decoded measures are never held at once.
for chunk in stride(from: 0, to: paths.count, by: 5_000) {
    let load = MeasureReader(vocabulary: graph.vocabulary).read(Array(paths[chunk..<min(chunk + 5_000, paths.count)]))
    for measure in load.measures {
        measures += 1
        let facts = reference.facts(of: measure)
        for asOf in dates {
            let fast = classifier.classify(measure, asOf: asOf)
            for (k, v) in fast.verdicts.enumerated() {
                verdicts += 1
                if v.category == .undetermined { undetermined += 1 }
                if v.category != .undetermined, !v.questions.isEmpty { settled += 1 }
                let expected = oracle(reference.verdict(regime: k, facts: facts, asOf: asOf)), got = observed(v)
                guard expected != got else { continue }
                mismatches += 1
                if mismatches <= 5 {
                    print("MISMATCH \(measure.file) \(v.regime) \(asOf)")
                    for (e, g) in zip(expected, got) where e != g { print("  reference: \(e)\n  fast:      \(g)") }
                }
            }
        }
    }
}
print("\(measures) measures, \(verdicts) verdicts (\(undetermined) undetermined, \(settled) settled with questions), "
      + "\(mismatches) mismatches, \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
exit(mismatches == 0 ? 0 : 1)
