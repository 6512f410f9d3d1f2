// Runs the built `subsidy classify` on the real-case probes in Examples/cases at the date of each
// measure and checks the verdict of the adopted finding (or the texts' reading) recorded in
// Examples/cases/CASES.md. Keep the table in step with that file.
import Foundation
import Testing

struct CaseRow: Sendable, CustomTestStringConvertible {
    let file: String
    let asOf: String
    let regime: String
    let category: String
    /// The exemption rule id expected on the date, or nil for none.
    let exemption: String?

    init(_ file: String, _ asOf: String, _ regime: String, _ category: String, _ exemption: String? = nil) {
        self.file = file
        self.asOf = asOf
        self.regime = regime
        self.category = category
        self.exemption = exemption
    }

    var testDescription: String { "\(file) @\(asOf) [\(regime)] → \(category)\(exemption.map { " (\($0))" } ?? "")" }
}

enum CaseTable {
    static let rows: [CaseRow] = [
        // WTO: adopted panel and Appellate Body findings.
        .init("wto-us-upland-cotton-step2-export.yaml", "2004-06-01", "wto", "prohibited"),
        .init("wto-us-upland-cotton-step2-domestic.yaml", "2004-06-01", "wto", "prohibited"),
        .init("wto-us-gsm102-guarantees.yaml", "2004-06-01", "wto", "prohibited"),
        .init("wto-ca-aircraft-canada-account.yaml", "1999-06-01", "wto", "prohibited"),
        .init("wto-ca-aircraft-tpc.yaml", "1999-06-01", "wto", "prohibited"),
        .init("wto-br-proex.yaml", "1999-06-01", "wto", "prohibited"),
        .init("wto-us-fsc.yaml", "1999-06-01", "wto", "prohibited"),
        .init("wto-ca-autos-duty-exemption.yaml", "1999-06-01", "wto", "prohibited"),
        .init("wto-au-automotive-leather.yaml", "1998-06-01", "wto", "prohibited"),
        .init("wto-kr-kexim-aprg.yaml", "2003-06-01", "wto", "prohibited"),
        .init("wto-eu-airbus-launch-aid.yaml", "2005-06-01", "wto", "actionable"),
        .init("wto-us-washington-bo-tax.yaml", "2006-06-01", "wto", "actionable"),
        .init("wto-us-nasa-rd.yaml", "2006-06-01", "wto", "actionable"),
        .init("wto-ca-ontario-fit.yaml", "2011-06-01", "wto", "undetermined"),
        .init("wto-id-national-car.yaml", "1997-06-01", "wto", "prohibited", "wto.scm.art27-3.developing"),
        .init("wto-ca-dairy-special-classes.yaml", "2000-06-01", "wto", "prohibited"),
        .init("wto-br-inovar-auto.yaml", "2017-06-01", "wto", "prohibited"),
        .init("wto-in-sez-scheme.yaml", "2018-06-01", "wto", "prohibited"),
        .init("wto-ca-bc-stumpage.yaml", "2003-06-01", "wto", "actionable"),
        .init("wto-in-duty-drawback.yaml", "2018-06-01", "wto", "not-a-subsidy"),
        .init("wto-cn-demonstration-bases.yaml", "2015-06-01", "wto", "prohibited"),
        // China's Accession Protocol para 10.3: no Art 27.2(b) phase-out, even with Art 27.4 met.
        .init("wto-cn-fie-export-tax-reduction.yaml", "2002-06-01", "wto", "prohibited"),
        // EAEU, Kazakh and Russian measures.
        .init("eaeu-kz-industrial-grant-2013.yaml", "2013-06-01", "eaeu", "not-applicable"),
        .init("eaeu-kz-industrial-grant-2013.yaml", "2013-06-01", "wto", "not-applicable"),
        .init("eaeu-ru-frp-development-loans.yaml", "2021-06-01", "eaeu", "actionable"),
        .init("eaeu-ru-frp-development-loans.yaml", "2021-06-01", "wto", "actionable"),
        .init("eaeu-ru-industrial-mortgage.yaml", "2024-06-01", "eaeu", "non-specific"),
        .init("eaeu-ru-industrial-mortgage.yaml", "2024-06-01", "wto", "actionable"),
        .init("eaeu-ru-rec-export-transport.yaml", "2018-06-01", "eaeu", "prohibited"),
        .init("eaeu-ru-rec-export-transport.yaml", "2018-06-01", "wto", "prohibited"),
        .init("eaeu-kz-grain-export-freight.yaml", "2016-06-01", "eaeu", "out-of-scope"),
        .init("eaeu-kz-grain-export-freight.yaml", "2016-06-01", "wto", "prohibited"),
        .init("eaeu-kz-sez-2019.yaml", "2019-06-01", "eaeu", "actionable"),
        .init("eaeu-kz-sez-2019.yaml", "2019-06-01", "wto", "actionable"),
    ]
}

@Suite("classify: real cases in Examples/cases (CASES.md)")
struct ClassifyCasesTests {
    static func classify(_ file: String, asOf: String) throws -> [String: Any] {
        let path = "Examples/cases/\(file)"
        let output = try SubsidyCLI.run(["classify", "--format", "json", "--as-of", asOf, path])
        guard output.status == 0 else {
            throw CLIError(description: "subsidy classify \(path) --as-of \(asOf) exited \(output.status): \(output.stderr)")
        }
        let json = try JSONSerialization.jsonObject(with: output.stdout)
        guard let object = json as? [String: Any] else {
            throw CLIError(description: "classify \(path): expected one JSON object, got \(type(of: json))")
        }
        return object
    }

    @Test("verdict per real case", arguments: CaseTable.rows)
    func caseVerdict(_ row: CaseRow) throws {
        let result = try Self.classify(row.file, asOf: row.asOf)
        let v = try #require(verdict(result, regime: row.regime), "no \(row.regime) verdict for \(row.file)")
        #expect(v["category"] as? String == row.category,
                "\(row.file) @\(row.asOf) [\(row.regime)]: category \(v["category"] ?? "nil"), expected \(row.category)")
        #expect(exemptionRule(v) == row.exemption,
                "\(row.file) @\(row.asOf) [\(row.regime)]: exemption \(exemptionRule(v) ?? "none"), expected \(row.exemption ?? "none")")
    }

    @Test("every case file is in the table")
    func everyFileListed() throws {
        let dir = SubsidyCLI.packageRoot.appendingPathComponent("Examples/cases").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }
        let listed = Set(CaseTable.rows.map(\.file))
        for file in files {
            #expect(listed.contains(file), "\(file) has no row in the case table")
        }
        for file in listed {
            #expect(files.contains(file), "table row for missing file \(file)")
        }
    }
}
