import Diagnostics
import Driver
import Foundation
import Measures
import Reporting
import Testing

/// The library layer: files in, findings out.
@Suite struct LintRunnerTests {
    static let graph = RuleCorpusLoader.load(directory: nil).graph!
    static let asOf = CalendarDate("2026-11-29")!

    func lint(_ paths: [String], _ options: LintOptions = LintOptions(asOf: asOf)) -> LintResult {
        LintRunner(graph: Self.graph, options: options).run(paths)
    }

    func findings(_ result: LintResult, file: String) -> [Finding] {
        result.findings.filter { $0.file?.hasSuffix(file) ?? false }
    }

    @Test func exportGrantIsAProhibitedErrorUnderBothRegimesAtTheExportCondition() throws {
        let result = lint([LintFixtures.drafts])
        let errors = findings(result, file: "export-grant.yaml").filter { $0.level == .error }
        #expect(errors.map(\.ruleID) == ["eaeu.annex28.prohibited.export", "wto.scm.art3-1a.export-contingent"])
        #expect(errors.allSatisfy { $0.range?.start == SourceLocation(line: 20, column: 23) })
        let eaeu = try #require(errors.first), wto = try #require(errors.last)
        #expect(eaeu.headline.hasPrefix("Prohibited under the EAEU: contingent on export performance ("))
        #expect(eaeu.fingerprintKey == "KZ-DRAFT-2026-101#eaeu#eaeu.annex28.prohibited.export")
        #expect(wto.headline.hasPrefix("Prohibited under the WTO: contingent on export performance (SCM Agreement, Art 3.1(a)"))
        #expect(wto.fingerprintKey == "KZ-DRAFT-2026-101#wto#wto.scm.art3-1a.export-contingent")
        let notes = findings(result, file: "export-grant.yaml").filter { $0.level == .note }.map(\.ruleID)
        #expect(notes == ["eaeu.annex28.para95", "eaeu.annex28.para97", "wto.scm.art25-2.full-notification"])
    }

    @Test func markdownDraftKeepsItsLineNumbers() throws {
        let result = lint([LintFixtures.drafts + "/local-content-draft.md"])
        let errors = result.findings.filter { $0.level == .error }
        #expect(errors.map(\.ruleID) == ["eaeu.annex28.prohibited.domestic-goods", "wto.scm.art3-1b.domestic-goods"])
        #expect(errors.allSatisfy { $0.range?.start == SourceLocation(line: 23, column: 19) })
        #expect(errors.allSatisfy { $0.message.contains("domestic over imported goods") })
    }

    @Test func undeterminedDraftIsAWarningPerRegimeListingQuestions() throws {
        let result = lint([LintFixtures.drafts + "/regional-loans.yaml"])
        let warnings = result.findings.filter { $0.level == .warning }
        #expect(warnings.map(\.ruleID) == ["eaeu.treaty.art93-3.subsidy", "wto.scm.art1.no-benefit"])
        #expect(warnings.map { $0.range?.start.line } == [2, 15])
        #expect(warnings.allSatisfy { $0.message.contains("`granting_body.governmental_authority`") })
        #expect(warnings.last?.headline.hasPrefix("Undetermined under the WTO") == true)
        #expect(result.findings.count == 2, "undetermined: no notification duty")
    }

