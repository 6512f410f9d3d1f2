import Driver
import Foundation
import Testing

/// The folder walk's failures, injected through its lister (so they are tested even as root,
/// where permissions do not stop reads).
@Suite struct WalkTests {
    /// The real file system, except that `unlistable` folders cannot be listed.
    struct Lister: FileSystem.Lister {
        let unlistable: Set<String>
        let real = FileSystem.SystemLister()
        func entries(of folder: String) -> Result<[String], FileSystem.Failure> {
            if unlistable.contains(folder) {
                return .failure(.unlistable(path: folder, reason: "cannot list the folder: permission denied"))
            }
            return real.entries(of: folder)
        }
        func kind(of path: String) -> FileSystem.EntryKind { real.kind(of: path) }
        func resolved(_ path: String) -> String { real.resolved(path) }
    }

    @Test func anUnlistableSubfolderIsAnInputError() throws {
        let folder = try LintFixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/locked", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: LintFixtures.drafts + "/tax-rate-cut.yaml", toPath: folder + "/a.yaml")
        let reader = MeasureReader(vocabulary: LintRunnerTests.graph.vocabulary, lister: Lister(unlistable: [folder + "/locked"]))
        let result = LintRunner(graph: LintRunnerTests.graph, options: LintOptions(asOf: LintRunnerTests.asOf), reader: reader)
            .run([folder])
        #expect(result.inputErrors.map(\.id) == ["input.unreadable"])
        #expect(result.inputErrors.first?.range?.file == folder + "/locked")
        #expect(result.inputErrors.first?.message == "cannot list the folder: permission denied")
        #expect(result.checkedFiles == [folder + "/a.yaml"])
        let load = reader.read([folder])
        #expect(load.hasErrors)
        #expect(load.diagnostics.map(\.id) == ["input.unreadable"])
    }

    @Test func walkFindsAnyCaseAndReportsDanglingLinks() throws {
        let folder = try LintFixtures.temporaryFolder()
        try LintFixtures.write("id: a\n", to: "A.YAML", in: folder)
        try LintFixtures.write("id: b\n", to: "b.Md", in: folder)
        try LintFixtures.write("x\n", to: "notes.txt", in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/gone.yaml", withDestinationPath: folder + "/nothing")
        try FileManager.default.createSymbolicLink(atPath: folder + "/gone", withDestinationPath: folder + "/nothing")
        let walk = FileSystem.walk(folder, extensions: MeasureReader.extensions)
        // A dangling link named like a measure is read (and says why it cannot be); any other is reported.
        #expect(walk.files == [folder + "/A.YAML", folder + "/b.Md", folder + "/gone.yaml"])
        #expect(walk.problems.map(\.path) == [folder + "/gone"])
    }
}
