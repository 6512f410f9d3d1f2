import ArgumentParser
import Diagnostics
import Driver
import Foundation
import Measures
import YAMLLoader

/// `subsidy schema measure`: the JSON Schema (draft 2020-12) of measure files, for editors and CI.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of a file format (measure).",
        discussion: """
            The schema is generated from the same vocabulary the loader decodes with (Rules/vocabulary/, \
            or --rules DIR), so it cannot go stale. Editors can use it for completion (yaml-language-server: $schema=…); the loader \
            stays the authority (it also checks dates, HS codes and cross-field rules).
            """
    )

    @Argument(help: "The format: measure.")
    var format: Format

    @Option(help: ArgumentHelp("Print FILE's YAML as JSON with the loader's core-schema values instead.", visibility: .hidden))
    var instance: String?

    @OptionGroup var rules: RulesOption

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case measure
    }

    func run() throws {
        guard let instance else {
            // The corpus's vocabulary (with its claimable exemptions); the document ends in a newline.
            print(MeasureJSONSchema.document(vocabulary: try rules.graph().vocabulary), terminator: "")
            return
        }
        let bytes: [UInt8]
        do {
            // Larger files are refused by the loader (yaml.too-large, located).
            bytes = try FileSystem.read(instance, limit: YAMLLimits.default.maxBytes)
        } catch {
            let d = Diagnostic(id: "input.unreadable", message: "cannot read the file: \(error.reason)",
                               range: SourceRange(file: instance, at: SourceLocation(line: 0, column: 0)))
            Output.error(DiagnosticRenderer().render(d))
            throw ExitCode(2)
        }
        let (json, diagnostics) = LintSchemaInstance.json(bytes: bytes, path: instance)
        if !diagnostics.isEmpty {
            let source = SourceText(path: instance, text: String(decoding: bytes, as: UTF8.self))
            Output.error(DiagnosticRenderer(sources: [instance: source]).render(diagnostics))
        }
        guard let json else { throw ExitCode(2) }
        print(json, terminator: "")
    }
}
