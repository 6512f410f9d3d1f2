import Driver
import Foundation
import RuleCompiler
import Testing

/// A self-contained rule set with the notification calendars of EAEU Annex 28 ¶95 and ¶97 and of
/// SCM Art. 25 (one calendar per round of the three-year cycle to 2003, as the corpus writes them,
/// the biennial cycle since, Art. 25.11 semi-annual reports), and member tables. The corpus in Rules/ is written elsewhere; these tests do not use it.
enum TestRules {
    static let yaml = """
    tables:
      - id: eaeu.members
        title: EAEU Member States
        citation: {instrument: Treaty on the EAEU, provision: Art. 1, verified: true}
        key: code
        rows:
          - {code: BY, name: Belarus, joined: 2015-01-01}
          - {code: KZ, name: Kazakhstan, joined: 2015-01-01}
          - {code: KG, name: Kyrgyz Republic, joined: 2015-08-12}
          - {code: XJ, name: Test state joining in December, joined: 2015-12-15}
      - id: wto.members
        title: WTO Members
        citation: {instrument: Marrakesh Agreement, provision: Art. XII, verified: true}
        key: code
        rows:
          - {code: KZ, name: Kazakhstan, joined: 2015-11-30}
          - {code: RU, name: Russian Federation, joined: 2012-08-22}
          - {code: XL, name: Test state that left, joined: 1995-01-01, left: 2020-03-01}
    calendars:
      - id: eaeu.annex28.para95.calendar
        regime: eaeu
        kind: annual-planned
        title: Subsidies planned for the next year
        citation: {instrument: Treaty on the EAEU, provision: Annex 28 ¶95, verified: false}
        in_force: {from: 2015-01-01}
        period: year
        covers: next
        due: {month: 12, day: 1}
      - id: eaeu.annex28.para97.calendar
        regime: eaeu
        kind: quarterly-granted
        title: Субсидии, предоставленные в отчётном квартале (subsidies granted in the quarter)
        citation: {instrument: Treaty on the EAEU, provision: Annex 28 ¶97, verified: false}
        in_force: {from: 2018-04-17}
        period: quarter
        covers: previous
        due: {months_after_period_end: 1, day: 30}
      - id: wto.scm.art25.full-1995.calendar
        regime: wto
        kind: full
        title: The 1995 round of full notifications
        citation: {instrument: SCM Agreement, provision: Art. 25.1 (Committee practice to 2003), verified: false}
        in_force: {from: 1995-01-01, until: 1995-07-01}
        period: year
        covers: previous
        due: {month: 6, day: 30}
      - id: wto.scm.art25.full-1998.calendar
        regime: wto
        kind: full
        title: The 1998 round of full notifications
        citation: {instrument: SCM Agreement, provision: Art. 25.1 (Committee practice to 2003), verified: false}
        in_force: {from: 1997-07-01, until: 1998-07-01}
        period: year
        covers: previous
        due: {month: 6, day: 30}
      - id: wto.scm.art25.full-2001.calendar
        regime: wto
        kind: full
        title: The 2001 round of full notifications
        citation: {instrument: SCM Agreement, provision: Art. 25.1 (Committee practice to 2003), verified: false}
        in_force: {from: 2000-07-01, until: 2001-07-01}
        period: year
        covers: previous
        due: {month: 6, day: 30}
      - id: wto.scm.art25.full-2003.calendar
        regime: wto
        kind: full
        title: The 2003 round of full notifications
        citation: {instrument: SCM Agreement, provision: Art. 25.1 (Committee practice to 2003), verified: false}
        in_force: {from: 2002-07-01, until: 2003-07-01}
        period: year
        covers: previous
        due: {month: 6, day: 30}
      - id: wto.scm.art25.biennial.calendar
        regime: wto
        kind: full
        title: New and full notifications every two years
        citation: {instrument: SCM Agreement, provision: Art. 25.1 (Committee practice since 2003), verified: false}
        in_force: {from: 2003-07-01}
        period: biennium
        anchor_year: 2003
        covers: previous
        due: {month: 6, day: 30}
      - id: wto.scm.art25-11.calendar
        regime: wto
        kind: cvd-semiannual
        title: Semi-annual reports of countervailing duty actions
        citation: {instrument: SCM Agreement, provision: Art. 25.11, verified: true}
        in_force: {from: 1995-01-01}
        period: half-year
        covers: previous
        due: {months_after_period_end: 2, day: 15}
    rules:
    \(obligation("eaeu.annex28.para95", "eaeu", "annual-planned", "eaeu.annex28.para95.calendar", "Annex 28 ¶95"))
    \(obligation("eaeu.annex28.para97", "eaeu", "quarterly-granted", "eaeu.annex28.para97.calendar", "Annex 28 ¶97"))
    \(obligation("wto.scm.art25-1", "wto", "full", "wto.scm.art25.biennial.calendar", "Art. 25.1"))
    \(obligation("wto.scm.art25-11", "wto", "cvd-semiannual", "wto.scm.art25-11.calendar", "Art. 25.11"))
    """

    static func obligation(_ id: String, _ regime: String, _ kind: String, _ calendar: String, _ provision: String) -> String {
        """
          - id: \(id)
            title: Notify (\(kind))
            regime: \(regime)
            citation: {instrument: test, provision: "\(provision)", verified: false}
            in_force: {from: 1995-01-01}
            when: {member_of: \(regime).members}
            then: {obligation: \(kind), calendar: \(calendar)}
            examples:
              - {name: a member, as_of: 2024-01-01, measure: {member_state: KZ}, expect: {triggers: true}}
              - {name: not a member, as_of: 2024-01-01, measure: {member_state: US}, expect: {triggers: false}}
        """
    }

    /// The compiled test rules (fails the test when they do not compile).
    static func graph(extra: String? = nil) throws -> RuleGraph {
        var files = [(path: "test-rules.yaml", text: yaml)]
        if let extra { files.append((path: "extra.yaml", text: extra)) }
        let (graph, diagnostics) = RuleCompiler().compile(files)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.range?.description ?? ""): \($0.message)" })")
        return try #require(graph)
    }
}

extension TestRules {
    /// Writes the test rules to a new temporary folder (for `--rules DIR`) and returns its path.
    static func writeDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("schedules-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try yaml.write(to: dir.appendingPathComponent("test-rules.yaml"), atomically: true, encoding: .utf8)
        return dir.path
    }
}
