import Diagnostics

/// Where a rule comes from: instrument, provision, and whether the text was verified.
public struct Citation: Sendable, Hashable {
    public let instrument: String
    public let provision: String
    public let verified: Bool
    public let source: String?
    public let note: String?
    /// "SCM Agreement, Art. 3.1(a)". When the provision repeats the instrument's last part
    /// ("Treaty on the EAEU, Annex 28" + "Annex 28 ¶97"), that part is written once. Worked out
    /// once, when the rule is read: verdicts quote it for every measure.
    public let text: String

    public init(instrument: String, provision: String, verified: Bool, source: String? = nil, note: String? = nil) {
        self.instrument = instrument
        self.provision = provision
        self.verified = verified
        self.source = source
        self.note = note
        self.text = Citation.join(instrument, provision)
    }

    private static func join(_ instrument: String, _ provision: String) -> String {
        let parts = instrument.split(separator: ",", omittingEmptySubsequences: false)
        if let last = parts.last, parts.count > 1 {
            let tail = last.drop { $0 == " " }
            if !tail.isEmpty, provision.hasPrefix(tail) {
                return parts.dropLast().joined(separator: ",") + ", " + provision
            }
        } else if provision.hasPrefix(instrument) {
            return provision
        }
        return "\(instrument), \(provision)"
    }
}

/// Days on which something applies: `from` inclusive, `until` exclusive (`nil` = open-ended).
public struct DateRange: Sendable, Hashable {
    public var from: CalendarDateValue
    public var until: CalendarDateValue?

    public init(from: CalendarDateValue, until: CalendarDateValue?) {
        self.from = from
        self.until = until
    }

    public func contains(_ date: CalendarDateValue) -> Bool {
        date >= from && (until.map { date < $0 } ?? true)
    }

    public func overlaps(_ other: DateRange) -> Bool {
        let endA = until, endB = other.until
        let startsBeforeOtherEnds = endB.map { from < $0 } ?? true
        let otherStartsBeforeEnd = endA.map { other.from < $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeEnd
    }

    public var description: String {
        until.map { "from \(from) until \($0) (exclusive)" } ?? "from \(from)"
    }
}
