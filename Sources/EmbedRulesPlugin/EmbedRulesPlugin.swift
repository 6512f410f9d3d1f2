import Foundation
import PackagePlugin

/// Embeds every `*.yaml` file under the package's `Rules/` folder into the `RulesCorpus` target,
/// so the built `subsidy` binary carries its rule corpus and works from any directory.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("Rules")
        let inputs = yamlFiles(under: rules)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) rule files",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func yamlFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
            .sorted { $0.path < $1.path }
    }
}
