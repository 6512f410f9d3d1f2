/// The check of a country code against a vocabulary's table, shared by measure files and the
/// command line (`deadlines --member`), so every command refuses the same codes the same way.
public enum CountryCode {
    /// Why `code` is not a code of `vocabulary`'s country table (nil when it is), with a "did you
    /// mean" when it is the code of another case.
    public static func problem(_ code: String, in vocabulary: MeasureVocabulary, also: [String] = []) -> String? {
        if vocabulary.countryCodes.contains(code) || also.contains(code) { return nil }
        var hint = ""
        if vocabulary.countryCodes.contains(code.uppercased()) || also.contains(code.uppercased()) {
            hint = "; did you mean '\(code.uppercased())'?"
        } else if let word = also.first(where: { $0.lowercased() == code.lowercased() }) {
            hint = "; did you mean '\(word)'?"
        }
        let words = also.isEmpty ? "" : " (or \(also.joined(separator: ", ")))"
        return "'\(code)' is not an ISO 3166-1 alpha-2 country code or EU\(words)\(hint)"
    }
}
