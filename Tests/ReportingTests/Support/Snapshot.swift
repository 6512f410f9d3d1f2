import Foundation
import Testing

/// Compares `actual` with `Resources/Snapshots/<name>`; with `RECORD_SNAPSHOTS=1` in the
/// environment it rewrites the file instead (and the test fails, so a recording is never silent).
func assertSnapshot(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    // This file is Tests/ReportingTests/Support/Snapshot.swift.
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/Snapshots")
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        Issue.record("recorded snapshot \(name); unset RECORD_SNAPSHOTS and run again", sourceLocation: sourceLocation)
        return
    }
    guard let data = try? Data(contentsOf: url) else {
        Issue.record("missing snapshot \(url.path); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record(
            "snapshot \(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)",
            sourceLocation: sourceLocation)
    }
}

/// `json` with line breaks and indentation removed, for layout-independent `contains` checks.
func compact(_ json: String) -> String {
    json.split(separator: "\n").map { $0.drop(while: { $0 == " " }) }.joined()
}
