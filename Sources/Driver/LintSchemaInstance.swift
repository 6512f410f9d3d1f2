import JSONText
public import Diagnostics
import Measures
import YAMLLoader

/// A measure file's YAML as JSON, with the loader's YAML 1.2 core-schema values (`no` stays the
/// string `"no"`, `2026-07-01` stays a string, `0x1F` is 31), so that the JSON Schema of
/// `subsidy schema measure` can be checked against exactly what the loader reads.
///
/// Markdown drafts contribute their front matter. One document gives an object (or whatever its
/// root is); several give an array of them.
public enum LintSchemaInstance {
    /// The JSON text, or the loader's diagnostics (with `nil`) when the YAML itself is invalid.
    public static func json(bytes: [UInt8], path: String) -> (json: String?, diagnostics: [Diagnostic]) {
        let yaml: [UInt8], lineOffset: Int
        do {
            (yaml, lineOffset) = try MeasureSource.yaml(of: bytes, path: path)
        } catch {
            return (nil, [error.diagnostic])
        }
        let loaded = YAMLLoader().load(yaml, file: path, lineOffset: lineOffset)
        if loaded.hasErrors { return (nil, loaded.diagnostics) }
        let roots = loaded.documents.map { $0.root.map(value) ?? .null }
        let json = roots.count == 1 ? roots[0] : .array(roots)
        return (json.rendered(), loaded.diagnostics)
    }

    static func value(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let d): return d.isFinite ? .number(d) : .string(scalar.value)
            case .string(let s): return .string(s)
            }
        case .sequence(let items):
            return .array(items.map(value))
        case .mapping(let mapping):
            return .object(mapping.pairs.map { ($0.keyText, value($0.value)) })
        }
    }
}
