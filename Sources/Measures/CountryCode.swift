public import Diagnostics
import YAMLLoader
/// The check of a country code against a vocabulary's table, shared by measure files and the
/// command line (`deadlines --member`), so every command refuses the same codes the same way.
public enum CountryCode {
    /// Why `code` is not a code of `vocabulary`'s country table (nil when it is), with a "did you
    /// mean" when it is the code of another case.
    public static func problem(_ code: String, in vocabulary: MeasureVocabulary, also: [String] = []) -> String? {
        problemText(code, in: vocabulary, also: also)?.english
    }

    /// ``problem(_:in:also:)`` as a message, worded per language.
    public static func problemText(_ code: String, in vocabulary: MeasureVocabulary, also: [String] = []) -> MessageText? {
        if vocabulary.countryCodes.contains(code) || also.contains(code) { return nil }
        var hint = MessageText.empty
        if vocabulary.countryCodes.contains(code.uppercased()) || also.contains(code.uppercased()) {
            hint = YAMLMessage.didYouMean(["suggestion": .text(code.uppercased())])
        } else if let word = also.first(where: { $0.lowercased() == code.lowercased() }) {
            hint = YAMLMessage.didYouMean(["suggestion": .text(word)])
        }
        let words = also.isEmpty ? MessageText.empty : MeasureMessage.orAlso(["codes": .text(also.joined(separator: ", "))])
        return MeasureMessage.notACountry(["value": .text(code), "also": .message(words), "hint": .message(hint)])
    }
}
