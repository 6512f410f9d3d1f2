public import Diagnostics

/// The loader's and ``NodeReader``'s messages (keys `yaml.*`), in English; other languages word
/// them from their catalogue (``MessageText``).
public enum YAMLMessage: String, MessageTable {
    // Node readers: what was expected and what was found.
    case expected = "expected"
    case text = "text"
    case boolean = "boolean"
    case number = "number"
    case mapping = "mapping"
    case list = "list"
    case oneOf = "one-of"
    case foundNull = "found-null"
    case foundBoolean = "found-boolean"
    case foundInteger = "found-integer"
    case foundNumber = "found-number"
    case foundString = "found-string"
    case foundList = "found-list"
    case foundMapping = "found-mapping"
    case foundValue = "found-value"
    case unknownKey = "unknown-key"
    case moreUnknownKeys = "more-unknown-keys"
    case allowedKeys = "allowed-keys"
    case missingKey = "missing-key"
    case didYouMean = "did-you-mean"
    case yaml11Boolean = "yaml11-boolean"
    case yaml11BooleanNote = "yaml11-boolean-note"
    case notFinite = "not-finite"
    case notFiniteNote = "not-finite-note"
    case invalidChoice = "invalid-choice"
    case expectedOneOf = "expected-one-of"
    // Loading.
    case tooLarge = "too-large"
    case syntax = "syntax"
    case tabs = "tabs"
    case nulByte = "nul-byte"
    case utf8Start = "utf8-start"
    case utf8End = "utf8-end"
    case utf8Continue = "utf8-continue"
    case utf8Overlong = "utf8-overlong"
    case unknownAnchor = "unknown-anchor"
    case tooDeep = "too-deep"
    case tooDeepNote = "too-deep-note"
    case tooManyNodes = "too-many-nodes"
    case tooManyNodesNote = "too-many-nodes-note"
    case duplicateKey = "duplicate-key"
    case moreDuplicateKeys = "more-duplicate-keys"
    case firstDefinedHere = "first-defined-here"
    case complexKey = "complex-key"
    case mergeKey = "merge-key"
    case mergeKeyNote = "merge-key-note"
    case unsupportedTag = "unsupported-tag"
    case unsupportedTagNote = "unsupported-tag-note"
    case severalDocuments = "several-documents"
    case newDocumentNote = "new-document-note"
    case unreadable = "unreadable"

    public static let prefix = "yaml"

    public var template: String {
        switch self {
        case .expected: "expected {expected}, found {found}"
        case .text: "text"
        case .boolean: "a boolean (true or false)"
        case .number: "a number"
        case .mapping: "a mapping ({what})"
        case .list: "a list ({what})"
        case .oneOf: "one of {values} ({what})"
        case .foundNull: "null"
        case .foundBoolean: "a boolean"
        case .foundInteger: "an integer"
        case .foundNumber: "a number"
        case .foundString: "a string"
        case .foundList: "a list"
        case .foundMapping: "a mapping"
        case .foundValue: "{kind} '{value}'"
        case .unknownKey: "unknown key '{key}' in {what}{hint}"
        case .moreUnknownKeys: "{count} more unknown keys in {what}"
        case .allowedKeys: "allowed keys: {keys}"
        case .missingKey: "{what} needs the key '{key}'"
        case .didYouMean: "; did you mean '{suggestion}'?"
        case .yaml11Boolean: "expected a boolean (true or false), found '{value}'"
        case .yaml11BooleanNote: "YAML 1.2 reads '{value}' as text, not as a boolean; write true or false"
        case .notFinite: "expected a finite number, found '{value}'"
        case .notFiniteNote: "'{value}' is infinite or not a number (or too large to hold)"
        case .invalidChoice: "'{value}' is not a valid {what}{hint}"
        case .expectedOneOf: "expected one of: {values}"
        case .tooLarge: "file is larger than the limit of {limit} bytes"
        case .syntax: "{problem}"
        case .tabs: "YAML does not allow tabs for indentation; indent with spaces"
        case .nulByte: "NUL byte (0x00) is not allowed in YAML text"
        case .utf8Start: "invalid UTF-8: byte 0x{byte} cannot start a character"
        case .utf8End: "invalid UTF-8: the file ends inside a character"
        case .utf8Continue: "invalid UTF-8: byte 0x{byte} cannot continue a character"
        case .utf8Overlong: "invalid UTF-8: overlong or out-of-range encoding"
        case .unknownAnchor: "alias '*{name}' names no anchor defined before it"
        case .tooDeep: "nesting deeper than {limit} levels"
        case .tooDeepNote: "the depth limit bounds what a hostile file can cost; no measure or rule file needs more"
        case .tooManyNodes: "document expands to more than {limit} nodes"
        case .tooManyNodesNote: "aliases count once for every node they repeat; this bounds 'billion laughs' files"
        case .duplicateKey: "duplicate key '{key}'"
        case .moreDuplicateKeys: "more duplicate keys follow; only the first {limit} are reported"
        case .firstDefinedHere: "first defined here"
        case .complexKey: "mapping keys must be plain text, found {kind}"
        case .mergeKey: "merge keys ('<<') are YAML 1.1 and not supported"
        case .mergeKeyNote: "write the keys out, or repeat the values with an alias per key"
        case .unsupportedTag: "tag '{tag}' is not allowed here"
        case .unsupportedTagNote:
            "only the YAML 1.2 core tags are accepted: !!str, !!int, !!float, !!bool, !!null on scalars, !!map and !!seq on collections"
        case .severalDocuments: "{what} must hold one YAML document, found {count}"
        case .newDocumentNote: "a line '---' starts a new document; remove it or move the rest into the first document"
        case .unreadable: "cannot read {what}: {reason}"
        }
    }
}

extension Suggestion {
    /// "; did you mean 'x'?" as a message, or ``MessageText/empty``.
    public static func hintText(for word: String, in candidates: [String]) -> MessageText {
        closest(to: word, in: candidates).map { YAMLMessage.didYouMean(["suggestion": .text($0)]) } ?? .empty
    }
}

extension YAMLNode {
    /// ``kindDescription`` as a message.
    public var kindText: MessageText {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: YAMLMessage.foundNull()
            case .bool: YAMLMessage.foundBoolean()
            case .int: YAMLMessage.foundInteger()
            case .float: YAMLMessage.foundNumber()
            case .string: YAMLMessage.foundString()
            }
        case .sequence: YAMLMessage.foundList()
        case .mapping: YAMLMessage.foundMapping()
        }
    }
}