    @Test func generalTaxRateCutHasOnlyNotificationNotes() {
        let result = lint([LintFixtures.drafts + "/tax-rate-cut.yaml"])
        #expect(result.findings.map(\.level) == [.note, .note])
        #expect(Set(result.findings.map(\.ruleID)) == ["eaeu.annex28.para95", "eaeu.annex28.para97"])
        #expect(result.findings.allSatisfy { $0.message.contains("next due 20") })
        // Measure-level findings cover the document's first line (`id: KZ-DRAFT-2026-102`).
        #expect(result.findings.allSatisfy {
            $0.range?.start == SourceLocation(line: 2, column: 1) && $0.range?.end == SourceLocation(line: 2, column: 22)
        })
    }

    @Test func everyDraftIsCheckedAndRulesAreDescribed() throws {
        let result = lint([LintFixtures.drafts])
        #expect(result.checkedFiles.count == 4)
        #expect(result.inputErrors.isEmpty)
        let rule = try #require(result.rules.first { $0.id == "eaeu.annex28.prohibited.export" })
        #expect(rule.helpText.contains("Citation: Treaty on the EAEU"))
        #expect(rule.helpText.contains("How to comply: Remove the condition"))
        #expect(Set(result.rules.map(\.id)) == Set(result.findings.map(\.ruleID)))
    }

    @Test func invalidFileGivesErrorFindingsFromItsDiagnostics() throws {
        let folder = try LintFixtures.temporaryFolder()
        try LintFixtures.write("id: X\ntitel: typo\n", to: "bad.yaml", in: folder)
        let result = lint([folder])
        #expect(result.inputErrors.isEmpty)
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.level == .error && $0.ruleID.hasPrefix("measure.") })
        #expect(result.findings.contains { $0.ruleID == "measure.unknown-key" && $0.range?.start.line == 2 })
    }

    @Test func missingPathIsAnInputError() {
        let result = lint(["/nonexistent/measure.yaml"])
        #expect(result.findings.isEmpty)
        #expect(result.inputErrors.map(\.id) == ["input.unreadable"])
    }

    @Test func levelsChangeOrSilenceRules() {
        var options = LintOptions(asOf: Self.asOf)
        options.levels = ["eaeu.annex28.prohibited.export": .warning, "eaeu.annex28.para95": .off]
        let result = lint([LintFixtures.drafts + "/export-grant.yaml"], options)
        #expect(result.findings.first { $0.ruleID == "eaeu.annex28.prohibited.export" }?.level == .warning)
        #expect(!result.findings.contains { $0.ruleID == "eaeu.annex28.para95" })
        #expect(result.findings.contains { $0.ruleID == "eaeu.annex28.para97" })
    }

    @Test func regimesFilterDropsOtherRegimes() {
        let wto = lint([LintFixtures.drafts], LintOptions(asOf: Self.asOf, regimes: [.wto]))
        #expect(wto.findings.map { "\($0.level.rawValue) \($0.ruleID)" } == [
            "note wto.scm.art25-2.full-notification", "error wto.scm.art3-1a.export-contingent",
            "note wto.scm.art25-2.full-notification", "error wto.scm.art3-1b.domestic-goods",
            "warning wto.scm.art1.no-benefit",
        ])
        #expect(wto.checkedFiles.count == 4)
        let eaeu = lint([LintFixtures.drafts], LintOptions(asOf: Self.asOf, regimes: [.eaeu]))
        #expect(eaeu.findings.count == 9)  // 2 errors, 1 warning, 6 notes
        #expect(eaeu.findings.allSatisfy { $0.ruleID.hasPrefix("eaeu.") })
    }

    @Test func ignoreSkipsPrefixesAndGlobs() {
        let byGlob = lint([LintFixtures.drafts], LintOptions(asOf: Self.asOf, ignore: ["*.md"]))
        #expect(byGlob.checkedFiles.count == 3)
        #expect(LintIgnore.matches("./Examples/drafts/a.yaml", patterns: ["Examples/drafts"]))
        #expect(LintIgnore.matches("Examples/drafts/a.yaml", patterns: ["Examples/*/a.yaml"]))
        #expect(!LintIgnore.matches("Examples/drafts-old/a.yaml", patterns: ["Examples/drafts"]))
    }

    @Test func exemptionEndingWithinAYearIsAWarning() throws {
        let folder = try LintFixtures.temporaryFolder()
        let measure = try LintFixtures.write(Self.autoAssembly, to: "assembly.yaml", in: folder)
        // Item 4 ends with the WTO transition, 2020-01-01 (the Appendix proviso, legal-review-2.md F08).
        let result = lint([measure], LintOptions(asOf: CalendarDate("2019-06-01")!))
        let ending = try #require(result.findings.first { $0.ruleID == "eaeu.annex28.appendix.KZ.auto-assembly" })
        #expect(ending.level == .warning)
        #expect(ending.headline.contains("until 2020-01-01 (214 days after 2019-06-01)"))
        // The EAEU exemption suspends only the EAEU verdict: the WTO has no such transitional rule.
        #expect(result.findings.filter { $0.level == .error }.map(\.ruleID) == ["wto.scm.art3-1b.domestic-goods"])
        #expect(!result.findings.contains { $0.level == .error && $0.ruleID.hasPrefix("eaeu.") })
        let earlier = lint([measure], LintOptions(asOf: CalendarDate("2018-06-01")!))
        #expect(!earlier.findings.contains { $0.ruleID == "eaeu.annex28.appendix.KZ.auto-assembly" })
    }

    /// A Kazakh assembly measure claiming a listed transitional exemption.
    static let autoAssembly = """
        id: KZ-TEST-ASSEMBLY
        title: Assembly support
        member_state: KZ
        granting_body: {kind: government, level: national, name: Ministry}
        legal_basis: Test
        period: {from: 2019-01-01, until: 2025-12-31}
        goods: {hs: ["8703"], services_linked_to_goods: false}
        forms: [grant]
        benefit: true
        eligibility: {limited_to: [industries], industries: [auto assembly]}
        conditions: {export_performance: none, domestic_goods: in-law, domestic_goods_scope: national, production_location: in-law}
        transitional_measures: [eaeu.annex28.appendix.KZ.auto-assembly]
        """
}

/// Odd inputs: never a crash, and prose Markdown in a folder is not a draft.
@Suite struct LintRunnerInputTests {
    func lint(_ paths: [String]) -> LintResult {
        LintRunner(graph: LintRunnerTests.graph, options: LintOptions(asOf: LintRunnerTests.asOf)).run(paths)
    }

