import Foundation
import TestSupport
import Testing

/// Value checks the vocabulary declares (issue 16): each a located error through `validate`.
@Suite("Value checks")
struct ValueChecksCLITests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        /// `file:line:column: error: message` expected on stderr.
        let error: String
        var testDescription: String { name }
    }

    static let head = "member_state: KZ\nforms: [grant]\n"

    static let cases: [Case] = [
        Case(name: "empty id", yaml: "id: \"\"\ntitle: T\n" + head, error: "m.yaml:1:5: error: 'id' is empty [measure.empty-value]"),
        Case(name: "blank title", yaml: "id: X\ntitle: \"  \"\n" + head, error: "m.yaml:2:8: error: 'title' is empty [measure.empty-value]"),
        Case(name: "control character in id", yaml: "id: \"A\\tB\"\ntitle: T\n" + head,
             error: "m.yaml:1:5: error: 'id' contains a control character (U+0009); it must be one line of printable text [measure.invalid-value]"),
        Case(name: "research share above 100", yaml: "id: X\ntitle: T\n" + head + "amount: {research_share: 150}\n",
             error: "m.yaml:5:26: error: 'amount.research_share' is 150; it must be from 0 to 100 [measure.invalid-value]"),
        Case(name: "negative amount", yaml: "id: X\ntitle: T\n" + head + "amount: {value: -5}\n",
             error: "m.yaml:5:17: error: 'amount.value' cannot be negative [measure.invalid-value]"),
        Case(name: "non-finite number", yaml: "id: X\ntitle: T\n" + head + "amount: {value: 1e400}\n",
             error: "m.yaml:5:17: error: expected a finite number, found '1e400' [measure.type-mismatch]"),
        Case(name: "currency not ISO 4217", yaml: "id: X\ntitle: T\n" + head + "amount: {currency: TENGE}\n",
             error: "m.yaml:5:20: error: 'TENGE' is not an ISO 4217 currency code (for 'amount.currency') [measure.invalid-value]"),
        Case(name: "currency in lower case", yaml: "id: X\ntitle: T\n" + head + "amount: {currency: kzt}\n",
             error: "m.yaml:5:20: error: 'kzt' is not an ISO 4217 currency code (for 'amount.currency'); did you mean 'KZT'? [measure.invalid-value]"),
        Case(name: "none with another limit", yaml: "id: X\ntitle: T\n" + head + "eligibility: {limited_to: [none, regions]}\n",
             error: "m.yaml:5:28: error: 'none' stands alone in 'eligibility.limited_to': it cannot be listed with regions [measure.inconsistent]"),
        Case(name: "all-industry with enterprises", yaml: "id: X\ntitle: T\n" + head + "eligibility: {limited_to: [all-industry, enterprises]}\n",
             error: "m.yaml:5:42: error: 'all-industry' combines only with regions in 'eligibility.limited_to', not with enterprises [measure.inconsistent]"),
    ]

    @Test(arguments: cases)
    func isALocatedError(_ check: Case) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m.yaml", check.yaml)
        let result = try Subsidy.run(["validate", "m.yaml"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains(check.error), "\(result.stderr)")
    }

    @Test func allIndustryWithRegionsAndAResearchShareOf100AreValid() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m.yaml", "id: X\ntitle: T\n" + Self.head
            + "eligibility: {limited_to: [all-industry, regions], regions: [Almaty]}\namount: {research_share: 100, currency: KZT}\n")
        let result = try Subsidy.run(["validate", "m.yaml"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func russianTriStateWordsAreAccepted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("m.yaml", "id: X\ntitle: Субсидия\n" + Self.head
            + "benefit: да\nexport_credit: {oecd_arrangement: неизвестно}\ngoods: {services_linked_to_goods: нет}\n")
        let valid = try Subsidy.run(["validate", "m.yaml"], in: dir.path)
        #expect(valid.status == 0, "\(valid.stderr)")
        // YAML 1.1 strictness elsewhere is unchanged: `on` is still refused.
        try dir.write("on.yaml", "id: X\ntitle: T\n" + Self.head + "benefit: on\n")
        let on = try Subsidy.run(["validate", "on.yaml"], in: dir.path)
        #expect(on.status == 2)
        #expect(on.stderr.contains("[yaml.yaml11-boolean]"))
    }
}
