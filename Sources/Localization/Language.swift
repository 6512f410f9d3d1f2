/// The language of everything the tool prints for people (memo, findings, questions, titles,
/// citations). JSON keys, enumerated values (`category`, `kind`, `status`) and rule ids never
/// change with it (Docs/cli.md v1.1, "Languages").
public enum Language: String, Sendable, CaseIterable {
    case en
    case ru

    /// The environment variable that sets the default language.
    public static let environmentVariable = "SUBSIDY_LANG"

    /// Why a language could not be chosen.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The value as given.
        public var value: String
        /// Where it came from: `--lang` or `SUBSIDY_LANG`.
        public var origin: String

        public init(value: String, origin: String) {
            self.value = value
            self.origin = origin
        }

        public var description: String {
            "unknown language '\(value)' in \(origin): expected one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    /// The language asked for: `--lang` when given, else `SUBSIDY_LANG` when set and not empty,
    /// else English. A value that is neither `en` nor `ru` is an error, never a silent fallback.
    /// - Parameters:
    ///   - flag: the value of `--lang`, if the option was given.
    ///   - environment: the process environment (tests pass their own).
    public static func resolve(flag: String?, environment: [String: String]) -> Result<Language, Problem> {
        if let flag {
            guard let language = Language(rawValue: flag) else { return .failure(Problem(value: flag, origin: "--lang")) }
            return .success(language)
        }
        if let value = environment[environmentVariable], !value.isEmpty {
            guard let language = Language(rawValue: value) else {
                return .failure(Problem(value: value, origin: environmentVariable))
            }
            return .success(language)
        }
        return .success(.en)
    }
}
