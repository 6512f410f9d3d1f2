import Foundation
import CFuzzer
import Measures
import YAMLLoader

/// bytes → `MeasureSource.load`, as YAML (odd first byte) or as a Markdown draft (even).
private let loader = YAMLLoader(limits: YAMLLimits(maxBytes: 1 << 16, maxDepth: 32, maxNodes: 5_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let path = data[0] & 1 == 0 ? "draft.md" : "measure.yaml"
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let (measures, _) = MeasureSource.load(bytes: bytes, path: path, vocabulary: .builtIn, loader: loader)
    for measure in measures { precondition(!measure.id.isEmpty || measure.id.isEmpty) }
    return 0
}

@main
enum Main {
    static func main() { exit(subsidy_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { fuzz($0!, $1) }) }
}
