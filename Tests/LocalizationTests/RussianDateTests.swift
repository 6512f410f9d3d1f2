import Localization
import Measures
import Testing

@Suite("Russian dates")
struct RussianDateTests {
    @Test func writesDatesAsLegalTextsDo() throws {
        let date = try #require(CalendarDate("2016-07-01"))
        #expect(RussianDate.format(date) == "1 июля 2016 г.")
        #expect(RussianDate.format(iso: "2018-04-17") == "17 апреля 2018 г.")
        #expect(RussianDate.format(iso: "2012-01-01") == "1 января 2012 г.")
    }

    static let months: [(String, String)] = [
        ("2026-01-31", "31 января 2026 г."), ("2024-02-29", "29 февраля 2024 г."),
        ("2026-03-01", "1 марта 2026 г."), ("2026-04-30", "30 апреля 2026 г."),
        ("2026-05-09", "9 мая 2026 г."), ("2026-06-12", "12 июня 2026 г."),
        ("2026-07-01", "1 июля 2026 г."), ("2026-08-22", "22 августа 2026 г."),
        ("2026-09-01", "1 сентября 2026 г."), ("2026-10-10", "10 октября 2026 г."),
        ("2015-11-30", "30 ноября 2015 г."), ("2026-12-01", "1 декабря 2026 г."),
    ]

    @Test(arguments: months)
    func everyMonthIsInTheGenitive(_ iso: String, _ expected: String) {
        #expect(RussianDate.format(iso: iso) == expected)
    }

    @Test func aDayThatDoesNotExistIsNoDate() {
        #expect(RussianDate.format(iso: "2026-02-30") == nil)
        #expect(RussianDate.format(iso: "1 July 2016") == nil)
    }
}
