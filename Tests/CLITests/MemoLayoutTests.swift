import Foundation
import TestSupport
import Testing

/// The memo starts with the answer in plain words, then gives the proof; lapsed provisions are
/// one line unless `--verbose`; exemption ends are the last covered day; no 9999 anywhere.
@Suite("classify: the memo's layout and its dates")
struct MemoLayoutTests {
    static let formats = ["text", "markdown", "json"]

    static func classify(_ arguments: [String]) throws -> String {
        let output = try SubsidyCLI.run(["classify"] + arguments)
        #expect(output.status == 0, "\(output.stderr)")
        return String(decoding: output.stdout, as: UTF8.self)
    }

    /// An export grant of an Annex VII Member (Uganda): exempt under SCM Art. 27.2(a), with no end date.
    static let annexVIIGrant = """
        id: UG-EXPORT-GRANT
        title: Grant for exporters of coffee-roasting machines
        member_state: UG
        granting_body:
          kind: government
          level: national
          name: Ministry of Trade
        period:
          from: 2027-01-01
        goods:
          hs: ["8419"]
          services_linked_to_goods: false
        forms: [grant]
        benefit: true
        eligibility:
          limited_to: [none]
        conditions:
          export_performance: in-law
          export_destinations: [any]
          domestic_goods: none
          production_location: none

        """

    @Test("an open-ended exemption: JSON until null, the memo says no end date, no 9999", arguments: formats)
    func openEndedExemption(_ format: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("ug.yaml", Self.annexVIIGrant)
        let output = try Self.classify([path, "--as-of", "2026-12-02", "--format", format])
        #expect(!output.contains("9999"), "\(output)")
        if format == "json" {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let wto = try #require(verdict(json, regime: "wto"))
            let exemption = try #require(wto["exemption"] as? [String: Any])
            #expect(exemption["rule"] as? String == "wto.scm.art27-2a.annex-vii")
            #expect(exemption["until"] is NSNull)
        } else {
            #expect(output.contains("no end date"))
        }
    }

    @Test("no 9999 in any output of the examples, in every format and at several dates", arguments: formats)
    func noFarDate(_ format: String) throws {
        for asOf in ["1994-06-01", "2013-01-01", "2016-06-01", "2019-06-01", "2026-11-29"] {
            let output = try Self.classify(["Examples/measures", "Examples/drafts", "--as-of", asOf, "--format", format])
            #expect(!output.contains("9999"), "\(format) as of \(asOf)")
        }
    }

