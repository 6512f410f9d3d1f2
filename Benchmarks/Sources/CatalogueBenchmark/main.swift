import Foundation
import Localization

// Usage: CatalogueBenchmark PACKAGE_ROOT [ROUNDS]
// Times loading the Russian catalogue (Rules/i18n/ru/*.yaml) through the strict loader, and the
// coverage check against the corpus's rule ids and instruments; best of ROUNDS rounds.

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "..")
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let rules = root.appendingPathComponent("Rules")
var files: [(path: String, text: String)] = []
let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil)
while let url = walker?.nextObject() as? URL {
    guard url.pathExtension == "yaml" else { continue }
    files.append(("Rules/" + url.path.dropFirst(rules.path.count + 1), try String(contentsOf: url, encoding: .utf8)))
}
let catalogueFiles = CatalogueFiles.files(files, language: .ru)
let bytes = catalogueFiles.reduce(0) { $0 + $1.text.utf8.count }

func best(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return best
}

var loaded: RussianCatalogue?
let load = best { loaded = CatalogueLoader().load(catalogueFiles).catalogue }
guard let catalogue = loaded else { fatalError("the catalogue does not load") }
var gaps = 0
let check = best {
    let declared = CorpusDeclarations.read(files)
    gaps = declared.check(catalogue).count
}
print("catalogue: \(catalogueFiles.count) files, \(bytes) bytes, \(catalogue.rules.count) rules, \(catalogue.facts.count) facts")
print(String(format: "load: %.2f ms (best of %d)", load, rounds))
print(String(format: "coverage (read corpus + check): %.2f ms, %d gaps", check, gaps))
