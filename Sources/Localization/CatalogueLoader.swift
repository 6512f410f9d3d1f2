public import Diagnostics
public import YAMLLoader

/// Reads the Russian catalogue files (Rules/i18n/README.md) strictly, through the project's YAML
/// loader: YAML problems, unknown keys, missing or empty texts, texts with no Cyrillic letter and
/// entries given twice (in one file or across files) are errors with file, line and column.
public struct CatalogueLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// The catalogue read from `files` (catalogue files only: see ``CatalogueFiles/files(_:language:)``),
    /// or `nil` when any error was found; every problem found, in file, line, column order.
    public func load(_ files: [(path: String, text: String)]) -> (catalogue: RussianCatalogue?, diagnostics: [Diagnostic]) {
        var decoder = CatalogueDecoder()
        let loader = YAMLLoader(limits: limits)
        for (path, text) in files {
            let loaded = loader.load(text, file: path)
            decoder.reader.diagnostics.emit(contentsOf: loaded.diagnostics)
            if loaded.hasErrors { continue }
            decoder.decode(loaded.documents, file: path)
        }
        let bag = decoder.reader.diagnostics
        return (bag.hasErrors ? nil : decoder.catalogue, bag.sorted)
    }
}
