// Dates as the bibliographic formats write them (year, month as a number or a name, day), in one form.
#pragma once

#include <string>
#include <string_view>

namespace medsearch {

// "2018-05-17" from "2018", "05" or "May" or "5", "17"; as far as given ("2018-05", "2018"). Empty
// without a four-digit year; a month or day that does not read as one is left out with what follows it.
std::string iso_date_of(std::string_view year, std::string_view month, std::string_view day);

}  // namespace medsearch
