import Driver
@testable import Engine
import Foundation
import Measures
import RuleCompiler
import FastPath
import Testing
import YAMLLoader

/// The engine's fast paths checked against the plain way of computing the same thing, on the
/// built-in corpus and a few hundred generated measures: question ranking by answer worlds (all
/// answers evaluated at once, bit-parallel) against trying each answer alone; choice bits worked
/// out while decoding against bits worked out from the values; packed HS code lists against
/// comparing the codes as text.
@Suite("Fast paths agree with the plain computation")
struct FastPathEquivalenceTests {
    static let graph = RuleCorpusLoader.load(directory: nil).graph!
    static let classifier = Classifier(graph: graph)
    static let dates = ["2014-06-30", "2016-07-01", "2019-01-01", "2026-11-29"].map { CalendarDate($0)! }

    /// Measures to check: every example measure and 300 generated ones (fixed seed).
    static let measures: [Measure] = {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/measures").path
        let read = MeasureReader(vocabulary: Self.graph.vocabulary).read([examples]).measures
        var generator = MeasureGenerator(seed: 20261129)
        // Questions' outcomes are left out (`detail: .withoutOutcomes`): they cost a search per answer and are
        // compared with the reference in ReferenceEquivalenceTests.
        return read + (0..<300).compactMap { _ in generator.next() }
    }()

    @Test func theExamplesAndMostGeneratedMeasuresDecode() {
        // 23 example measures; a generated one is dropped only when its random dates are inconsistent.
        #expect(Self.measures.count >= 23 + 250)
    }

    @Test("ranked questions equal trying each answer to each unknown fact alone")
    func rankingMatchesBruteForce() {
        var undetermined = 0
        for measure in Self.measures {
            for asOf in Self.dates {
                let classification = Self.classifier.classify(measure, asOf: asOf, detail: .withoutOutcomes)
                for (k, verdict) in classification.verdicts.enumerated() {
                    guard let expected = Self.bruteForceQuestions(measure, asOf: asOf, regime: k) else {
                        #expect(verdict.category != .undetermined)
                        continue
                    }
                    // Settled before undetermined: every answer leads to one category (ReferenceEquivalenceTests).
                    guard verdict.category == .undetermined else { continue }
                    undetermined += 1
                    if expected.isEmpty {
                        // No unknown fact decides it: the facts stated too broadly are asked instead
                        // (an HS code broader than a listed line; the set is checked against the reference).
                        #expect(verdict.questions.allSatisfy { measure[$0.fact].value != .unknown }, "\(measure.id) \(asOf)")
                        continue
                    }
                    let got = verdict.questions.map { "\($0.fact)\($0.settles ? " (settles)" : "")" }
                    #expect(got == expected, "\(measure.id) \(verdict.regime) \(asOf)")
                }
            }
        }
        // The check means something only if many verdicts were undetermined.
        #expect(undetermined > 200)
    }

    @Test("a measure's fact cells equal the cells worked out from its values, slot by slot")
    func factCellsMatchValues() {
        let program = Self.graph.program
        let layout = program.layout
        // Slots whose omitted value the contract defaults (see `FactVector.init`) are checked elsewhere.
        let defaulted: Set<Int> = [layout.transitionalMeasures, layout.contractsConcluded]
        var checked = 0
        for measure in Self.measures {
            let facts = FactVector(measure: measure, graph: Self.graph)
            for (slot, value) in measure.factValues.enumerated() where !(defaulted.contains(slot) && value == .unknown) {
                #expect(facts.cells[slot] == EvalProgram.cell(value, domain: program.domains[slot]), "\(measure.id) slot \(slot)")
                checked += 1
            }
        }
        // Every kind of cell source is met: choice bits from decoding, text without a domain, text the rules name.
        let sources = Set(program.cellSources.map(\.rawValue))
        #expect(sources == Set([EvalProgram.CellSource.contractBits, .none, .values].map(\.rawValue)))
        #expect(checked > 1000)
    }

    @Test("rule sets as bits hold the rules their lists hold (blockers; exemptions by rule they suspend)")
    func ruleSetsMatchLists() {
        let plan = Self.classifier.plan
        let rules = Self.graph.rules
        func members(_ words: UncheckedView<UInt64>) -> Set<Int> {
            Set((0..<rules.count).filter { words[$0 / 64] & (1 << UInt64($0 % 64)) != 0 })
        }
        var suspending = 0
        for (r, rule) in rules.enumerated() {
            #expect(members(plan.blockerSets[r]) == Set(rule.blockers), "\(rule.id)")
            let suspenders = Set(rules.indices.filter { rules[$0].suspends.contains(r) })
            #expect(members(plan.suspendedBy[r]) == suspenders, "\(rule.id)")
            suspending += suspenders.count
        }
        #expect(suspending > 0)
        #expect(rules.contains { !$0.blockers.isEmpty })
    }

