import Foundation
import CFuzzer
import RuleCompiler
import YAMLLoader

/// bytes → one rule file → `RuleCompiler().compile`.
nonisolated(unsafe) private let compiler = RuleCompiler(
    limits: YAMLLimits(maxBytes: 1 << 16, maxDepth: 32, maxNodes: 5_000), requireExamples: false)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let (graph, diagnostics) = compiler.compile([(path: "Rules/fuzz.yaml", text: text)])
    precondition(graph != nil || !diagnostics.isEmpty, "no graph and no diagnostic")
    return 0
}

@main
enum Main {
    static func main() { exit(subsidy_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { fuzz($0!, $1) }) }
}
