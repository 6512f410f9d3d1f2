internal import CYAML
import Diagnostics

/// The one place that talks to libyaml: runs its event API over a byte buffer and hands every
/// event, with marks converted to 1-based lines and columns, to a ``TreeBuilder``.
struct LibYAMLParser {
    let file: String
    let limits: YAMLLimits
    /// Added to every line number (YAML embedded after `lineOffset` lines of a Markdown file).
    let lineOffset: Int

    func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        guard yaml_parser_initialize(parser) == 1 else {
            let d = Diagnostic(id: "internal.libyaml", message: "libyaml could not be initialised",
                               range: SourceRange(file: file, at: SourceLocation(line: 0, column: 0)))
            return ([], [d])
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // An empty buffer may have no address; an empty stream has no documents.
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return ([], []) }
        yaml_parser_set_input_string(parser, base, bytes.count)

        var builder = TreeBuilder(file: file, limits: limits)
        while !builder.stopped {
            guard yaml_parser_parse(parser, event) == 1 else {
                builder.fail(error(parser.pointee, bytes))
                break
            }
            defer { yaml_event_delete(event) }
            let e = event.pointee
            let start = location(e.start_mark), end = location(e.end_mark)
            switch e.type {
            case YAML_STREAM_END_EVENT:
                return builder.finish()
            case YAML_DOCUMENT_START_EVENT:
                builder.documentStart(at: start)
            case YAML_DOCUMENT_END_EVENT:
                builder.documentEnd(at: end)
            case YAML_ALIAS_EVENT:
                builder.alias(string(e.data.alias.anchor), start: start, end: end)
            case YAML_SCALAR_EVENT:
                let s = e.data.scalar
                let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
                builder.scalar(
                    text, style: style(s.style), tag: string(s.tag), anchor: string(s.anchor),
                    start: start, end: end)
            case YAML_SEQUENCE_START_EVENT:
                let s = e.data.sequence_start
                builder.collectionStart(isMapping: false, tag: string(s.tag), anchor: string(s.anchor), at: start)
            case YAML_MAPPING_START_EVENT:
                let m = e.data.mapping_start
                builder.collectionStart(isMapping: true, tag: string(m.tag), anchor: string(m.anchor), at: start)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                builder.collectionEnd(at: end)
            default:
                break
            }
        }
        return builder.finish()
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// Turns libyaml's error state into a diagnostic: the problem mark is the primary range, the
    /// context mark (e.g. the opening quote of an unterminated string) a note.
    private func error(_ p: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = p.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch p.error {
        case YAML_READER_ERROR:
            // libyaml points at the bad byte; ByteScanner names invalid UTF-8 and NUL bytes precisely
            // and points at the start of the character (up to 3 bytes earlier).
            let offset = Int(p.problem_offset)
            if let precise = ByteScanner.firstProblem(in: UnsafeBufferPointer(rebasing: bytes[..<min(offset + 1, bytes.count)])),
               precise.offset >= offset - 3 {
                let at = ByteScanner.location(ofByteOffset: precise.offset, in: bytes, lineOffset: lineOffset)
                return Diagnostic(id: precise.id, precise.message, range: SourceRange(file: file, at: at))
            }
            let at = ByteScanner.location(ofByteOffset: offset, in: bytes, lineOffset: lineOffset)
            return Diagnostic(id: "yaml.invalid-character", message: problem, range: SourceRange(file: file, at: at))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var notes: [Note] = []
            if let context = p.context {
                let contextAt = location(p.context_mark)
                notes.append(Note(String(cString: context), at: SourceRange(file: file, at: contextAt)))
            }
            let problemByte = ByteScanner.byte(
                atLine: Int(p.problem_mark.line), column: Int(p.problem_mark.column), in: bytes)
            if problemByte == UInt8(ascii: "\t") {
                notes.append(Note(YAMLMessage.tabs()))
            }
            return Diagnostic(
                id: "yaml.syntax", YAMLMessage.syntax(["problem": .text(problem)]),
                range: SourceRange(file: file, at: location(p.problem_mark)), notes: notes)
        case YAML_MEMORY_ERROR:
            return Diagnostic(id: "internal.libyaml", message: "libyaml ran out of memory",
                              range: SourceRange(file: file, at: SourceLocation(line: 1, column: 1)))
        default:
            return Diagnostic(id: "internal.libyaml", message: problem,
                              range: SourceRange(file: file, at: location(p.problem_mark)))
        }
    }
}
