// Reading the administrative hierarchy from the CSV files of the npm package idn-area-data
// (ODbL 1.0): provinces.csv (code,name), regencies.csv (code,province_code,name),
// districts.csv (code,regency_code,name), villages.csv (code,district_code,name).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "regions/area.h"

namespace kc::regions {

// Where `kotacerdas areas import` looks by default (relative to the working directory).
inline constexpr std::string_view kDefaultAreaSource = "tools/areas/node_modules/idn-area-data/data";

// Splits one CSV record (RFC 4180: quoted fields, "" inside quotes). nullopt when a quote is
// left open or text follows a closing quote.
std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line);

// Reads the four files of `dir`, returning the areas parents first (provinces, regencies,
// districts, villages), each file in its own order. Codes are normalised to the dotted form.
// Errors (kInvalidArgument, naming file and line): a missing file (kNotFound), an unexpected
// header, a malformed record or code, a code at the wrong level, a parent code that is not the
// code's prefix or not listed, a repeated code, an empty name.
Result<std::vector<Area>> ReadAreaSource(const std::filesystem::path& dir);

}  // namespace kc::regions
