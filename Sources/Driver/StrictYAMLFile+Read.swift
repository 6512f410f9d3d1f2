public import YAMLLoader

extension StrictYAMLFile {
    /// Reads `path` (no more than `limits.maxBytes` + 1 bytes: a larger file is refused by the
    /// loader with a located `yaml.too-large`) and loads it strictly. A file that cannot be read
    /// gives one `<domain>.unreadable` error naming the file and why, e.g.
    /// `b.yml: error: cannot read the baseline file: no such file`.
    public static func load(path: String, limits: YAMLLimits = .default, domain: String, what: String) -> StrictYAMLFile {
        do {
            let bytes = try FileSystem.read(path, limit: limits.maxBytes)
            return StrictYAMLFile(bytes: bytes, path: path, limits: limits, domain: domain, what: what)
        } catch {
            return StrictYAMLFile(unreadable: path, reason: error.reason, domain: domain, what: what)
        }
    }
}
