import Measures

/// A code-list table an HS test names, by id and (once checked) by index in the graph's tables,
/// and how a declared code relates to it.
public struct HSCodeTable: Sendable, Hashable {
    public var id: String
    /// The table's index in ``RuleGraph/tables``; -1 until the test is checked.
    public var index = -1

    public init(id: String) { self.id = id }

    /// The table resolved: its index set, or `nil` after the check reported why not.
    func checked(_ check: inout FactTestCheck) -> HSCodeTable? {
        guard check.type == .hsList else { return check.mismatch("HS tests need the HS code list fact 'goods.hs'") }
        guard let t = check.codeList(id) else { return nil }
        var resolved = self
        resolved.index = t
        return resolved
    }

    /// Per declared code: true when an entry of the table is a prefix of it (the code falls under
    /// the listed line), unknown when it is a prefix of an entry (broader than a listed line), else
    /// false. `nil` when the fact is not a non-empty list (unknown, or no codes).
    func matches(_ value: FactValue, _ tables: [RuleGraph.Table]) -> [TriValue]? {
        guard case .list(let codes) = value, !codes.isEmpty else { return nil }
        let entries = tables[index].codes
        return codes.map { code in
            if entries.contains(where: code.hasPrefix) { return .true }
            return entries.contains { $0.hasPrefix(code) } ? .unknown : .false
        }
    }

    /// A code of the table, tried as an answer for an unknown list of codes.
    func answers(_ tables: [RuleGraph.Table]) -> [FactValue] {
        tables[index].codes.first.map { [.list([$0])] } ?? []
    }
}

extension Array where Element == TriValue {
    /// Kleene conjunction of the values (true when empty).
    var allTrue: TriValue { contains(.false) ? .false : contains(.unknown) ? .unknown : .true }
    /// Kleene disjunction of the values (false when empty).
    var anyTrue: TriValue { contains(.true) ? .true : contains(.unknown) ? .unknown : .false }
}
