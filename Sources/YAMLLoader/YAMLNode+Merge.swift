import Diagnostics

extension YAMLNode {
    /// `overlay` laid over `self`: mappings merge key by key (recursively), anything else is replaced.
    /// Used to build example measures from fixtures.
    public func merged(with overlay: YAMLNode) -> YAMLNode {
        guard let base = mapping, let top = overlay.mapping else { return overlay }
        var result = YAMLMapping()
        for pair in base.pairs {
            var pair = pair
            if let replacement = top.pair(pair.keyText) {
                pair.value = pair.value.merged(with: replacement.value)
            }
            _ = result.insert(pair)
        }
        for pair in top.pairs where base.pair(pair.keyText) == nil {
            _ = result.insert(pair)
        }
        return YAMLNode(content: .mapping(result), range: overlay.range, tag: overlay.tag)
    }

    /// A copy of a mapping node with `key` set to a plain scalar `value` when the key is absent.
    public func withDefault(_ key: String, _ value: String) -> YAMLNode {
        guard var m = mapping, m.pair(key) == nil else { return self }
        let keyNode = YAMLNode(content: .scalar(YAMLScalar(value: key, style: .plain)), range: range)
        let valueNode = YAMLNode(content: .scalar(YAMLScalar(value: value, style: .doubleQuoted)), range: range)
        _ = m.insert(YAMLMapping.Pair(key: keyNode, value: valueNode, keyText: key))
        return YAMLNode(content: .mapping(m), range: range, tag: tag)
    }
}
