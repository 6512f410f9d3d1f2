import Measures
import RuleCompiler

/// The leaf tests that stay on fact values (``EvalProgram/Node/general``): text-set tests the bit
/// masks cannot hold, in three-valued logic (an unknown fact gives unknown). Every other leaf is
/// compiled by ``EvalProgram`` and evaluated on fact cells (``Evaluation``).
enum FactTests {
    static func evaluate(_ node: ExprNode, facts: FactVector) -> TriValue {
        switch node {
        case .equals(let slot, let values):
            switch facts[slot] {
            case .unknown: return .unknown
            case .bool(let b): return TriValue(values.contains(.bool(b)))
            case .text(let t): return TriValue(values.contains(.text(t)))
            default: return .false
            }
        case .anyOf(let slot, let values):
            guard case .list(let items) = facts[slot] else { return .unknown }
            return TriValue(items.contains(where: values.contains))
        case .allIn(let slot, let values):
            guard case .list(let items) = facts[slot] else { return .unknown }
            return TriValue(!items.isEmpty && items.allSatisfy(values.contains))
        case .contains(let slot, let value):
            guard case .list(let items) = facts[slot] else { return .unknown }
            return TriValue(items.contains(value))
        case .always, .all, .any, .not, .rule, .date, .asOf, .number, .hsAllIn, .hsAnyIn, .memberOf, .memberAttribute:
            // Compiled by EvalProgram: never a `general` node.
            return .unknown
        }
    }
}
