public import Diagnostics

/// Stable identities for findings, used as SARIF `partialFingerprints.primaryLocationLineHash`.
///
/// A fingerprint hashes the rule id, the repository-relative file, and the finding's content key:
/// its ``Finding/fingerprintKey`` when set, otherwise the flagged line's text with whitespace
/// normalised. It then appends the occurrence index among findings with the same hash
/// (`9c1d…:1`, `9c1d…:2`). Line and column numbers are never part of it, so a finding keeps its
/// fingerprint when lines are inserted above it or when the file is re-indented.
public enum Fingerprint {
    /// Fingerprints for `findings`, in the same order; occurrence indices count in report order.
    ///
    /// - Parameters:
    ///   - findings: The findings to fingerprint.
    ///   - paths: The path to hash for each file (normally the repository-relative path).
    ///   - sources: Source texts by file, to read the flagged lines.
    /// - Returns: One `hash:occurrence` string per finding.
    public static func compute(
        for findings: [Finding], paths: (String) -> String, sources: [String: SourceText]
    ) -> [String] {
        var seen: [String: Int] = [:]
        let order = findings.indices.sortedByFile({ findings[$0].range }, then: { Finding.inFileOrder(findings[$0], findings[$1]) })
        var byIndex = [String](repeating: "", count: findings.count)
        for index in order {
            let finding = findings[index]
            let file = finding.file.map(paths) ?? ""
            let key = finding.fingerprintKey ?? lineKey(finding, sources: sources)
            let hash = hex(fnv1a64([finding.ruleID, file, key].joined(separator: "\u{0}")))
            let occurrence = (seen[hash] ?? 0) + 1
            seen[hash] = occurrence
            byIndex[index] = "\(hash):\(occurrence)"
        }
        return byIndex
    }

    /// The flagged line with leading and trailing whitespace removed and inner runs collapsed to one space.
    public static func normalisedLine(_ line: Substring) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `value` as 16 lower-case hexadecimal digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func lineKey(_ finding: Finding, sources: [String: SourceText]) -> String {
        guard let region = finding.region, let file = finding.file,
            let line = sources[file]?.line(region.start.line)
        else { return "" }
        return normalisedLine(line)
    }
}
