import Diagnostics

/// Everything one rule file defines.
public struct RuleFile: Sendable {
    public var path: String
    public var rules: [RuleDefinition] = []
    public var tables: [TableDefinition] = []
    public var calendars: [CalendarDefinition] = []
    public var fixtures: [FixtureDefinition] = []

    public init(path: String) {
        self.path = path
    }
}
