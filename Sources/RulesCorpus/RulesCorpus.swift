/// The rule corpus built into the binary. `EmbeddedRules.files` is generated at build time from
/// the package's `Rules/` folder by the `EmbedFilesPlugin` build tool.
public enum RulesCorpus {
    /// Every rule file of the built-in corpus: its path relative to the package, and its text.
    public static var files: [(path: String, text: String)] { EmbeddedRules.files }
}