    /// Prose is not a draft, in a folder or named (pre-commit names every staged Markdown file);
    /// a named one is listed as not linted, and `validate` still refuses it.
    @Test func markdownProseIsSkippedInAFolderAndListedWhenNamed() throws {
        let folder = try LintFixtures.temporaryFolder()
        let readme = try LintFixtures.write("# Drafts\n\nNotes for the team.\n", to: "README.md", in: folder)
        let inFolder = lint([folder])
        #expect(inFolder.findings.isEmpty)
        #expect(inFolder.checkedFiles.isEmpty)
        let named = lint([readme])
        #expect(named.findings.isEmpty)
        #expect(named.toolFiles.map(\.path) == [readme])
        #expect(MeasureReader(vocabulary: LintRunnerTests.graph.vocabulary).read([readme]).diagnostics.map(\.id) == ["measure.no-front-matter"])
    }

    @Test func garbageEmptyAndBinaryFilesGiveFindingsNotCrashes() throws {
        let folder = try LintFixtures.temporaryFolder()
        try LintFixtures.write("", to: "empty.yaml", in: folder)
        try LintFixtures.write("{ [ : : \u{0}\u{1}", to: "garbage.yml", in: folder)
        try LintFixtures.write("- just\n- a list\n", to: "list.yaml", in: folder)
        let result = lint([folder])
        #expect(result.inputErrors.isEmpty)
        #expect(result.checkedFiles.count == 3)
        #expect(Set(result.findings.compactMap(\.file).map { ($0 as NSString).lastPathComponent })
            .isSuperset(of: ["garbage.yml", "list.yaml"]))
        #expect(result.findings.allSatisfy { $0.level == .error })
    }
}

/// `--jobs`: files are linted concurrently, the result does not depend on how many at once.
@Suite struct LintParallelTests {
    /// A folder of many measures (copies of the examples and drafts, plus invalid and prose files).
    static func corpus() throws -> String {
        let folder = try LintFixtures.temporaryFolder()
        let sources = [LintFixtures.root + "/Examples/measures", LintFixtures.drafts]
        var n = 0
        for round in 0..<4 {
            for source in sources {
                for name in try FileManager.default.contentsOfDirectory(atPath: source).sorted() {
                    let text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
                    try FileManager.default.createDirectory(atPath: folder + "/\(round)", withIntermediateDirectories: true)
                    try LintFixtures.write(text, to: "\(round)/\(n)-\(name)", in: folder)
                    n += 1
                }
            }
            try LintFixtures.write("id: X\(round)\ntitel: typo\n", to: "\(round)/bad.yaml", in: folder)
        }
        return folder
    }

    @Test func sameFindingsInTheSameOrderAtAnyJobCount() throws {
        let folder = try Self.corpus()
        let options = LintOptions(asOf: LintRunnerTests.asOf)
        let one = LintRunner(graph: LintRunnerTests.graph, options: options, jobs: 1).run([folder])
        #expect(one.findings.count > 100)
        for jobs in [2, 4, 16] {
            let many = LintRunner(graph: LintRunnerTests.graph, options: options, jobs: jobs).run([folder])
            #expect(many.findings == one.findings, "jobs \(jobs)")
            #expect(many.checkedFiles == one.checkedFiles)
            #expect(many.rules.map(\.id) == one.rules.map(\.id))
        }
    }

    @Test func cliOutputIsByteForByteTheSameWithOneOrFourJobs() throws {
        let folder = try Self.corpus()
        for format in ["text", "json", "sarif", "junit", "github"] {
            let args = ["lint", folder, "--as-of", "2026-11-29", "--format", format]
            let one = try LintFixtures.subsidy(args + ["--jobs", "1"])
            let four = try LintFixtures.subsidy(args + ["--jobs", "4"])
            #expect(one.status == 1)  // the corpus holds an invalid file: an error finding, exit 1 (contract v1.1)
            #expect(four.status == one.status)
            #expect(four.stdout == one.stdout, "\(format)")
            #expect(!one.stdout.isEmpty)
        }
        #expect(try LintFixtures.subsidy(["lint", folder, "--jobs", "0"]).status == 2)
    }

    @Test func keptSourceTextsHoldOnlyTheFlaggedLines() throws {
        let result = LintRunner(graph: LintRunnerTests.graph, options: LintOptions(asOf: LintRunnerTests.asOf))
            .run([LintFixtures.drafts + "/export-grant.yaml"])
        let source = try #require(result.sources.values.first)
        #expect(source.line(2) == "id: KZ-DRAFT-2026-101")
        #expect(source.line(20)?.contains("export_performance") == true)
        #expect(source.line(5) == "")
        #expect(source.line(21) == nil)
        // A clean file keeps no text.
        let folder = try LintFixtures.temporaryFolder()
        try LintFixtures.write("# Notes\n", to: "README.md", in: folder)
        #expect(LintRunner(graph: LintRunnerTests.graph, options: LintOptions(asOf: LintRunnerTests.asOf)).run([folder]).sources.isEmpty)
    }
}
