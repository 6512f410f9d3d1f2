import Foundation
import PackagePlugin

/// Embeds the page of `subsidy serve` (every file under the package's `Web/` folder) into the
/// `WebAssets` target, so the binary serves it from any directory with nothing fetched.
@main
struct EmbedWebPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let web = context.package.directoryURL.appendingPathComponent("Web")
        let inputs = files(under: web)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedWeb.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) web files",
                executable: try context.tool(named: "embed-web").url,
                arguments: [web.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { ["html", "js", "css", "svg"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
