import Foundation

/// The `subsidy` binary this test run built: `SUBSIDY_BIN` if set, else next to the test bundle
/// (so `swift test --scratch-path .build-asan` runs the sanitized binary of that build), else
/// `<package root>/.build/debug/subsidy`.
public func builtSubsidyBinary(packageRoot: String) -> String {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["SUBSIDY_BIN"] { candidates.append(override) }
    let bundle = Bundle.main.bundleURL
    candidates.append(bundle.appendingPathComponent("subsidy").path)
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("subsidy").path)
    for b in Bundle.allBundles where b.bundleURL.pathExtension == "xctest" {
        candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("subsidy").path)
    }
    let fallback = packageRoot + "/.build/debug/subsidy"
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? fallback
}

/// Reads a child's stdout and stderr pipes to their ends at the same time. Reading one to its end
/// before the other blocks for good once the child fills the other pipe (64 KiB; a sanitizer
/// report on stderr does) and waits for it to empty.
public func readToEnd(stdout out: Pipe, stderr err: Pipe) -> (stdout: Data, stderr: Data) {
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let done = DispatchSemaphore(value: 0)
    let errHandle = err.fileHandleForReading
    DispatchQueue.global().async {
        errBox.data = errHandle.readDataToEndOfFile()
        done.signal()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    return (outData, errBox.data)
}

/// Starts `process`, one start at a time across the whole test run. Foundation's `Process.run()`
/// on Linux was seen to crash once when many suites started children at the same moment; the
/// start is serialized, the children still run (and are waited for) in parallel.
public func startSerially(_ process: Process) throws {
    processStart.lock()
    defer { processStart.unlock() }
    try process.run()
}

private let processStart = NSLock()
