/// The page of `subsidy serve`. `EmbeddedWeb.files` is generated at build time from the package's
/// `Web/` folder by the `EmbedFilesPlugin` build tool (edit the files there).
public enum WebAssets {
    /// Every page file: its path relative to `Web/` (e.g. "app.js"), and its text.
    public static var files: [(path: String, text: String)] { EmbeddedWeb.files }
}
