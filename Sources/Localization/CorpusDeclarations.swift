import Diagnostics
public import YAMLLoader

/// What the rule files declare that needs Russian text: each rule id, table and calendar id, and
/// each citation's instrument, at its place. Read straight from the YAML (not from the compiled graph), so the
/// check also runs on a corpus that does not compile yet.
public enum CorpusDeclarations {
    /// The rule ids and instrument texts of `files` (catalogue files among them are skipped), in
    /// file order; a file that does not load gives nothing (the rule compiler reports it).
    public static func read(_ files: [(path: String, text: String)], limits: YAMLLimits = .default) -> CatalogueCoverage {
        var coverage = CatalogueCoverage()
        var seenInstruments: Set<String> = []
        let loader = YAMLLoader(limits: limits)
        for (path, text) in files.sorted(by: { $0.path < $1.path }) where !CatalogueFiles.isCatalogue(path) {
            let loaded = loader.load(text, file: path)
            guard !loaded.hasErrors else { continue }
            for document in loaded.documents {
                guard let top = document.root?.mapping else { continue }
                for section in ["rules", "tables", "calendars"] {
                    for item in top[section]?.sequence ?? [] {
                        guard let entry = item.mapping else { continue }
                        if let id = entry["id"], let value = id.scalar?.value {
                            let item = CatalogueCoverage.Item(value, at: id.range)
                            if section == "rules" { coverage.rules.append(item) } else { coverage.titled.append(item) }
                        }
                        if let node = entry["citation"]?.mapping?["instrument"], let value = node.scalar?.value,
                           seenInstruments.insert(value).inserted {
                            coverage.instruments.append(CatalogueCoverage.Item(value, at: node.range))
                        }
                    }
                }
            }
        }
        return coverage
    }
}