    @Test("every example memo opens with its conclusion, in plain words, before the proof", arguments: ["text", "markdown"])
    func conclusionFirst(_ format: String) throws {
        let output = try Self.classify(["Examples/measures", "Examples/drafts", "--as-of", "2026-11-29", "--format", format])
        let memos = format == "markdown" ? output.components(separatedBy: "\n---\n") : Self.textMemos(output)
        #expect(memos.count == output.components(separatedBy: "File: ").count - 1)
        #expect(memos.count >= 20)
        for memo in memos {
            let lines = memo.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            // Title, file and date, then the conclusion.
            let heading = lines.firstIndex { $0.hasSuffix("CONCLUSION") || $0 == "## Conclusion" }
            #expect(heading == 2, "\(lines.prefix(4))")
            let proof = try #require(lines.firstIndex { $0.hasSuffix("PROOF") || $0 == "## Proof" }, "\(lines.prefix(3))")
            let conclusion = lines[3..<proof]
            let regimes = conclusion.filter { $0.contains("EAEU: ") || $0.contains("WTO: ") }
            #expect(regimes.count >= 2, "\(lines[0]): a line per regime")
            #expect(conclusion.contains { $0.contains("What to do:") }, "\(lines[0])")
            for line in conclusion {
                #expect(!line.contains("eaeu.") && !line.contains("wto.") && !line.contains("`"),
                        "\(lines[0]): rule ids and fact paths belong to the proof: \(line)")
            }
        }
    }

    /// The text memos one by one: each starts with its title, the line before "  File: …".
    static func textMemos(_ output: String) -> [String] {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var memos: [String] = []
        for (i, line) in lines.enumerated() {
            if i + 1 < lines.count, lines[i + 1].hasPrefix("  File: ") { memos.append(line) } else if !memos.isEmpty {
                memos[memos.count - 1] += "\n" + line
            }
        }
        return memos
    }

    @Test("lapsed provisions are one line; --verbose lists them")
    func lapsedSummary() throws {
        let path = "Examples/measures/kz-auto-components.yaml"
        let short = try Self.classify([path, "--as-of", "2026-11-29"])
        #expect(!short.contains("not-in-force"))
        let verbose = try Self.classify([path, "--as-of", "2026-11-29", "--verbose"])
        #expect(!verbose.contains("lapsed before the date"))
        #expect(verbose.contains("wto.scm.art28.existing-programmes: not-in-force"))
        // The one line counts exactly the provisions --verbose lists.
        let listed = verbose.components(separatedBy: ": not-in-force").count - 1
        #expect(listed > 0)
        #expect(short.contains("\(listed) provisions that lapsed before the date were not considered"))
    }

    @Test("an exemption's end is its last covered day in the memo, the exclusive until in the JSON")
    func lastCoveredDay() throws {
        let path = "Examples/measures/kz-auto-assembly.yaml"
        let memo = try Self.classify([path, "--as-of", "2019-06-01"])
        // EAEU item 4 ends with the WTO transition (proviso, review F08), both on 2020-01-01.
        #expect(memo.components(separatedBy: "covered through 2019-12-31").count - 1 >= 2)
        #expect(!memo.contains("until 2020-01-01 (exclusive)"))
        let json = try SubsidyCLI.classify("kz-auto-assembly.yaml", asOf: "2019-06-01")
        let eaeu = try #require(verdict(json, regime: "eaeu")?["exemption"] as? [String: Any])
        #expect(eaeu["until"] as? String == "2020-01-01")
    }

    @Test("an exempt measure is told to come into line by the exemption's end, not to claim what it claims")
    func exemptConclusionSaysWhenToComply() throws {
        let memo = try Self.classify(["Examples/measures/kz-auto-assembly.yaml", "--as-of", "2019-06-01"])
        #expect(memo.contains("bring the measure into line by 2020-01-01; until then the exemption"), "\(memo)")
        #expect(!memo.contains("claim the exemption"))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let open = try Self.classify([try folder.write("ug.yaml", Self.annexVIIGrant), "--as-of", "2027-06-01"])
        #expect(open.contains("nothing to change while the exemption"), "\(open)")
    }

    @Test("outcomes: answers with the same verdict together; a question no answer settles alone says so")
    func outcomesAreGrouped() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // An export grant with its goods, granting body and period unknown: the EAEU verdict turns on them.
        let path = try folder.write("x.yaml", """
            id: X-OUTCOMES
            title: Export grant, little known
            member_state: KZ
            forms: [grant]
            benefit: true
            conditions:
              export_performance: in-law
              export_destinations: [EAEU]

            """)
        let memo = try Self.classify([path, "--as-of", "2026-12-02"])
        // The agricultural chapters both take the measure out of Annex 28: one clause, not two.
        #expect(memo.contains("If 01 or 0203: out-of-scope; if 8701 or 99: still undetermined."), "\(memo)")
        #expect(memo.contains("No answer to this alone settles the verdict; it counts together with the other answers."))
        #expect(!memo.contains(": undetermined; if"))
        let russian = try Self.classify([path, "--as-of", "2026-12-02", "--lang", "ru"])
        #expect(russian.contains("При ответе «01» или «0203»:"), "\(russian)")
        #expect(russian.contains("Ни один ответ на этот вопрос сам по себе не определяет квалификацию"))
        // The JSON keeps one outcome per answer.
        let json = try Self.classify([path, "--as-of", "2026-12-02", "--format", "json"])
        #expect(json.contains(#""answer": "0203""#))
    }

    @Test("a regime that does not apply says other rules are not assessed, not 'nothing to change'")
    func notApplicableDoesNotSayNothingToChange() throws {
        let memo = try Self.classify(["Examples/measures/kz-auto-assembly.yaml", "--as-of", "2013-06-01"])
        #expect(memo.contains("EAEU: these rules do not apply. Why: Before the EAEU, the CES Agreement"), "\(memo)")
        #expect(memo.contains("these rules do not bind the measure on this date; the rules that do (see why) are not assessed here."))
        #expect(!memo.contains("nothing to change under these rules"))
        let russian = try Self.classify(["Examples/measures/kz-auto-assembly.yaml", "--as-of", "2013-06-01", "--lang", "ru"])
        #expect(russian.contains("применимые к ней правила (см. основание) здесь не оцениваются"), "\(russian)")
    }
}
