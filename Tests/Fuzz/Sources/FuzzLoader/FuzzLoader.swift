import Foundation
import CFuzzer
import YAMLLoader

/// bytes → `YAMLLoader.load`. Small limits so that the limit paths are reached by small inputs.
private let loader = YAMLLoader(limits: YAMLLimits(maxBytes: 1 << 16, maxDepth: 32, maxNodes: 2_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = loader.load(bytes, file: "fuzz.yaml")
    // Every diagnostic is located at a line ≥ 0 and column ≥ 0; walk the trees so that lazily
    // computed parts are exercised too.
    for d in result.diagnostics {
        if let range = d.range { precondition(range.start.line >= 0 && range.start.column >= 0) }
    }
    for document in result.documents { _ = document.root?.kindDescription }
    return 0
}

@main
enum Main {
    static func main() { exit(subsidy_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { fuzz($0!, $1) }) }
}
