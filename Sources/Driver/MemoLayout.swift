import Engine

/// What a memo is made of, and how each style lays it out: shared by the English memo
/// (``ClassificationMemo``) and the Russian one (``RussianMemo``), which differ only in their words.
enum MemoBlock {
    case heading(Int, String)
    case paragraph(String)
    case list([String])
    case warning(String)

    /// Markdown: blocks separated by blank lines. Text: headings flush left, the rest indented.
    /// `warning` is the language's label of a warning, as Markdown shows it (in bold) and as text does.
    static func write(_ blocks: [MemoBlock], style: ClassificationMemo.Style, warning: (markdown: String, text: String)) -> String {
        switch style {
        case .markdown:
            return blocks.map { block -> String in
                switch block {
                case .heading(let level, let text): String(repeating: "#", count: level) + " " + text + "\n"
                case .paragraph(let text): text + "\n"
                case .list(let items): items.map { "- " + $0 + "\n" }.joined()
                case .warning(let text): "> **\(warning.markdown)** " + text + "\n"
                }
            }.joined(separator: "\n")
        case .text:
            var out = ""
            for block in blocks {
                switch block {
                case .heading(1, let text): out += text + "\n"
                case .heading(2, let text): out += "\n" + text.uppercased() + "\n"
                case .heading(_, let text): out += "\n" + text + "\n"
                case .paragraph(let text): out += "  " + text + "\n"
                case .list(let items): out += items.map { "    - " + $0 + "\n" }.joined()
                case .warning(let text): out += "  " + warning.text + " " + text + "\n"
                }
            }
            return out
        }
    }
}

/// The exceptions weighed against the deciding rules, grouped as a memo shows them: each on a line,
/// except the listed exemptions the measure does not claim, those of other member states, and the
/// provisions not in force on the date (unless `verbose`), which are counted.
struct ConsideredGroups {
    var shown: [ConsideredException] = []
    var unclaimed: [ConsideredException] = []
    var otherMembers: [ConsideredException] = []
    /// Provisions that lapsed before the date, and those not yet in force on it.
    var lapsed = 0, notYet = 0

    init(_ items: [ConsideredException], verbose: Bool) {
        func failsOn(_ path: String, _ item: ConsideredException) -> Bool {
            if item.isExemption, case .failed(.test(_, path: path?, _, _, _)) = item.because { return true }
            return false
        }
        for item in items {
            if failsOn("transitional_measures", item) {
                unclaimed.append(item)
            } else if failsOn("member_state", item) {
                otherMembers.append(item)
            } else if !verbose, item.status == .notInForce {
                if case .notInForce(let range, let date) = item.because, range.from > date { notYet += 1 } else { lapsed += 1 }
            } else {
                shown.append(item)
            }
        }
    }
}
