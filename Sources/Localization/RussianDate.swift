public import Measures

/// Dates as Russian legal texts write them: «1 июля 2016 г.» (day without a leading zero, the
/// month in the genitive, «г.» after the year).
public enum RussianDate {
    /// The months in the genitive case, January first.
    public static let genitiveMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]

    /// «1 июля 2016 г.».
    public static func format(_ date: CalendarDate) -> String {
        "\(date.day) \(genitiveMonths[date.month - 1]) \(date.year) г."
    }

    /// An ISO date (`2016-07-01`) as «1 июля 2016 г.»; `nil` when the text is not a valid day.
    public static func format(iso text: String) -> String? {
        CalendarDate(text).map(format)
    }
}
