import Diagnostics

/// Builds located ``YAMLNode`` trees from parser events, enforcing the loader's strictness:
/// duplicate keys, non-scalar keys, merge keys, non-core tags, depth and alias-expansion limits.
struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var mapping = YAMLMapping()
        var pendingKey: YAMLNode?
        var skipValue = false
    }

    private static let scalarTags: Set<CoreTag> = [.str, .int, .float, .bool, .null]
    private static let mappingTags: Set<CoreTag> = [.map]
    private static let sequenceTags: Set<CoreTag> = [.seq]

    let file: SourceFileID
    let limits: YAMLLimits
    private(set) var stopped = false
    private var diagnostics: [Diagnostic] = []
    private var documents: [YAMLDocument] = []
    private var stack: [Frame] = []
    private var root: YAMLNode?
    private var documentStart = SourceLocation(line: 1, column: 1)
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var sizes: [Int] = []
    private var duplicateCount = 0
    static let duplicateReportLimit = 100
    private var nodeCount = 0

    init(file: String, limits: YAMLLimits) {
        self.file = SourceFileID(file)
        self.limits = limits
    }

    mutating func finish() -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
        (documents, diagnostics)
    }

    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        stopped = true
    }

    mutating func documentStart(at location: SourceLocation) {
        documentStart = location
        root = nil
        anchors = [:]
        nodeCount = 0
        stack.removeAll(keepingCapacity: true)
        sizes.removeAll(keepingCapacity: true)
    }

    mutating func documentEnd(at location: SourceLocation) {
        documents.append(YAMLDocument(root: root, range: SourceRange(file: file, start: documentStart, end: location)))
    }

    mutating func scalar(
        _ value: String, style: YAMLScalar.Style, tag: String?, anchor: String?,
        start: SourceLocation, end: SourceLocation
    ) {
        let range = SourceRange(file: file, start: start, end: end)
        guard let coreTag = checkTag(tag, at: range, allowed: Self.scalarTags) else { return }
        let node = YAMLNode(content: .scalar(YAMLScalar(value: value, style: style, explicitCoreTag: coreTag.tag)),
                            range: range, tag: coreTag.uri)
        complete(node, size: 1, newNodes: 1, anchor: anchor)
    }

    mutating func alias(_ name: String?, start: SourceLocation, end: SourceLocation) {
        let range = SourceRange(file: file, start: start, end: end)
        guard let name, let target = anchors[name] else {
            fail(Diagnostic(id: "yaml.unknown-anchor", YAMLMessage.unknownAnchor(["name": .text(name ?? "")]), range: range))
            return
        }
        var node = target.node
        node.range = range
        complete(node, size: target.size, newNodes: target.size, anchor: nil)
    }

    mutating func collectionStart(isMapping: Bool, tag: String?, anchor: String?, at start: SourceLocation) {
        let range = SourceRange(file: file, at: start)
        guard let coreTag = checkTag(tag, at: range, allowed: isMapping ? Self.mappingTags : Self.sequenceTags) else {
            return
        }
        if stack.count >= limits.maxDepth {
            fail(Diagnostic(
                id: "yaml.too-deep",
                YAMLMessage.tooDeep(["limit": .number(limits.maxDepth)]),
                range: range,
                notes: [Note(YAMLMessage.tooDeepNote())]))
            return
        }
        // A collection counts as one node from its start; its children count as they complete.
        guard count(newNodes: 1, at: range) else { return }
        stack.append(Frame(isMapping: isMapping, start: start, tag: coreTag.uri, anchor: anchor))
        sizes.append(1)
    }

    mutating func collectionEnd(at end: SourceLocation) {
        guard let frame = stack.popLast(), let size = sizes.popLast() else { return }
        let range = SourceRange(file: file, start: frame.start, end: end)
        let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.mapping) : .sequence(frame.items)
        complete(YAMLNode(content: content, range: range, tag: frame.tag), size: size, newNodes: 0, anchor: frame.anchor)
    }

    // MARK: - Placing a finished node

    /// Adds `newNodes` to the document's node count; reports and stops when it passes the limit.
    private mutating func count(newNodes: Int, at range: SourceRange) -> Bool {
        nodeCount += newNodes
        guard nodeCount > limits.maxNodes else { return true }
        fail(Diagnostic(
            id: "yaml.too-many-nodes",
            YAMLMessage.tooManyNodes(["limit": .number(limits.maxNodes)]),
            range: range,
            notes: [Note(YAMLMessage.tooManyNodesNote())]))
        return false
    }

    /// Places a finished node of `size` nodes (itself and all it holds) in its parent; `newNodes`
    /// of them were not counted before (a collection's own node and children are counted earlier).
    private mutating func complete(_ node: consuming YAMLNode, size: Int, newNodes: Int, anchor: String?) {
        guard newNodes == 0 || count(newNodes: newNodes, at: node.range) else { return }
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        sizes[sizes.count - 1] += size
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey.take() else {
            acceptKey(node, frame: top)
            return
        }
        if stack[top].skipValue {
            stack[top].skipValue = false
            return
        }
        let keyText = key.scalar?.value ?? ""
        let keyRange = key.range
        if let first = stack[top].mapping.insert(YAMLMapping.Pair(key: key, value: node, keyText: keyText)) {
            duplicateCount += 1
            // A hostile file can repeat a key a million times: report the first hundred, then one line.
            guard duplicateCount <= Self.duplicateReportLimit else {
                if duplicateCount == Self.duplicateReportLimit + 1 {
                    diagnostics.append(Diagnostic(
                        id: "yaml.duplicate-key", YAMLMessage.moreDuplicateKeys(["limit": .number(Self.duplicateReportLimit)]),
                        range: keyRange))
                }
                return
            }
            diagnostics.append(Diagnostic(
                id: "yaml.duplicate-key",
                YAMLMessage.duplicateKey(["key": .text(keyText)]),
                range: keyRange,
                notes: [Note(YAMLMessage.firstDefinedHere(), at: stack[top].mapping.pairs[first].key.range)]))
        }
    }

    private mutating func acceptKey(_ key: consuming YAMLNode, frame top: Int) {
        stack[top].pendingKey = key
        guard let scalar = key.scalar else {
            diagnostics.append(Diagnostic(
                id: "yaml.complex-key", YAMLMessage.complexKey(["kind": .message(key.kindText)]),
                range: key.range))
            stack[top].skipValue = true
            return
        }
        if scalar.style == .plain, scalar.value == "<<" {
            diagnostics.append(Diagnostic(
                id: "yaml.merge-key", YAMLMessage.mergeKey(),
                range: key.range, notes: [Note(YAMLMessage.mergeKeyNote())]))
            stack[top].skipValue = true
        }
    }

    /// Accepts no tag or one of the allowed core tags; anything else is an error.
    private mutating func checkTag(
        _ tag: String?, at range: SourceRange, allowed: Set<CoreTag>
    ) -> (tag: CoreTag?, uri: String?)? {
        guard let tag, tag != "!" else { return (nil, nil) }
        if let core = CoreTag(uri: tag), allowed.contains(core) { return (core, tag) }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        diagnostics.append(Diagnostic(
            id: "yaml.unsupported-tag",
            YAMLMessage.unsupportedTag(["tag": .text(shown)]),
            range: range,
            notes: [Note(YAMLMessage.unsupportedTagNote())]))
        return (nil, nil)
    }
}
