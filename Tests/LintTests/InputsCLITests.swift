import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 16 through the built binary: nothing under a given path is skipped silently, every format
/// tells the truth about unread inputs, outputs are all or nothing, and CI defaults work in a real
/// repository.
@Suite(.serialized) struct InputsCLITests {
    static let asOf = ["--as-of", "2026-11-29"]
    static let isRoot = getuid() == 0
    /// A draft with notes only (no failing finding).
    static let notesOnly = LintFixtures.root + "/Examples/drafts/tax-rate-cut.yaml"

    func lint(_ arguments: [String], in directory: String = LintFixtures.root) throws -> LintFixtures.Run {
        try LintFixtures.subsidy(["lint"] + arguments + Self.asOf, in: directory)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// (rule, level, file name, line) of a JSON report's findings.
    func findings(_ text: String) throws -> [String] {
        let list = try #require(try json(text)["findings"] as? [[String: Any]])
        return list.map {
            let name = ($0["file"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            return "\($0["level"] as? String ?? "") \($0["rule"] as? String ?? "") \(name):\($0["line"] as? Int ?? 0)"
        }
    }

    /// A folder holding one clean draft (notes only).
    func folderWithDraft() throws -> String {
        let folder = try LintFixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.notesOnly, toPath: folder + "/tax-rate-cut.yaml")
        return folder
    }

    // MARK: - Inputs

    @Test(.enabled(if: !isRoot, "root reads a chmod 000 folder; the dangling-link test and LintRunnerWalkTests cover the path"))
    func unreadableSubfolderIsAnErrorNamingIt() throws {
        let folder = try folderWithDraft()
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try LintFixtures.write("id: X\n", to: "hidden.yaml", in: locked)
        chmod(locked, 0)
        defer { chmod(locked, 0o755) }
        let run = try lint([folder])
        #expect(run.status == 2)
        #expect(run.stdout.contains("locked: error: cannot list the folder"), "\(run.stdout)")
        let validate = try LintFixtures.subsidy(["validate", folder])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("locked"))
        let classify = try LintFixtures.subsidy(["classify", folder] + Self.asOf)
        #expect(classify.status == 2)
    }

    @Test func danglingLinkInAFolderIsReportedInEveryFormat() throws {
        let folder = try folderWithDraft()
        try FileManager.default.createSymbolicLink(atPath: folder + "/gone", withDestinationPath: folder + "/no-such-folder")
        let text = try lint([folder])
        #expect(text.status == 2)
        #expect(text.stdout.contains("gone: error: cannot read: a symbolic link to a file or folder that does not exist [input.unreadable]"))
        #expect(text.stderr.contains("gone: error: cannot read: a symbolic link"))
        #expect(text.stdout.contains("; 1 input could not be read"))

        let report = try json(try lint([folder, "--format", "json"]).stdout)
        let errors = try #require(report["input_errors"] as? [[String: Any]])
        #expect(errors.map { ($0["file"] as? String ?? "").hasSuffix("/gone") } == [true])
        #expect((report["summary"] as? [String: Any])?["failed"] as? Bool == true)

        let sarif = try lint([folder, "--format", "sarif"])
        let invocation = try #require(
            ((try json(sarif.stdout)["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.contains { (($0["message"] as? [String: Any])?["text"] as? String ?? "").contains("gone") })

        let junit = try lint([folder, "--format", "junit"]).stdout
        #expect(junit.contains("<error type=\"input.unreadable\""))
        #expect(junit.contains("errors=\"1\""))
        let github = try lint([folder, "--format", "github"]).stdout
        #expect(github.contains("::error file=") && github.contains("gone"))
        #expect(try LintFixtures.subsidy(["validate", folder]).status == 2)
        #expect(try LintFixtures.subsidy(["classify", folder] + Self.asOf).status == 2)
    }

    @Test func aLinkedFolderIsFollowedOnceAndALoopEnds() throws {
        let folder = try LintFixtures.temporaryFolder()
        let real = folder + "/real"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: Self.notesOnly, toPath: real + "/a.yaml")
        let other = try LintFixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: LintFixtures.drafts + "/regional-loans.yaml", toPath: other + "/b.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/again", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: folder + "/elsewhere", withDestinationPath: other)
        try FileManager.default.createSymbolicLink(atPath: real + "/loop", withDestinationPath: folder)
        let run = try lint([folder, "--format", "json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let files = Set(try #require(try json(run.stdout)["findings"] as? [[String: Any]]).compactMap { $0["file"] as? String })
        #expect(files == [real + "/a.yaml", folder + "/elsewhere/b.yaml"])
    }

    @Test func markdownFrontMatterMayFollowBlankLinesAndComments() throws {
        let folder = try LintFixtures.temporaryFolder()
        let yaml = try String(contentsOfFile: Self.notesOnly, encoding: .utf8)
        try LintFixtures.write("\n<!-- drafted by the ministry -->\n\n---\n" + yaml + "---\n\n# Tax cut\n", to: "commented.md", in: folder)
        try LintFixtures.write("---\n" + yaml.replacingOccurrences(of: "KZ-DRAFT-2026-102", with: "KZ-OPEN") + "\n# never closed\n",
                               to: "open.md", in: folder)
        try LintFixtures.write("# Notes\n\nid: KZ-LOST\nmember_state: KZ\n", to: "lost.md", in: folder)
        try LintFixtures.write("# Drafts\n\nProse for the team.\n", to: "README.md", in: folder)
        let run = try lint([folder, "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let all = try findings(run.stdout)
        // The commented draft is read (its id line is line 5), the unterminated and lost ones are errors.
        #expect(all.contains("note eaeu.annex28.para95 commented.md:6"), "\(all)")
        #expect(all.contains("error measure.no-front-matter open.md:1"))
        #expect(all.contains("error measure.no-front-matter lost.md:1"))
        #expect(!all.contains { $0.contains("README.md") })
        #expect(run.stdout.contains("never closed"))
    }

    @Test func extensionsMatchInAnyCase() throws {
        let folder = try LintFixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: LintFixtures.drafts + "/export-grant.yaml", toPath: folder + "/EXPORT.YAML")
        let run = try lint([folder, "--format", "json"])
        #expect(run.status == 1)
        #expect(try findings(run.stdout).contains("error eaeu.annex28.prohibited.export EXPORT.YAML:20"))
    }

    @Test func duplicateIdsAreAnErrorAtTheSecondWithANoteAtTheFirst() throws {
        let folder = try folderWithDraft()
        try FileManager.default.copyItem(atPath: Self.notesOnly, toPath: folder + "/z-copy.yaml")
        let run = try lint([folder, "--format", "json"])
        #expect(run.status == 1)
        let list = try #require(try json(run.stdout)["findings"] as? [[String: Any]])
        let duplicate = try #require(list.first { $0["rule"] as? String == "measure.duplicate-id" })
        #expect((duplicate["file"] as? String)?.hasSuffix("z-copy.yaml") == true)
        #expect((duplicate["notes"] as? [[String: Any]])?.first?["file"] as? String == folder + "/tax-rate-cut.yaml")
        #expect(list.count { $0["rule"] as? String == "measure.duplicate-id" } == 1)
        // A file named and found in a named folder is read once: no duplicate.
        let again = try lint([folder + "/tax-rate-cut.yaml", folder, "--format", "json"])
        #expect(try findings(again.stdout).filter { $0.contains("duplicate-id") }.count == 1)
        #expect(try LintFixtures.subsidy(["validate", Self.notesOnly, LintFixtures.drafts]).status == 0)
        // Two documents of one file.
        let yaml = try String(contentsOfFile: Self.notesOnly, encoding: .utf8)
        let twice = try LintFixtures.write(yaml + "---\n" + yaml, to: "twice.yaml", in: try LintFixtures.temporaryFolder())
        let validate = try LintFixtures.subsidy(["validate", twice])
        #expect(validate.status == 2)
        #expect(validate.stderr.contains("measure.duplicate-id"))
        #expect(validate.stderr.contains("is first used here"))
    }

    // MARK: - Exit status and levels

    @Test func anInvalidDraftIsAnErrorFindingAndExits1() throws {
        let folder = try LintFixtures.temporaryFolder()
        let bad = try LintFixtures.write("id: X\ntitel: typo\n", to: "bad.yaml", in: folder)
        let run = try lint([bad, "--format", "json", "--fail-on", "error"])
        #expect(run.status == 1)
        #expect(try findings(run.stdout).contains("error measure.unknown-key bad.yaml:2"))
    }

    @Test func levelsCannotSilenceALoaderError() throws {
        let folder = try LintFixtures.temporaryFolder()
        let config = try LintFixtures.write("levels:\n  yaml.syntax: note\n  measure.unknown-key: off\n", to: "lint.yml", in: folder)
        let bad = try LintFixtures.write("id: [unclosed\n", to: "bad.yaml", in: folder)
        let run = try lint([bad, "--config", config, "--format", "json"])
        #expect(run.status == 1)
        #expect(try findings(run.stdout).contains("error yaml.syntax bad.yaml:2") || (try findings(run.stdout)).contains { $0.hasPrefix("error yaml.syntax") })
        #expect(run.stderr.contains("config.locked-level"))
    }

    // MARK: - Outputs

    @Test func outputsAreAllOrNothingAndSayWhy() throws {
        let folder = try LintFixtures.temporaryFolder()
        let first = folder + "/lint.sarif"
        try FileManager.default.createDirectory(atPath: folder + "/taken", withIntermediateDirectories: false)
        let run = try lint([Self.notesOnly, "--output", "sarif=\(first)", "--output", "json=\(folder)/taken"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write \(folder)/taken: is a folder, not a file"))
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        #expect(!FileManager.default.fileExists(atPath: first))
        let missing = try lint([Self.notesOnly, "--output", "json=\(folder)/no/such/lint.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such folder"))
        let both = try lint([Self.notesOnly, "--output", "sarif=\(first)", "--output", "json=\(folder)/lint.json"])
        #expect(both.status == 0)
        #expect(FileManager.default.fileExists(atPath: first) && FileManager.default.fileExists(atPath: folder + "/lint.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.contains("subsidy-") })
    }

    @Test func anOutputOverAnInputIsRefused() throws {
        let folder = try folderWithDraft()
        let measure = folder + "/tax-rate-cut.yaml"
        let before = try String(contentsOfFile: measure, encoding: .utf8)
        let run = try lint([folder, "--output", "sarif=\(measure)"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("it is an input"))
        #expect(try String(contentsOfFile: measure, encoding: .utf8) == before)
    }

    @Test func writingABaselineOverAnOldOneKeepsReasonsAndSaysWhatChanged() throws {
        let folder = try LintFixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: LintFixtures.drafts + "/export-grant.yaml", toPath: folder + "/export.yaml")
        let baseline = folder + "/baseline.yml"
        let first = try lint([folder, "--write-baseline", baseline], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2 added"))
        var text = try String(contentsOfFile: baseline, encoding: .utf8)
        text = text.replacingOccurrences(of: "reason: TODO", with: "reason: \"Notified; memo 14\"\n    expires: 2027-06-30")
        try LintFixtures.write(text, to: "baseline.yml", in: folder)
        try FileManager.default.copyItem(atPath: LintFixtures.drafts + "/local-content-draft.md", toPath: folder + "/local.md")
        let second = try lint([folder, "--write-baseline", baseline], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("2 added"), "\(second.stderr)")
        #expect(second.stderr.contains("2 kept"))
        #expect(second.stderr.contains("0 dropped"))
        let written = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(written.components(separatedBy: "Notified; memo 14").count == 3)
        #expect(written.components(separatedBy: "expires: 2027-06-30").count == 3)
        #expect(written.components(separatedBy: "reason: TODO").count == 3)
    }

    @Test func aBaselineMatchesFromAnyWorkingDirectory() throws {
        let folder = try LintFixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/drafts", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: LintFixtures.drafts + "/export-grant.yaml", toPath: folder + "/drafts/export.yaml")
        let baseline = folder + "/baseline.yml"
        #expect(try lint(["drafts", "--write-baseline", "baseline.yml"], in: folder).status == 0)
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.contains("file: \"drafts/export.yaml\""))
        try LintFixtures.write(text.replacingOccurrences(of: "reason: TODO", with: "reason: accepted"), to: "baseline.yml", in: folder)
        // From the folder above, from the drafts folder, and by absolute path: all suppressed.
        let parent = (folder as NSString).deletingLastPathComponent
        let name = (folder as NSString).lastPathComponent
        #expect(try lint([name + "/drafts", "--baseline", name + "/baseline.yml"], in: parent).status == 0)
        #expect(try lint([".", "--baseline", "../baseline.yml"], in: folder + "/drafts").status == 0)
        #expect(try lint([folder + "/drafts", "--baseline", baseline], in: "/").status == 0)
    }

    // MARK: - Which files are measures

    /// A drafting repository as the README's CI section sets it up, with other tools' files.
    func repository() throws -> String {
        let folder = try LintFixtures.temporaryFolder()
        for sub in ["drafts", ".github/workflows", "docs"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.notesOnly, toPath: folder + "/drafts/tax-rate-cut.yaml")
        try LintFixtures.write("site_name: Drafts\nnav: [index.md]\n", to: "mkdocs.yml", in: folder)
        try LintFixtures.write("# Drafts\n", to: "docs/index.md", in: folder)
        try LintFixtures.write("accepted: []\n", to: "subsidy-baseline.yml", in: folder)
        let readme = try String(contentsOfFile: LintFixtures.root + "/README.md", encoding: .utf8)
        for name in [".subsidy.yml", ".github/workflows/subsidy.yml", ".pre-commit-config.yaml"] {
            let block = try #require(Self.codeBlock(in: readme, startingWith: "# " + name), "README has no \(name) block")
            try LintFixtures.write(block, to: name, in: folder)
        }
        return folder
    }

    /// The ```yaml block of `text` whose first line starts with `firstLine`.
    static func codeBlock(in text: String, startingWith firstLine: String) -> String? {
        let parts = text.components(separatedBy: "```yaml\n")
        for part in parts.dropFirst() where part.hasPrefix(firstLine) {
            return part.components(separatedBy: "```").first
        }
        return nil
    }

    @Test func theREADMEsCISetupPassesOnItsFirstCommit() throws {
        let folder = try repository()
        let run = try lint(["."], in: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("4 findings in 1 file") || run.stdout.contains("in 1 file"), "\(run.stdout)")
        // What pre-commit passes by name on that commit: only the draft is linted.
        let named = try lint([".subsidy.yml", ".github/workflows/subsidy.yml", ".pre-commit-config.yaml", "mkdocs.yml",
                              "subsidy-baseline.yml", "drafts/tax-rate-cut.yaml"], in: folder)
        #expect(named.status == 0, "\(named.stdout)\(named.stderr)")
        #expect(named.stderr.contains("mkdocs.yml: note: not linted"))
        #expect(named.stdout.contains("in 1 file"))
    }

    @Test func validateSaysANamedToolFileIsNotRead() throws {
        let folder = try repository()
        let run = try LintFixtures.subsidy(["validate", "mkdocs.yml", ".subsidy.yml", "drafts/tax-rate-cut.yaml"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("mkdocs.yml: note: not read: another tool's file, not a measure [input.not-a-measure]"))
        #expect(run.stderr.contains(".subsidy.yml: note: not read: the lint configuration"))
        #expect(run.stdout.contains("1 measure(s) in 1 file(s): valid"))
    }

    @Test func includeNarrowsAFolderWalk() throws {
        let folder = try repository()
        try LintFixtures.write("id: X\ntitel: not a measure\n", to: "other.yaml", in: folder)
        #expect(try lint(["."], in: folder).status == 1)
        try LintFixtures.write("include: [\"drafts/**\"]\n", to: ".subsidy.yml", in: folder)
        let run = try lint(["."], in: folder)
        #expect(run.status == 0, "\(run.stdout)")
    }

    @Test(.enabled(if: LintFixtures.hasPython, "needs python3"))
    func thePreCommitHookPassesWhatAFolderWalkLints() throws {
        let folder = try repository()
        try LintFixtures.write("id: X\n", to: "UPPER.YML", in: folder)
        let hooks = try String(contentsOfFile: LintFixtures.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        func value(_ key: String) throws -> String {
            let line = try #require(hooks.split(separator: "\n").first { $0.hasPrefix("  \(key): ") })
            return String(line.dropFirst(key.count + 4))
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".git/") && $0 != ".git" }
        let check = try LintFixtures.run("/usr/bin/env", ["python3", "-c", """
            import re, sys
            f, e = re.compile(sys.argv[1]), re.compile(sys.argv[2])
            print("\\n".join(sorted(p for p in sys.argv[3:] if f.search(p) and not e.search(p))))
            """, try value("files"), try value("exclude")] + files)
        let passed = check.stdout.split(separator: "\n").map(String.init)
        #expect(passed == ["UPPER.YML", "docs/index.md", "drafts/tax-rate-cut.yaml", "subsidy-baseline.yml"], "\(check.stderr)")
        // subsidy itself skips the baseline (by content) and the prose Markdown; the rest it lints.
        let run = try lint(passed + ["--format", "json"], in: folder)
        let linted = Set(try #require(try json(run.stdout)["findings"] as? [[String: Any]]).compactMap { $0["file"] as? String })
        #expect(linted == ["UPPER.YML", "drafts/tax-rate-cut.yaml", "docs/index.md"] || linted.isSuperset(of: ["UPPER.YML", "drafts/tax-rate-cut.yaml"]))
        let walk = try lint([".", "--format", "json"], in: folder)
        let walked = Set(try #require(try json(walk.stdout)["findings"] as? [[String: Any]]).compactMap { $0["file"] as? String })
        #expect(walked == ["./UPPER.YML", "./drafts/tax-rate-cut.yaml"])
    }

    // MARK: - Options

    @Test func optionValuesSayWhatIsWrong() throws {
        let day = try lint([Self.notesOnly, "--as-of", "2024-02-30"])
        #expect(day.status == 2)
        #expect(day.stderr.contains("the day does not exist: February 2024 has 29 days"), "\(day.stderr)")
        let coverage = try LintFixtures.subsidy(["rules", "test", "--min-coverage", "101"])
        #expect(coverage.status == 2)
        #expect(coverage.stderr.contains("--min-coverage must be a share from 0 to 100"), "\(coverage.stderr)")
        let rules = try LintFixtures.subsidy(["rules", "check", "--rules", "/nonexistent"])
        #expect(rules.status == 2)
        #expect(rules.stderr.contains("--rules /nonexistent: no such folder"), "\(rules.stderr)")
    }

    @Test func todayIsTheLocalDate() throws {
        // UTC+14 and UTC-12 are 26 hours apart: their dates always differ.
        func start(_ zone: String) throws -> String {
            let run = try LintFixtures.run("/usr/bin/env", ["TZ=\(zone)", LintFixtures.binary, "deadlines", "--member", "KZ", "--format", "text"])
            return String(run.stdout.split(separator: "\n").first ?? "")
        }
        func today(_ zone: String) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            let c = calendar.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        let east = try start("Pacific/Kiritimati"), west = try start("Etc/GMT+12")
        #expect(east.contains("from \(today("Pacific/Kiritimati")) "), "\(east)")
        #expect(west.contains("from \(today("Etc/GMT+12")) "), "\(west)")
        #expect(try LintFixtures.subsidy(["lint", "--help"]).stdout.contains("local time zone (TZ)"))
    }

    @Test func deadlinesFromWithoutUntilIsAOneYearWindow() throws {
        let run = try LintFixtures.subsidy(["deadlines", "--member", "KZ", "--from", "2026-01-10"])
        #expect(run.stdout.hasPrefix("KZ: 7 notification(s) due from 2026-01-10 to 2027-01-09"), "\(run.stdout)")
    }

    @Test func notesCanBeLeftOutOfSARIFAndMarkdownHasTheVerdictTable() throws {
        let sarif = try lint([Self.notesOnly, "--format", "sarif", "--no-sarif-notes"])
        #expect(sarif.status == 0)
        #expect(!sarif.stdout.contains("\"level\": \"note\""))
        #expect(try lint([Self.notesOnly, "--format", "sarif"]).stdout.contains("\"level\": \"note\""))
        let markdown = try lint([LintFixtures.drafts, "--format", "markdown"])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.hasPrefix("## subsidy lint: ❌ failed (fail on error)"))
        #expect(markdown.stdout.contains("| Level | Place | Rule | Finding |"))
        #expect(markdown.stdout.contains("| error | Examples/drafts/export-grant.yaml:20 | `eaeu.annex28.prohibited.export` |"))
    }

    // MARK: - CI files

    @Test func theActionAndPackageAreSetUpForARealRepository() throws {
        let action = try String(contentsOfFile: LintFixtures.root + "/action.yml", encoding: .utf8)
        let upload = try #require(action.components(separatedBy: "- name: Upload SARIF").last)
        #expect(upload.contains("continue-on-error: true"))
        #expect(action.contains("uses: actions/cache@v4") && action.contains(".build"))
        #expect(action.contains("libyaml-dev pkg-config"))
        #expect(action.contains("GITHUB_STEP_SUMMARY") && action.contains("--output \"markdown="))
        #expect(action.contains("--no-sarif-notes"))
        #expect(action.contains("Linux runners"))
        let package = try String(contentsOfFile: LintFixtures.root + "/Package.swift", encoding: .utf8)
        let dependencies = package.split(separator: "\n").filter { $0.contains(".package(url:") }
        #expect(!dependencies.isEmpty && dependencies.allSatisfy { $0.contains("exact:") })
    }
}
