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

    /// Whether an HS code falls under a code list: true when an entry is a prefix of the code,
    /// unknown when the code is broader than an entry (only part of it is listed), else false.
    static func hsMatch(_ code: String, _ table: RuleGraph.Table) -> TriValue {
        var end = code.index(code.startIndex, offsetBy: min(2, code.count))
        while true {
            if table.codeSet.contains(String(code[..<end])) { return .true }
            guard end < code.endIndex else { break }
            end = code.index(end, offsetBy: 2, limitedBy: code.endIndex) ?? code.endIndex
        }
        return table.prefixSet.contains(code) ? .unknown : .false
    }
}
