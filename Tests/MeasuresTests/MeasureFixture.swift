import Diagnostics
import Measures

/// The built-in vocabulary, claiming the exemptions of contract v1.1's table (the rule corpus
/// declares them; these tests decode without compiling it).
let testVocabulary = MeasureVocabulary.builtIn.claiming([
    "eaeu.annex28.appendix.KZ.business-road-map-interest", "eaeu.annex28.appendix.KZ.free-warehouse-exemption",
    "eaeu.annex28.appendix.KZ.sez-exemption", "eaeu.annex28.appendix.KZ.auto-assembly",
    "eaeu.annex28.appendix.KZ.subsoil-local-content", "eaeu.annex28.appendix.KZ.samruk-procurement",
    "eaeu.annex28.appendix.RU.auto-assembly", "wto.accession.KZ.subsoil-local-content",
    "wto.accession.KZ.auto-assembly", "wto.accession.RU.auto-investment", "wto.scm.art27-4-extension",
])

/// A measure file written from (fact path, value text) leaves in contract order, so that a test can
/// replace or drop one field and know the line and column of every value it wrote.
struct MeasureFixture {
    var leaves: [(path: String, value: String)]

    /// A measure that sets every field of the contract.
    static let full = MeasureFixture(leaves: [
        ("id", "KZ-MIID-2026-014"),
        ("title", "Interest-rate subsidy for auto-component makers"),
        ("member_state", "KZ"),
        ("granting_body.kind", "state-owned-enterprise"),
        ("granting_body.governmental_authority", "unknown"),
        ("granting_body.entrusted_or_directed", "true"),
        ("granting_body.level", "national"),
        ("granting_body.name", "Ministry of Industry and Construction"),
        ("legal_basis", "Draft Government Resolution \"On support of component production\""),
        ("period.from", "2026-07-01"),
        ("period.until", "2030-12-31"),
        ("period.contracts_concluded", "2010-05-01"),
        ("period.initial_term_end", "2025-05-01"),
        ("supports", "[goods]"),
        ("goods.hs", "[\"8708\", 08, 870810]"),
        ("goods.services_linked_to_goods", "false"),
        ("forms", "[interest-subsidy, export-tax-remission]"),
        ("benefit", "yes"),
        ("export_tax_remission.exceeds_amounts_accrued", "no"),
        ("eligibility.limited_to", "[industries, regions]"),
        ("eligibility.enterprises", "[]"),
        ("eligibility.enterprises_named", "false"),
        ("eligibility.industries", "[\"motor vehicle components\"]"),
        ("eligibility.regions", "[Almaty]"),
        ("eligibility.regions_part_of_jurisdiction", "true"),
        ("eligibility.generally_applicable_tax_rate", "false"),
        ("eligibility.objective_criteria.neutral", "true"),
        ("eligibility.objective_criteria.automatic", "unknown"),
        ("eligibility.objective_criteria.strictly_adhered", "TRUE"),
        ("eligibility.objective_criteria.in_official_document", "No"),
        ("eligibility.in_practice.limited_number_of_users", "unknown"),
        ("eligibility.in_practice.predominant_users", "false"),
        ("eligibility.in_practice.disproportionate_amounts", "true"),
        ("eligibility.in_practice.discretionary_granting", "Yes"),
        ("conditions.export_performance", "none"),
        ("conditions.export_destinations", "[RU, any]"),
        ("conditions.domestic_goods", "in-law"),
        ("conditions.domestic_goods_scope", "eaeu"),
        ("conditions.eaeu_content_met_by_imports", "true"),
        ("conditions.production_location", "unknown"),
        ("purposes", "[research, training]"),
        ("export_credit.oecd_arrangement", "unknown"),
        ("amount.value", "12000000000"),
        ("amount.currency", "KZT"),
        ("amount.per_recipient_usd", "unknown"),
        ("amount.research_share", "37.5"),
        ("amount.eligible_research_costs_only", "unknown"),
        ("agriculture.scheduled_export_subsidy", "false"),
        ("sdt.art27_4_compliant", "unknown"),
        ("sdt.art29_notified", "no"),
        ("transitional_measures", "[eaeu.annex28.appendix.KZ.auto-assembly, wto.scm.art27-4-extension]"),
        ("law.eaeu_oecd_export_credit_exception", "false"),
    ])

    /// This fixture with `path`'s value replaced.
    func setting(_ path: String, to value: String) -> MeasureFixture {
        var copy = self
        if let i = copy.leaves.firstIndex(where: { $0.path == path }) {
            copy.leaves[i].value = value
        } else {
            copy.leaves.append((path, value))
        }
        return copy
    }

    /// This fixture with `path`'s last key spelled `key` (the value stays).
    func renaming(_ path: String, to key: String) -> MeasureFixture {
        var copy = self
        if let i = copy.leaves.firstIndex(where: { $0.path == path }) {
            let parts = path.split(separator: ".").dropLast().map(String.init)
            copy.leaves[i].path = (parts + [key]).joined(separator: ".")
        }
        return copy
    }

    /// This fixture without `path`.
    func removing(_ path: String) -> MeasureFixture {
        var copy = self
        copy.leaves.removeAll { $0.path == path }
        return copy
    }

    /// The YAML text, and where each leaf's value starts (1-based line and column).
    func render(lineOffset: Int = 0) -> (text: String, values: [String: SourceLocation]) {
        var lines: [String] = []
        var values: [String: SourceLocation] = [:]
        var open: [String] = []
        for (path, value) in leaves {
            let parts = path.split(separator: ".").map(String.init)
            let groups = Array(parts.dropLast())
            var shared = 0
            while shared < min(open.count, groups.count), open[shared] == groups[shared] { shared += 1 }
            open = Array(open.prefix(shared))
            for depth in shared..<groups.count {
                lines.append(String(repeating: "  ", count: depth) + groups[depth] + ":")
                open.append(groups[depth])
            }
            let indent = 2 * groups.count
            let key = parts[parts.count - 1]
            lines.append(String(repeating: " ", count: indent) + key + ": " + value)
            values[path] = SourceLocation(line: lines.count + lineOffset, column: indent + key.count + 3)
        }
        return (lines.joined(separator: "\n") + "\n", values)
    }
}
