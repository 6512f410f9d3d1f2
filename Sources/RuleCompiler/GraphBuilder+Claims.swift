import Diagnostics
import Measures
import YAMLLoader

/// Claimable exemptions: which ids a measure may list in a `claims` fact (`transitional_measures`).
///
/// **Convention.** An exemption rule is claimable when its condition requires the measure to claim
/// it by its own id: `{fact: transitional_measures, contains: <the rule's id>}`, as the whole
/// condition or as one item of its top-level `all`. Nothing else marks it, so the declaration and
/// the test that reads it cannot drift apart: a member state's transitional item is added by
/// writing its rule in `Rules/` (or a `--rules` folder), with no change to the vocabulary or Swift.
extension GraphBuilder {
    /// The ids of the claimable exemption rules, sorted.
    func claimableExemptions(_ compiled: [RuleGraph.Rule]) -> [String] {
        let claimsFacts = Set(vocabulary.factFields.filter { $0.field.type == .claims }.map(\.path))
        func claimsOwnID(_ condition: Condition, id: String) -> Bool {
            switch condition.kind {
            case .fact(let path, .contains(let test)): claimsFacts.contains(path) && test.value == id
            case .all(let items): items.contains { claimsOwnID($0, id: id) && !isAll($0) }
            case .always, .any, .not, .rule, .fact, .asOf, .memberOf, .memberAttribute: false
            }
        }
        func isAll(_ condition: Condition) -> Bool {
            if case .all = condition.kind { true } else { false }
        }
        return compiled.filter { $0.role == .exemption && claimsOwnID($0.definition.when, id: $0.id) }.map(\.id).sorted()
    }

    /// Every value a rule tests a `claims` fact against names a claimable exemption.
    mutating func checkClaimTests(_ claimable: [String]) {
        let known = Set(claimable)
        for test in claimTests where !known.contains(test.value) {
            bag.error(
                "graph.invalid-value",
                "'\(test.value)' is not a claimable exemption, so no measure can list it in '\(test.path)'\(suggest(test.value, claimable))",
                at: test.range,
                notes: [Note("an exemption rule is claimable when its condition requires '\(test.path)' to contain its own id")])
        }
    }
}
