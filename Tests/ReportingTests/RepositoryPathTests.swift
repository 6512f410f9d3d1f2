import Reporting
import Testing

@Suite struct RepositoryPathTests {
    @Test(
        arguments: [
            ("/repo", nil, "measures/a.yaml", "measures/a.yaml"),
            ("/repo", nil, "./measures//a.yaml", "measures/a.yaml"),
            ("/repo", nil, "/repo/measures/a.yaml", "measures/a.yaml"),
            ("/repo/", nil, "/repo/x/../measures/a.yaml", "measures/a.yaml"),
            ("/repo", "/repo/sub", "a.yaml", "sub/a.yaml"),
            ("/repo", "/repo/sub", "../a.yaml", "a.yaml"),
            ("/repo", nil, "/elsewhere/a.yaml", nil),
            ("/repo", nil, "/repository/a.yaml", nil),
            ("/repo", nil, "../a.yaml", nil),
        ] as [(String, String?, String, String?)])
    func relative(root: String, workingDirectory: String?, path: String, expected: String?) {
        let context = ReportContext(version: "1", repositoryRoot: root, workingDirectory: workingDirectory)
        #expect(context.repositoryRelativePath(path) == expected)
    }

    @Test func withoutARootRelativePathsAreKeptAndAbsoluteOnesAreNot() {
        let context = ReportContext(version: "1")
        #expect(context.repositoryRelativePath("./a/b.yaml") == "a/b.yaml")
        #expect(context.repositoryRelativePath("/abs/b.yaml") == nil)
        #expect(context.repositoryRelativePath("../b.yaml") == nil)
    }

    @Test func fileOutsideTheRootGetsAnAbsoluteFileURIWithoutBase() {
        let finding = Finding(
            ruleID: "r", level: .error, message: "m",
            range: Fixtures.range("/tmp/x y.yaml", 1, 1, 1, 2))
        let sarif = SARIFReporter().report([finding], context: ReportContext(version: "1", repositoryRoot: "/repo"))
        #expect(compact(sarif).contains("\"artifactLocation\": {\"uri\": \"file:///tmp/x%20y.yaml\",\"index\": 0}"))
    }
}