    @Test("packed HS code lists match codes as text does")
    func hsCodeListsMatchText() throws {
        // (Some of a chapter no list has, with letters or too many digits after it.)
        var codes = Set<String>([
            "", "0", "01", "1", "99", "0101", "010121", "01012190", "8703", "87", "870321", "8799", "ab", "99ab", "9a",
            "9912345678901234", "991234567890123",
        ])
        for table in Self.graph.tables where !table.codes.isEmpty {
            for code in table.codes {
                codes.insert(code)
                codes.insert(String(code.prefix(2)))
                codes.insert(String(code.prefix(3)))
                codes.insert(code + "10")
                codes.insert(code + "9")
            }
        }
        // The plain rule: true when an entry is a prefix of the code, unknown when the code is a
        // prefix of an entry (broader than it), else false. Codes a measure can give are 2, 4 or 6
        // digits; table entries 2 to 10 digits (both checked by the decoders).
        func text(_ code: String, _ entries: [String]) -> TriValue {
            if entries.contains(where: code.hasPrefix) { return .true }
            return entries.contains { $0.hasPrefix(code) } ? .unknown : .false
        }
        var checked = 0
        for (index, table) in Self.graph.tables.enumerated() where !table.codes.isEmpty {
            let list = try #require(Self.graph.program.hsTables[index])
            for code in codes {
                if let packed = list.match(code) {
                    guard !code.isEmpty, code.count % 2 == 0 else { continue }  // not a code a measure can give
                    #expect(packed == text(code, table.codes), "\(code) in \(table.definition.id)")
                    checked += 1
                } else {
                    #expect(code.contains { !$0.isNumber } || code.count > 15, "only codes that are not digits fall back: \(code)")
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func classifyingTwiceGivesTheSameResult() {
        // Workspaces are reused between classifications: nothing of one measure may leak into the next.
        for asOf in Self.dates {
            let first = Self.measures.map { Self.summary(Self.classifier.classify($0, asOf: asOf, detail: .withoutOutcomes)) }
            let again = Self.measures.reversed().map { Self.summary(Self.classifier.classify($0, asOf: asOf, detail: .withoutOutcomes)) }
            #expect(first == Array(again.reversed()))
        }
    }

    @Test("shared rule lists equal those worked out afresh; words given with a reason are its words")
    func sharedWordsAndListsEqualFreshOnes() {
        // Workspaces share a verdict's rule lists between measures, and some reasons come worded.
        for asOf in Self.dates {
            for (i, measure) in Self.measures.enumerated() {
                let shared = Self.classifier.classify(measure, asOf: asOf, detail: .withoutOutcomes)
                for verdict in shared.verdicts {
                    for e in verdict.considered {
                        #expect(e.reason == e.because.text, "\(measure.id) \(asOf) \(e.rule)")
                    }
                }
                if i % 10 == 0 {  // a classifier of its own starts with nothing shared
                    let fresh = Classifier(graph: Self.graph).classify(measure, asOf: asOf, detail: .withoutOutcomes)
                    #expect(Self.summary(shared) == Self.summary(fresh), "\(measure.id) \(asOf)")
                }
            }
        }
    }

    /// A classification's outcome as text: every verdict with its rules, exemption, questions,
    /// exceptions considered (worded), facts read and notes, and the obligations.
    static func summary(_ c: Classification) -> String {
        var lines: [String] = []
        for v in c.verdicts {
            lines.append("\(v.regime): \(v.category) \(v.grounds) \(v.rules) \(v.citations) \(v.unverified)")
            lines.append("  exemption \(v.exemption.map { "\($0.rule) \($0.until?.description ?? "-")" } ?? "-")")
            lines.append("  questions \(v.questions.map { "\($0.fact)/\($0.rule)/\($0.settles)" })")
            lines.append("  exemption questions \(v.exemptionQuestions.map(\.fact))")
            lines.append("  considered \(v.considered.map { "\($0.rule) \($0.status.rawValue): \($0.reason)" })")
            lines.append("  read \(v.factsRead.map { "\($0.path)=\($0.value)" }) locate \(v.locate?.path ?? "-")")
            lines.append("  notes \(v.notes.map { "\($0.rule) \($0.met)" })")
        }
        lines.append("obligations \(c.obligations.map { "\($0.rule) \($0.nextDue?.description ?? "-")" })")
        return lines.joined(separator: "\n")
    }

    /// The questions of regime `k`'s verdict worked out the plain way: every unknown fact, every
    /// answer tried on its own in a fresh evaluation. `nil` when the verdict is not undetermined.
    static func bruteForceQuestions(_ measure: Measure, asOf: CalendarDate, regime k: Int) -> [String]? {
        let facts = FactVector(measure: measure, graph: graph)
        let regime = classifier.plan.regimes[k]
        var evaluation = Evaluation(graph: graph, facts: facts, asOf: asOf)
        var baseline: [TriValue] = [], deciding: [Int] = [], possible: [Int] = []
        classifier.applications(regime, &evaluation, into: &baseline)
        guard classifier.decide(regime, baseline, deciding: &deciding, possible: &possible) == nil else { return nil }
        var scored: [(slot: Int, ratio: Double, all: Bool)] = []
        for slot in graph.factPaths.indices where facts.isUnknown(slot) {
            var answers = graph.answers[slot]
            let type = graph.vocabulary.factFields.first { $0.path == graph.factPaths[slot] }?.field.type
            if type == .date {
                for d in [asOf, asOf.adding(days: -1)] where !answers.contains(.date(d)) { answers.append(.date(d)) }
            }
            guard !answers.isEmpty else { continue }
            var settled = 0
            var relevant = false
            for answer in answers {
                var trial = Evaluation(graph: graph, facts: facts.setting(slot, to: answer, program: graph.program), asOf: asOf)
                var applies: [TriValue] = []
                classifier.applications(regime, &trial, into: &applies)
                if classifier.decide(regime, applies, deciding: &deciding, possible: &possible) != nil { settled += 1 }
                if applies != baseline { relevant = true }
            }
            if relevant { scored.append((slot, Double(settled) / Double(answers.count), settled == answers.count)) }
        }
        scored.sort { a, b in
            if a.all != b.all { return a.all }
            if a.ratio != b.ratio { return a.ratio > b.ratio }
            return a.slot < b.slot
        }
        return scored.map { "\(graph.factPaths[$0.slot])\($0.all ? " (settles)" : "")" }
    }
}

/// Writes valid measure files with random facts (a fixed-seed generator, so runs repeat), each
/// fact omitted, unknown or given, and decodes them.
struct MeasureGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func random(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[random(items.count)] }

    mutating func next() -> Measure? {
        var lines = ["id: GEN-\(random(1_000_000))", "title: generated", "member_state: \(pick(["AM", "BY", "KG", "KZ", "RU"]))"]
        var tree: [String: Any] = [:]
        for (path, field) in FastPathEquivalenceTests.graph.vocabulary.factFields where !["id", "title", "member_state"].contains(path) {
            guard random(4) != 0, var value = value(field.type) else { continue }
            // A number within its declared bounds (research_share is a percentage).
            if field.type == .number, let high = field.maximum {
                value = pick(["0", "5", "10", "50", String(Int(high)), "unknown"])
            }
            // A list whose choices constrain one another (none stands alone): one choice.
            if case .choiceList(let allowed) = field.type, !field.standsAlone.isEmpty || !field.combinesOnly.isEmpty {
                value = "[" + pick(allowed) + "]"
            }
            // Keep the measure consistent: a period that ends after it starts, and export tax
            // remission facts only with that form.
            if path == "period.until" { value = "2031-12-31" }
            if path.hasPrefix("export_tax_remission") { continue }
            insert(value, at: path.split(separator: ".").map(String.init), into: &tree)
        }
        render(tree, indent: "", into: &lines)
        let text = lines.joined(separator: "\n") + "\n"
        let loaded = YAMLLoader().load(text, file: "generated.yaml")
        guard let document = loaded.documents.first else { return nil }
        return MeasureDecoder(vocabulary: FastPathEquivalenceTests.graph.vocabulary).decode(document, file: "generated.yaml").measure
    }

    private mutating func value(_ type: MeasureSchema.FieldType) -> String? {
        switch type {
        case .triState: return pick(["true", "false", "unknown"])
        case .choice(let allowed): return pick(allowed)
        case .choiceList(let allowed):
            let items = Set((0...random(3)).map { _ in pick(allowed) })
            return "[" + items.sorted().joined(separator: ", ") + "]"
        case .date: return String(format: "%04d-%02d-%02d", 2005 + random(25), 1 + random(12), 1 + random(28))
        case .number: return pick(["0", "5", "10", "50", "150000", "500000", "unknown"])
        case .hsList: return "[" + Set((0...random(2)).map { _ in pick(["\"01\"", "\"0101\"", "\"1001\"", "\"8703\"", "\"870321\"", "\"99\"", "\"2905\""]) }).sorted().joined(separator: ", ") + "]"
        case .textList: return "[" + pick(["machinery", "agriculture", "Almaty", "cars"]) + "]"
        case .countryList: return "[" + pick(["any", "EAEU", "RU", "KZ", "CN"]) + "]"
        case .claims:
            return random(2) == 0 ? "[]" : "[" + pick(FastPathEquivalenceTests.graph.vocabulary.claimable) + "]"
        case .text, .country, .currency, .group: return nil
        }
    }

    private func insert(_ value: String, at path: [String], into tree: inout [String: Any]) {
        guard path.count > 1 else {
            tree[path[0]] = value
            return
        }
        var child = tree[path[0]] as? [String: Any] ?? [:]
        insert(value, at: Array(path.dropFirst()), into: &child)
        tree[path[0]] = child
    }

    private func render(_ tree: [String: Any], indent: String, into lines: inout [String]) {
        for key in tree.keys.sorted() {
            if let child = tree[key] as? [String: Any] {
                lines.append("\(indent)\(key):")
                render(child, indent: indent + "  ", into: &lines)
            } else if let value = tree[key] as? String {
                lines.append("\(indent)\(key): \(value)")
            }
        }
    }
}
