// Usage: LoaderBenchmark FILE_LIST RUNS FLOOR_SECONDS
//
// Times, over the files in FILE_LIST, (a) the YAML loader building located node trees and
// (b) full typed decoding of measures (MeasureSource.load), each as the best of RUNS wall times,
// and prints them as ratios to FLOOR_SECONDS (the bare libyaml event loop, Benchmarks/floor.c).
// Like the floor, every run reads every file from disk.
import Glibc
import Measures
import YAMLLoader

func fail(_ message: String) -> Never {
    let line = message + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Reads a whole file with POSIX calls (the floor uses stdio; both are a few system calls).
func readFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { fail("cannot open \(path)") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { fail("cannot stat \(path)") }
    let size = Int(info.st_size)
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, size - done)
            if n <= 0 { break }
            done += n
        }
        count = done
    }
}

func best(of runs: Int, _ body: () -> Int) -> (seconds: Double, check: Int) {
    var bestTime = Double.infinity
    var check = 0
    for _ in 0..<runs {
        let start = now()
        check = body()
        bestTime = min(bestTime, now() - start)
    }
    return (bestTime, check)
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let runs = Int(arguments[2]), let floor = Double(arguments[3]) else {
    fail("usage: LoaderBenchmark FILE_LIST RUNS FLOOR_SECONDS")
}
let paths = String(decoding: readFile(arguments[1]), as: UTF8.self).split(separator: "\n").map(String.init)
let loader = YAMLLoader()

// BENCH_ONLY=tree or BENCH_ONLY=decode runs one part only (for profiling with callgrind).
let only = getenv("BENCH_ONLY").map { String(cString: $0) }
let tree = best(of: only == "decode" ? 0 : runs) {
    var nodes = 0
    for path in paths {
        let result = loader.load(readFile(path), file: path)
        if result.hasErrors { fail("\(path): \(result.diagnostics)") }
        nodes += result.documents.count
    }
    return nodes
}
let decode = best(of: only == "tree" ? 0 : runs) {
    var measures = 0
    for path in paths {
        let (loaded, diagnostics) = MeasureSource.load(bytes: readFile(path), path: path, loader: loader)
        if !diagnostics.isEmpty { fail("\(path): \(diagnostics)") }
        measures += loaded.count
    }
    return measures
}
guard only != nil || (tree.check == paths.count && decode.check == paths.count) else {
    fail("expected \(paths.count) documents and measures, got \(tree.check) and \(decode.check)")
}

func row(_ name: String, _ seconds: Double, goal: String) -> String {
    let ms = (seconds * 1000 * 10).rounded() / 10
    let ratio = (seconds / floor * 100).rounded() / 100
    return "\(name)  \(ms) ms  \(ratio)x floor  (goal \(goal))"
}
print("files: \(paths.count), best of \(runs) runs")
print(row("floor (libyaml events)      ", floor, goal: "1x"))
print(row("tree  (YAMLLoader.load)     ", tree.seconds, goal: "<= 1.3x"))
print(row("decode (MeasureSource.load) ", decode.seconds, goal: "<= 2x"))
