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
        func mismatch(_ expected: String) -> ExprNode {
            bag.error("graph.type-mismatch", "fact '\(path)' is \(describe(type)); \(expected)", at: range)
            return .always
        }
        switch test {
        case .equals(let values):
            switch type {
            case .triState:
                guard values.allSatisfy({ if case .bool = $0 { true } else { false } }) else {
                    return mismatch("compare it with true or false")
                }
            case .choice(let allowed):
                checkValues(values.map(\.description), allowed: allowed.filter { $0 != "unknown" }, path: path, at: range)
            case .country:
                checkValues(values.map(\.description), allowed: vocabulary.countries.map(\.code), path: path, at: range)
            case .currency:
                checkValues(values.map(\.description), allowed: vocabulary.currencies.map(\.code), path: path, at: range)
            case .text:
                break
            default:
                return mismatch("'is' and 'in' test single values; use any_of, all_in or contains on lists")
            }
            return .equals(slot: slot, values: values)
        case .anyOf(let values), .allIn(let values):
            guard let allowed = listDomain(type) else { return mismatch("'any_of' and 'all_in' need a list fact") }
            if let allowed { checkValues(values, allowed: allowed, path: path, at: range) }
            if type == .claims { claimTests += values.map { ($0, path, range) } }
            if case .anyOf = test { return .anyOf(slot: slot, values: values) }
            return .allIn(slot: slot, values: values)
        case .contains(let value):
            guard let allowed = listDomain(type) else { return mismatch("'contains' needs a list fact") }
            if let allowed { checkValues([value], allowed: allowed, path: path, at: range) }
            if type == .claims { claimTests.append((value, path, range)) }
            return .contains(slot: slot, value: value)
        case .date(let op, let date):
            guard type == .date else { return mismatch("date comparisons need a date fact") }
            return .date(slot: slot, op, date)
        case .number(let op, let n):
            guard type == .number else { return mismatch("number comparisons need a number fact") }
            return .number(slot: slot, op, n)
        case .hsAllIn(let table), .hsAnyIn(let table):
            guard type == .hsList else { return mismatch("HS tests need the HS code list fact 'goods.hs'") }
            guard let t = tableIndex[table] else {
                bag.error("graph.unknown-reference", "no table '\(table)'\(suggest(table, Array(tableIndex.keys)))", at: range)
                return .always
            }
            guard case .codes = tables[t].definition.content else {
                bag.error("graph.mismatch", "table '\(table)' is a member table, not a code list", at: range)
                return .always
            }
            if case .hsAllIn = test { return .hsAllIn(slot: slot, table: t) }
            return .hsAnyIn(slot: slot, table: t)
        }
    }

    /// The allowed items of a list fact (`nil` inside for free-text lists), or `nil` if not a list.
    private func listDomain(_ type: MeasureSchema.FieldType) -> [String]?? {
        switch type {
        case .choiceList(let allowed): return .some(allowed)
        case .countryList(let also): return .some(vocabulary.countries.map(\.code) + also)
        case .textList, .hsList: return .some(nil)
        // Checked once the claimable exemptions are known (``checkClaimTests(_:)``).
        case .claims: return .some(nil)
        case .text, .country, .currency, .triState, .choice, .date, .number, .group: return nil
        }
    }

    private mutating func checkValues(_ values: [String], allowed: [String], path: String, at range: SourceRange) {
        for value in values where !allowed.contains(value) {
            let values = allowed.count > 30 ? "the vocabulary's table (Rules/vocabulary/)" : allowed.joined(separator: ", ")
            bag.error("graph.invalid-value", "'\(value)' is not a value of '\(path)'\(suggest(value, allowed))", at: range,
                      notes: [Note("values: \(values)")])
        }
    }

    func describe(_ type: MeasureSchema.FieldType) -> String {
        switch type {
        case .text: "text"
        case .country: "a country code"
        case .currency: "a currency code"
        case .triState: "a yes/no fact"
        case .choice: "a choice"
        case .choiceList, .textList, .countryList, .claims: "a list"
        case .hsList: "a list of HS codes"
        case .date: "a date"
        case .number: "a number"
        case .group: "a group"
        }
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
            case .always, .equals, .anyOf, .allIn, .contains, .date, .asOf, .number, .hsAllIn, .hsAnyIn, .memberOf,
                 .memberAttribute:
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
