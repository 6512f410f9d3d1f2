// Usage: LoaderBenchmark FILE_LIST RUNS tree|decode
//
// Times, over the files in FILE_LIST, either (tree) the YAML loader building located node trees or
// (decode) full typed decoding of measures (MeasureSource.load), and prints the best of RUNS wall
// times in seconds. Like the floor (Benchmarks/floor.c), every run reads every file from disk.
// Benchmarks/run.sh interleaves the three contestants and prints the ratios.
import Glibc
import Driver
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
        count = 0
        guard let base = buffer.baseAddress else { return }
        while count < size {
            let n = read(fd, base + count, size - count)
            if n <= 0 { break }
            count += n
        }
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let runs = Int(arguments[2]), ["tree", "decode"].contains(arguments[3]) else {
    fail("usage: LoaderBenchmark FILE_LIST RUNS tree|decode")
}
// Split the list by bytes: splitting a String by Characters cost ~20,000 instructions per listed
// file, which callgrind counted as per-file loader work (the floor reads its list with fgets).
let paths = readFile(arguments[1]).split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
let decode = arguments[3] == "decode"
let loader = YAMLLoader()
// The corpus's vocabulary (with its claimable exemptions), loaded once as the CLI does.
let vocabulary = RuleCorpusLoader.load(directory: nil).graph!.vocabulary

var best = Double.infinity
for _ in 0..<runs {
    let start = now()
    var count = 0
    for path in paths {
        if decode {
            let (measures, diagnostics) = MeasureSource.load(bytes: readFile(path), path: path, vocabulary: vocabulary, loader: loader)
            if !diagnostics.isEmpty { fail("\(path): \(diagnostics)") }
            count += measures.count
        } else {
            let result = loader.load(readFile(path), file: path)
            if result.hasErrors { fail("\(path): \(result.diagnostics)") }
            count += result.documents.count
        }
    }
    best = min(best, now() - start)
    if count != paths.count { fail("expected \(paths.count) documents, got \(count)") }
}
print(best)
