import Testing
import YAMLLoader

@Suite("YAML 1.2 core schema")
struct CoreSchemaTests {
    static let table: [(String, CoreValue)] = [
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        // YAML 1.1 spellings are strings in 1.2.
        ("yes", .string("yes")), ("no", .string("no")), ("NO", .string("NO")), ("on", .string("on")),
        ("off", .string("off")), ("y", .string("y")), ("n", .string("n")), ("tRUE", .string("tRUE")),
        ("nULL", .string("nULL")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+3", .int(3)), ("08", .int(8)),
        ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)),
        ("0o8", .string("0o8")), ("0x", .string("0x")), ("0b101", .string("0b101")),
        ("99999999999999999999", .float(1e20)),
        ("1.5", .float(1.5)), ("-0.25", .float(-0.25)), (".5", .float(0.5)), ("1e3", .float(1000)),
        ("2.5E-1", .float(0.25)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("1_000", .string("1_000")), ("1:30", .string("1:30")), ("2026-07-01", .string("2026-07-01")),
        ("0087", .int(87)), ("1.", .float(1)), (".", .string(".")), ("e3", .string("e3")), ("1e", .string("1e")),
        ("KZ", .string("KZ")), ("- x", .string("- x")),
    ]

    @Test(arguments: table)
    func resolvesPlainScalar(_ text: String, _ expected: CoreValue) {
        #expect(CoreSchema.resolve(plain: text) == expected)
    }

    @Test func nanIsAFloat() {
        guard case .float(let value) = CoreSchema.resolve(plain: ".nan") else {
            Issue.record("'.nan' did not resolve to a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test(arguments: ["yes", "No", "ON", "off", "Y", "n"])
    func recognisesYAML11Booleans(_ text: String) {
        #expect(CoreSchema.isYAML11Boolean(text))
    }

    @Test(arguments: ["true", "false", "yess", "none", "unknown", ""])
    func otherWordsAreNotYAML11Booleans(_ text: String) {
        #expect(!CoreSchema.isYAML11Boolean(text))
    }

    @Test func onlyPlainScalarsAreResolved() {
        #expect(YAMLScalar(value: "true", style: .doubleQuoted).resolved == .string("true"))
        #expect(YAMLScalar(value: "12", style: .singleQuoted).resolved == .string("12"))
        #expect(YAMLScalar(value: "null", style: .literal).resolved == .string("null"))
        #expect(YAMLScalar(value: "12", style: .plain).resolved == .int(12))
        #expect(YAMLScalar(value: "12", style: .plain, explicitCoreTag: .str).resolved == .string("12"))
        #expect(YAMLScalar(value: "7", style: .doubleQuoted, explicitCoreTag: .int).resolved == .int(7))
    }
}
