public import Diagnostics

extension RussianCatalogue {
    /// `text` worded from the `messages` section (nested messages too; a key the catalogue lacks
    /// keeps its English, which `rules check` reports). Counts given with noun forms
    /// (`{count|ключ|ключа|ключей}`) take the form their number needs.
    public func word(_ text: MessageText) -> String {
        text.worded({ messages[$0]?.text }, count: { n, forms in
            guard forms.count == 3 else { return String(n) }
            return RussianNoun(one: forms[0], few: forms[1], many: forms[2]).counted(n)
        })
    }

    /// The diagnostic with its message and notes in Russian where they have a template; other
    /// messages (a rule compiler's, an operating system's) stay as they are.
    public func word(_ diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.worded { word($0) }
    }

    /// ``word(_:)-(Diagnostic)`` for each.
    public func word(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map(word)
    }
}
