#include "readers/dates.h"

#include <array>
#include <charconv>

#include "readers/text.h"

namespace medsearch {

namespace {

// 1..limit from digits, or 0.
int small_number(std::string_view text, int limit) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > limit) return 0;
    return value;
}

int month_number(std::string_view month) {
    static constexpr std::array<std::string_view, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
    if (const int number = small_number(month, 12)) return number;
    if (month.size() < 3) return 0;
    const std::string lower = ascii_lower(month.substr(0, 3));
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == lower) return static_cast<int>(i + 1);
    return 0;
}

std::string two_digits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

}  // namespace

std::string iso_date_of(std::string_view year, std::string_view month, std::string_view day) {
    year = trim(year);
    if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string_view::npos) return {};
    std::string date(year);
    const int month_value = month_number(trim(month));
    if (month_value == 0) return date;
    date += "-" + two_digits(month_value);
    if (const int day_value = small_number(trim(day), 31)) date += "-" + two_digits(day_value);
    return date;
}

}  // namespace medsearch
