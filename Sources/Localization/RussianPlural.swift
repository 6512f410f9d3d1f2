/// The three forms a Russian noun takes after a cardinal number.
public enum RussianPluralForm: Sendable, Equatable {
    /// After 1, 21, 31, ... 101 (not 11): «1 вопрос», «21 вопрос».
    case one
    /// After 2-4, 22-24, ... (not 12-14): «2 вопроса».
    case few
    /// After 0, 5-20, 25-30, ... and 11-14 in any hundred: «5 вопросов», «11 вопросов», «112 вопросов».
    case many

    /// The form for `count`; the sign does not matter.
    public init(count: Int) {
        let n = count.magnitude
        let lastTwo = n % 100
        let last = n % 10
        if (11...14).contains(lastTwo) {
            self = .many
        } else if last == 1 {
            self = .one
        } else if (2...4).contains(last) {
            self = .few
        } else {
            self = .many
        }
    }
}

/// A noun with its three forms after numbers, e.g. вопрос / вопроса / вопросов.
public struct RussianNoun: Sendable, Equatable {
    public var one: String
    public var few: String
    public var many: String

    public init(one: String, few: String, many: String) {
        self.one = one
        self.few = few
        self.many = many
    }

    /// The form that goes with `count`.
    public func form(for count: Int) -> String {
        switch RussianPluralForm(count: count) {
        case .one: one
        case .few: few
        case .many: many
        }
    }

    /// The number and the noun: «1 вопрос», «2 вопроса», «11 вопросов».
    public func counted(_ count: Int) -> String { "\(count) \(form(for: count))" }
}

extension RussianNoun {
    /// The nouns the memo, lint and rules check count.
    public static let question = RussianNoun(one: "вопрос", few: "вопроса", many: "вопросов")
    public static let rule = RussianNoun(one: "правило", few: "правила", many: "правил")
    public static let finding = RussianNoun(one: "замечание", few: "замечания", many: "замечаний")
    public static let error = RussianNoun(one: "ошибка", few: "ошибки", many: "ошибок")
    public static let warning = RussianNoun(one: "предупреждение", few: "предупреждения", many: "предупреждений")
    public static let note = RussianNoun(one: "примечание", few: "примечания", many: "примечаний")
    public static let file = RussianNoun(one: "файл", few: "файла", many: "файлов")
    public static let measure = RussianNoun(one: "мера", few: "меры", many: "мер")
    public static let day = RussianNoun(one: "день", few: "дня", many: "дней")
    public static let table = RussianNoun(one: "таблица", few: "таблицы", many: "таблиц")
    public static let provision = RussianNoun(one: "положение", few: "положения", many: "положений")
    public static let notification = RussianNoun(one: "уведомление", few: "уведомления", many: "уведомлений")
    public static let obligation = RussianNoun(one: "обязанность", few: "обязанности", many: "обязанностей")
    public static let calendar = RussianNoun(one: "календарь", few: "календаря", many: "календарей")
}
