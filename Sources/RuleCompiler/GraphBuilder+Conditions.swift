import Diagnostics
import Measures
import YAMLLoader

extension GraphBuilder {
    /// Compiles a condition into the node arena, checking facts, values and references.
    /// Returns the node index; a broken part compiles to `always` after its error is reported.
    mutating func compileCondition(_ condition: Condition) -> Int {
        let node: ExprNode
        switch condition.kind {
        case .always:
            node = .always
        case .all(let parts):
            node = .all(parts.map { compileCondition($0) })
        case .any(let parts):
            node = .any(parts.map { compileCondition($0) })
        case .not(let inner):
            node = .not(compileCondition(inner))
        case .rule(let id):
            node = ruleReference(id, at: condition.range)
        case .fact(let path, let test):
            node = factTest(path, test, at: condition.range)
        case .asOf(let op, let date):
            node = .asOf(op, date)
        case .memberOf(let table):
            node = memberTable(table, at: condition.range).map { .memberOf(table: $0) } ?? .always
        case .memberAttribute(let table, let column, let values):
            guard let t = memberTable(table, at: condition.range) else { node = .always; break }
            let known = Set(tables[t].rows.values.flatMap { $0.flatMap { $0.values.keys } })
            if !known.contains(column) {
                bag.error("graph.unknown-column", "table '\(table)' has no column '\(column)'\(suggest(column, known.sorted()))",
                          at: condition.range)
            }
            node = .memberAttribute(table: t, column: column, values: values)
        }
        nodes.append(node)
        return nodes.count - 1
    }

    private mutating func ruleReference(_ id: String, at range: SourceRange) -> ExprNode {
        guard let index = ruleIndex[id] else {
            bag.error("graph.unknown-reference", "no rule '\(id)'\(suggest(id, Array(ruleIndex.keys)))", at: range)
            return .always
        }
        if case .predicate = rules[index].conclusion { return .rule(index) }
        bag.error("graph.not-a-predicate", "rule '\(id)' concludes something and cannot be used as a condition",
                  at: range, notes: [Note("only rules without 'then' are predicates", at: rules[index].idRange)])
        return .always
    }

    private mutating func memberTable(_ id: String, at range: SourceRange) -> Int? {
        guard let t = tableIndex[id] else {
            bag.error("graph.unknown-reference", "no table '\(id)'\(suggest(id, Array(tableIndex.keys)))", at: range)
            return nil
        }
        guard case .members = tables[t].definition.content else {
            bag.error("graph.mismatch", "table '\(id)' is a code list, not a member table", at: range)
            return nil
        }
        return t
    }

    private mutating func factTest(_ path: String, _ test: FactTest, at range: SourceRange) -> ExprNode {
        guard let slot = factSlots[path], let type = factTypes[path] else {
            bag.error("graph.unknown-fact", "'\(path)' is not a fact of the measure contract\(suggest(path, factPaths))", at: range)
            return .always
        }
        var check = FactTestCheck(path: path, type: type, range: range, vocabulary: vocabulary, tables: tables, tableIndex: tableIndex)
        let checked = test.op.checked(&check)
        bag.emit(contentsOf: check.bag.diagnostics)
        claimTests += check.claimTests
        return checked.map { .fact(slot: slot, test: $0.test) } ?? .always
    }

    /// Predicate rules a compiled condition refers to directly.
    func dependencies(_ root: Int) -> [Int] {
        var out: [Int] = []
        var stack = [root]
        while let i = stack.popLast() {
            switch nodes[i] {
            case .all(let c), .any(let c): stack += c
            case .not(let c): stack.append(c)
            case .rule(let r): if !out.contains(r) { out.append(r) }
            case .always, .fact, .asOf, .memberOf, .memberAttribute:
                break
            }
        }
        return out.sorted()
    }

    /// Fact slots a compiled condition reads directly.
    func directReads(_ root: Int) -> [Int] {
        var out = Set<Int>()
        var stack = [root]
        while let i = stack.popLast() {
            switch nodes[i] {
            case .all(let c), .any(let c): stack += c
            case .not(let c): stack.append(c)
            case let leaf: if let s = leaf.factSlot(memberState: factSlots["member_state"]) { out.insert(s) }
            }
        }
        return out.sorted()
    }
}
