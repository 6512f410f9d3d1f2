import Foundation
import PackagePlugin

/// Embeds a folder of the package into a target, so the built `subsidy` binary carries it and works
/// from any directory: the rule corpus `Rules/` into `RulesCorpus`, the page of `subsidy serve`
/// (`Web/`) into `WebAssets`. What each target embeds is the table below.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    struct Embedding {
        var folder: String
        var extensions: [String]
        var enumName: String
        /// Put before each path relative to the folder.
        var prefix: String
        var summary: String
    }

    static let embeddings: [String: Embedding] = [
        "RulesCorpus": Embedding(
            folder: "Rules", extensions: ["yaml", "yml"], enumName: "EmbeddedRules", prefix: "Rules/",
            summary: "The rule corpus under `Rules/`, built into the binary: (path relative to the package, text)."),
        "WebAssets": Embedding(
            folder: "Web", extensions: ["html", "js", "css", "svg"], enumName: "EmbeddedWeb", prefix: "",
            summary: "The page of `subsidy serve`, built into the binary: (path relative to Web/, text)."),
    ]

    struct UnknownTarget: Error, CustomStringConvertible {
        var name: String
        var description: String { "EmbedFilesPlugin: no embedding declared for target '\(name)'" }
    }

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let embedding = Self.embeddings[target.name] else { throw UnknownTarget(name: target.name) }
        let folder = context.package.directoryURL.appendingPathComponent(embedding.folder)
        let inputs = files(under: folder, extensions: embedding.extensions)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(embedding.enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files of \(embedding.folder)/",
                executable: try context.tool(named: "embed-files").url,
                arguments: [folder.path, output.path, embedding.enumName, embedding.prefix,
                            embedding.extensions.joined(separator: ","), embedding.summary],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(under folder: URL, extensions: [String]) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
