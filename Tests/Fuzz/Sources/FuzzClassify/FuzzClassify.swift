import Foundation
import CFuzzer
import Driver
import Engine
import Measures
import YAMLLoader

/// bytes → measure (YAML) → `Classifier` over the built-in corpus, on a fixed date and on a date
/// taken from the input, then explained and rendered as JSON the way `subsidy classify` does.
private let graph = RuleCorpusLoader.load(directory: nil).graph!
private let classifier = Classifier(graph: graph)
private let loader = YAMLLoader(limits: YAMLLimits(maxBytes: 1 << 16, maxDepth: 32, maxNodes: 5_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (measures, _) = MeasureSource.load(bytes: bytes, path: "measure.yaml", vocabulary: graph.vocabulary, loader: loader)
    for measure in measures {
        for asOf in [CalendarDate(year: 2026, month: 1, day: 1), CalendarDate(year: 1995, month: 1, day: 1)] {
            guard let asOf else { continue }
            let classification = classifier.classify(measure, asOf: asOf)
            _ = ClassificationJSON.render([classification])
        }
    }
    return 0
}

@main
enum Main {
    static func main() { exit(subsidy_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { fuzz($0!, $1) }) }
}
