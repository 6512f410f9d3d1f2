import JSONText

internal import Diagnostics

/// SARIF 2.1.0 as GitHub code scanning reads it: one run, `tool.driver.rules` for the rules
/// used, results with repository-relative locations and full regions, stable
/// `partialFingerprints`, `automationDetails` and `columnKind: unicodeCodePoints`.
///
/// Findings that belong to no file cannot be code-scanning alerts; they become
/// `invocations[0].toolExecutionNotifications` instead.
public struct SARIFReporter: Reporter {
    /// `sarif`.
    public static let identifier = "sarif"
    /// The `$schema` written at the top of the log.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `uriBaseId` every repository-relative URI is resolved against.
    public static let sourceRootBaseID = "%SRCROOT%"

    /// The `automationDetails.id`: category `subsidy/lint`, run id left to code scanning.
    public var automationID: String

    /// Creates a SARIF reporter.
    public init(automationID: String = "subsidy/lint/") {
        self.automationID = automationID
    }

    /// The SARIF log, pretty-printed, ending in a newline.
    public func report(_ findings: [Finding], context: ReportContext) -> String {
        let sorted = findings.sortedForReport()
        let located = sorted.filter { $0.file != nil }
        let unlocated = sorted.filter { $0.file == nil }
        let rules = usedRules(located, context: context)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let artifacts = ArtifactTable(located, context: context)
        let fingerprints = Fingerprint.compute(
            for: located, paths: { artifacts.location(of: $0).fingerprintPath }, sources: context.sources)

        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", driver(rules, context: context))])),
            ("automationDetails", .object([("id", .string(automationID))])),
        ]
        if let root = context.repositoryRoot {
            let base = JSONValue.object([("uri", .string(RepositoryPath.fileURI(root, directory: true)))])
            run.append(("originalUriBaseIds", .object([(Self.sourceRootBaseID, base)])))
        }
        run.append(("artifacts", .array(artifacts.uris.map { artifacts.json(for: $0, withIndex: false) })))
        run.append(("invocations", .array([invocation(unlocated, inputErrors: context.inputErrors.sortedForReport())])))
        run.append(("columnKind", .string("unicodeCodePoints")))
        let results = located.enumerated().map { index, finding in
            result(
                finding, ruleIndex: ruleIndex[finding.ruleID] ?? 0, fingerprint: fingerprints[index],
                artifacts: artifacts, context: context)
        }
        run.append(("results", .array(results)))

