import FastPath

/// A list of rule numbers per rule (exceptions, dependencies, alternatives), in one block of
/// memory (``RowTable``, in the fence): reading a rule's list retains nothing. Freed with its owner
/// (the plan).
typealias RuleLists = RowTable<Int>

/// A set of rule numbers per rule (blockers; exemptions by the rules they suspend), as bits
/// (``BitRows``, in the fence): `width` words per rule.
typealias RuleSets = BitRows
