/// The lists of a verdict that depend only on which rules it lists: their ids, their citations
/// (each text once), the ids of those whose provision was not verified, and the grounds of the
/// rules that decided. Measures with the same verdict rules share one listing, so classifying them
/// builds these arrays once (a result holds the same storage; arrays are values, so no reader can
/// tell). A class, so that handing a listing out copies one reference, not four.
final class RuleListing: Sendable {
    let rules: [String]
    let citations: [String]
    let unverified: [String]
    let grounds: [String]

    /// The listing of `listed` (in order); `decided` when they are the rules that decided.
    init(_ listed: [Int], decided: Bool, plan: EnginePlan) {
        rules = listed.map { plan.ids[$0] }
        var citations: [String] = [], unverified: [String] = [], grounds: [String] = []
        citations.reserveCapacity(listed.count)
        for (k, r) in listed.enumerated() {
            let number = plan.citationNumbers[r]
            if !listed.prefix(k).contains(where: { plan.citationNumbers[$0] == number }) { citations.append(plan.citations[r]) }
            if !plan.verified[r] { unverified.append(plan.ids[r]) }
            if decided, let ground = plan.grounds[r], !grounds.contains(ground) { grounds.append(ground) }
        }
        self.citations = citations
        self.unverified = unverified
        self.grounds = grounds
    }

    /// Which rules a verdict lists, as a key: a bit per rule (graphs of up to 256 rules), and
    /// whether they decided.
    struct Key: DirectMappedKey {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var decided: Bool

        static let capacity = 256

        /// `nil` when a rule number is past ``capacity``.
        init?(_ listed: [Int], decided: Bool) {
            self.decided = decided
            for r in listed {
                guard r < Self.capacity else { return nil }
                let bit: UInt64 = 1 << UInt64(r % 64)
                switch r / 64 {
                case 0: words.0 |= bit
                case 1: words.1 |= bit
                case 2: words.2 |= bit
                default: words.3 |= bit
                }
            }
        }

        static func == (a: Key, b: Key) -> Bool {
            a.words == b.words && a.decided == b.decided
        }

        /// A slot in a table of 2^`bits` entries (multiplicative hashing: a collision only costs a rebuild).
        @inline(__always)
        func slot(bits: Int) -> Int {
            var h = words.0 &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ words.1) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ words.2) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ words.3 ^ (decided ? 1 : 0)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
        }
    }
}

/// Listings already built by one workspace (``DirectMappedTable``): a listing found is returned
/// as is, one not found (or pushed out by another with the same slot) is built.
struct RuleListings {
    private var table = DirectMappedTable<RuleListing.Key, RuleListing>(bits: 8)

    /// The listing of `listed`, built once per distinct set of rules while it keeps its slot. The
    /// key is the set; `listed` is in the plan's order, so the same set always comes in the same order.
    mutating func listing(_ listed: [Int], decided: Bool, plan: EnginePlan) -> RuleListing {
        guard let key = RuleListing.Key(listed, decided: decided) else {
            return RuleListing(listed, decided: decided, plan: plan)
        }
        if let listing = table.value(for: key) { return listing }
        let listing = RuleListing(listed, decided: decided, plan: plan)
        table.keep(listing, for: key)
        return listing
    }
}
