// Classification on the compiled rule graph, with explanations on.
//
// Usage: ClassifyBenchmark FILES.txt ROUNDS
// Reads and decodes every measure listed (not timed), compiles the built-in corpus (not timed),
// then times `Classifier.classify` over all measures, best of ROUNDS, and prints
// "<seconds> <measures>" for the classification pass. Every result is consumed, so nothing is
// optimised away: the verdicts, their rules, questions, exceptions considered (worded), and the
// obligations' next due dates.
import Driver
import Engine
import Foundation
import Measures

let arguments = CommandLine.arguments
guard arguments.count == 3, let rounds = Int(arguments[2]),
      let list = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: ClassifyBenchmark FILES.txt ROUNDS\n".utf8))
    exit(2)
}
let paths = list.split(separator: "\n").map(String.init)
guard let graph = RuleCorpusLoader.load(directory: nil).graph else {
    FileHandle.standardError.write(Data("no rule graph\n".utf8))
    exit(2)
}
let load = MeasureReader(vocabulary: graph.vocabulary).read(paths)
guard !load.measures.isEmpty else {
    FileHandle.standardError.write(Data("no measures or no rule graph\n".utf8))
    exit(2)
}
let classifier = Classifier(graph: graph)
let asOf = CalendarDate("2026-11-29")!
/// One timed pass: classifies every measure and consumes what a reader of the results would.
@inline(never)
func classifyAll(_ measures: [Measure], _ classifier: Classifier, asOf: CalendarDate) -> Int {
    var sink = 0
    for measure in measures {
        let c = classifier.classify(measure, asOf: asOf)
        // Read in place, by index: `for v in c.verdicts` would copy every verdict and exception it
        // visits (a retain and a release of each of their fields), the loop's cost, not the engine's.
        for v in c.verdicts.indices {
            sink &+= c.verdicts[v].category.rawValue.utf8.count &+ c.verdicts[v].rules.count &+ c.verdicts[v].questions.count
            for e in c.verdicts[v].considered.indices { sink &+= c.verdicts[v].considered[e].reason.utf8.count }
        }
        sink &+= c.obligations.count
    }
    return sink
}

var best = Double.infinity
var sink = 0
for _ in 0..<max(rounds, 1) {
    let start = DispatchTime.now().uptimeNanoseconds
    sink &+= classifyAll(load.measures, classifier, asOf: asOf)
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
print(String(format: "%.6f %d %d", best, load.measures.count, sink & 1))
