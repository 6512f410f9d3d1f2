import Diagnostics
import Reporting
import Testing

/// Report order compares interned file ids before paths; ids follow first use, not path order,
/// so the order must still be the paths'.
@Suite struct ReportOrderTests {
    func finding(_ file: String?, _ line: Int, _ rule: String = "r") -> Finding {
        Finding(ruleID: rule, level: .error, message: "m",
                range: file.map { SourceRange(file: $0, at: SourceLocation(line: line, column: 1)) })
    }

    @Test func filesSortByPathWhateverOrderTheyWereFirstSeenIn() {
        // Interned in reverse path order.
        let paths = ["order-test/z.yaml", "order-test/m.yaml", "order-test/b.yaml", "order-test/a.yaml", ""]
        let findings = paths.enumerated().flatMap { i, path in
            [finding(path, 3 + i, "r2"), finding(path, 1), finding(path, 3 + i, "r1")]
        } + [finding(nil, 2), finding(nil, 0)]
        let sorted = findings.sortedForReport()
        #expect(sorted == findings.sorted { a, b in
            let lf = a.file ?? "", rf = b.file ?? ""
            if lf != rf { return lf < rf }
            return Finding.inFileOrder(a, b)
        })
        #expect(sorted.map { $0.file ?? "-" }.first == "-")
        #expect(sorted.compactMap(\.file).filter { !$0.isEmpty }
            == ["order-test/a.yaml", "order-test/b.yaml", "order-test/m.yaml", "order-test/z.yaml"].flatMap { [$0, $0, $0] })
        #expect(sorted == findings.sorted(by: Finding.reportOrder))
        // A range in the file "" orders like no range at all.
        #expect(!Finding.reportOrder(finding("", 5), finding(nil, 4)))
        #expect(Finding.reportOrder(finding(nil, 4), finding("", 5)))
    }

    @Test func diagnosticsSortByPathToo() {
        let late = Diagnostic(id: "b", message: "m", range: SourceRange(file: "order-test/y.yaml", at: SourceLocation(line: 1, column: 1)))
        let early = Diagnostic(id: "a", message: "m", range: SourceRange(file: "order-test/c.yaml", at: SourceLocation(line: 9, column: 1)))
        let none = Diagnostic(id: "z", message: "m", range: nil)
        let all = [late, early, none, late, early]
        #expect(all.sortedByKey().map(\.id) == ["z", "a", "a", "b", "b"])
        #expect(all.sortedByKey() == all.sorted(by: Diagnostic.sortKey))
        var bag = DiagnosticBag()
        bag.emit(contentsOf: all)
        #expect(bag.sorted == all.sortedByKey())
    }
}