        return JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).rendered()
    }

    /// One descriptor per rule id that occurs, sorted by id, each at the level of its summary.
    private func usedRules(_ findings: [Finding], context: ReportContext) -> [RuleSummary] {
        var firstLevel: [String: Severity] = [:]
        for finding in findings where firstLevel[finding.ruleID] == nil {
            firstLevel[finding.ruleID] = finding.level
        }
        return firstLevel.keys.sorted().map { id in context.rule(id, level: firstLevel[id] ?? .warning) }
    }

    private func driver(_ rules: [RuleSummary], context: ReportContext) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(context.toolName)),
            ("version", .string(context.version)),
            ("semanticVersion", .string(context.version)),
        ]
        if let uri = context.informationURI { pairs.append(("informationUri", .string(uri))) }
        pairs.append(("rules", .array(rules.map(descriptor))))
        return .object(pairs)
    }

    private func descriptor(_ rule: RuleSummary) -> JSONValue {
        var tags: [String] = []
        for tag in rule.tags where !tags.contains(tag) && tags.count < 20 { tags.append(tag) }
        var pairs: [(String, JSONValue)] = [
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.shortDescription))])),
            ("fullDescription", .object([("text", .string(rule.fullDescription))])),
        ]
        if let uri = rule.helpURI { pairs.append(("helpUri", .string(uri))) }
        pairs += [
            ("help", .object([("text", .string(rule.helpText)), ("markdown", .string(rule.helpMarkdown))])),
            ("defaultConfiguration", .object([("level", .string(rule.defaultLevel.rawValue))])),
            (
                "properties",
                .object([
                    ("tags", .array(tags.map(JSONValue.string))),
                    ("precision", .string("high")),
                    (
                        "problem.severity",
                        .string(rule.defaultLevel == .note ? "recommendation" : rule.defaultLevel.rawValue)
                    ),
                ])
            ),
        ]
        return .object(pairs)
    }

    /// The run's invocation: unsuccessful when an input could not be read; file-less findings and
    /// unread inputs as `toolExecutionNotifications` (an unread input names its path in the text).
    private func invocation(_ unlocated: [Finding], inputErrors: [Finding]) -> JSONValue {
        let notifications = unlocated.map { finding in
            JSONValue.object([
                ("descriptor", .object([("id", .string(finding.ruleID))])),
                ("level", .string(finding.level.rawValue)),
                ("message", .object([("text", .string(messageText(finding)))])),
            ])
        } + inputErrors.map { error in
            JSONValue.object([
                ("descriptor", .object([("id", .string(error.ruleID))])),
                ("level", .string(error.level.rawValue)),
                ("message", .object([("text", .string((error.file.map { $0 + ": " } ?? "") + messageText(error)))])),
            ])
        }
        var pairs: [(String, JSONValue)] = [("executionSuccessful", .bool(inputErrors.isEmpty))]
        if !notifications.isEmpty { pairs.append(("toolExecutionNotifications", .array(notifications))) }
        return .object(pairs)
    }

    private func result(
        _ finding: Finding, ruleIndex: Int, fingerprint: String, artifacts: ArtifactTable, context: ReportContext
    ) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("ruleId", .string(finding.ruleID)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(finding.level.rawValue)),
            ("message", .object([("text", .string(messageText(finding)))])),
            (
                "locations",
                .array([
                    physicalLocation(finding.range, artifacts: artifacts, context: context)
                ])
            ),
            ("partialFingerprints", .object([("primaryLocationLineHash", .string(fingerprint))])),
        ]
        let related = finding.notes.filter { $0.range != nil }.enumerated().map { index, note in
            JSONValue.object(
                [
                    ("id", .int(index + 1)),
                    ("message", .object([("text", .string(note.message))])),
                ] + physicalLocationPairs(note.range, artifacts: artifacts, context: context))
        }
        if !related.isEmpty { pairs.append(("relatedLocations", .array(related))) }
        return .object(pairs)
    }

    private func physicalLocation(_ range: SourceRange?, artifacts: ArtifactTable, context: ReportContext) -> JSONValue
    {
        .object(physicalLocationPairs(range, artifacts: artifacts, context: context))
    }

    private func physicalLocationPairs(
        _ range: SourceRange?, artifacts: ArtifactTable, context: ReportContext
    ) -> [(String, JSONValue)] {
        guard let range else { return [] }
        let artifact = artifacts.json(for: artifacts.location(of: range.file).uri, withIndex: true)
        let region = Self.region(range, sources: context.sources)
        return [
            (
                "physicalLocation",
                .object([
                    ("artifactLocation", artifact),
                    (
                        "region",
                        .object([
                            ("startLine", .int(region.startLine)),
                            ("startColumn", .int(region.startColumn)),
                            ("endLine", .int(region.endLine)),
                            ("endColumn", .int(region.endColumn)),
                        ])
                    ),
                ])
            )
        ]
    }

    /// The region of `range`; a file-level range (line 0) becomes the whole first line, since
    /// code scanning needs a line to show an alert.
    static func region(_ range: SourceRange, sources: [String: SourceText]) -> ReportRegion {
        guard range.start.line < 1 else { return ReportRegion(range, sources: sources) }
        let length = sources[range.file]?.line(1)?.unicodeScalars.count ?? 0
        let firstLine = SourceRange(
            file: range.file, start: SourceLocation(line: 1, column: 1),
            end: SourceLocation(line: 1, column: length + 1))
        return ReportRegion(firstLine, sources: sources)
    }

    /// The message with no-place notes and per-finding help on the lines after the verdict.
    /// The verdict (the first line) gets a full stop when more follows, so code scanning takes it
    /// alone as the alert title.
    func messageText(_ finding: Finding) -> String {
        var lines = [finding.headline]
        let rest = finding.message.dropFirst(finding.headline.count).drop(while: \.isNewline)
        if !rest.isEmpty { lines.append(String(rest)) }
        lines += finding.notes.filter { $0.range == nil }.map { "note: " + $0.message }
        if let help = finding.help { lines.append("help: " + help) }
        if lines.count > 1, let last = lines[0].last, !".!?".contains(last) { lines[0] += "." }
        return lines.joined(separator: "\n")
    }
}
