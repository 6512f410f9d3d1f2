import Measures
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test(arguments: ["2026-02-30", "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                      "2026-01-00", "0000-01-01", "2026-1-01", "2026-01-1", "20260101", "2026/01/01",
                      "2026-01-01 ", "", "abcd-ef-gh", "２０２６-01-01"])
    func rejectsInvalidText(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-01-31", "2026-12-31", "1900-02-28", "9999-12-31"])
    func acceptsValidText(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
    }

    @Test func leapYears() {
        #expect(CalendarDate.isLeap(2024))
        #expect(CalendarDate.isLeap(2000))
        #expect(!CalendarDate.isLeap(2100))
        #expect(!CalendarDate.isLeap(1900))
        #expect(!CalendarDate.isLeap(2026))
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func dayNumberRoundTripsAndCountsEveryDayFrom1900To2100() throws {
        var previous = try #require(CalendarDate(year: 1900, month: 1, day: 1)).dayNumber - 1
        var days = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CalendarDate.daysIn(month: month, year: year) {
                    let date = try #require(CalendarDate(year: year, month: month, day: day))
                    #expect(date.dayNumber == previous + 1)
                    #expect(CalendarDate(dayNumber: date.dayNumber) == date)
                    previous = date.dayNumber
                    days += 1
                }
            }
        }
        // 201 years, 49 of them leap (1904...2096; 1900 and 2100 are not).
        #expect(days == 201 * 365 + 49)
    }

    @Test func daysBetween() throws {
        let a = try #require(CalendarDate("2024-02-28"))
        let b = try #require(CalendarDate("2024-03-01"))
        #expect(a.days(until: b) == 2)
        #expect(a.adding(days: 2) == b)
        #expect(b.adding(days: -2) == a)
    }

    @Test(arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2024-03-31", -1, "2024-02-29"),
        ("2024-05-31", 1, "2024-06-30"), ("2024-12-15", 1, "2025-01-15"), ("2024-01-15", -1, "2023-12-15"),
        ("2024-02-29", 12, "2025-02-28"), ("2026-07-01", 0, "2026-07-01"), ("2026-07-01", 54, "2031-01-01"),
    ])
    func addingMonthsClampsToTheMonthEnd(_ start: String, _ months: Int, _ expected: String) throws {
        let date = try #require(CalendarDate(start))
        #expect(date.adding(months: months).description == expected)
    }

    @Test func addingYearsFromALeapDay() throws {
        let date = try #require(CalendarDate("2024-02-29"))
        #expect(date.adding(years: 4).description == "2028-02-29")
        #expect(date.adding(years: 1).description == "2025-02-28")
    }

    @Test func ordering() throws {
        let dates = try ["2026-07-01", "2012-01-01", "2026-06-30", "2030-12-31"].map { try #require(CalendarDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2012-01-01", "2026-06-30", "2026-07-01", "2030-12-31"])
    }
}

@Suite("CalendarDate edges")
struct CalendarDateEdgeTests {
    @Test func arithmeticPastYear9999DoesNotTrap() throws {
        let last = try #require(CalendarDate("9999-12-31"))
        #expect(last.adding(months: 1).year == 10000)
        #expect(last.adding(days: 1).year == 10000)
    }
}
