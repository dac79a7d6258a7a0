#include "regions/area_source.h"

#include <fstream>
#include <unordered_set>

namespace kc::regions {
namespace {

struct SourceFile {
  std::string_view name;
  std::string_view header;
  AreaLevel level;
};

constexpr SourceFile kFiles[] = {
    {"provinces.csv", "code,name", AreaLevel::kProvinsi},
    {"regencies.csv", "code,province_code,name", AreaLevel::kKabKota},
    {"districts.csv", "code,regency_code,name", AreaLevel::kKecamatan},
    {"villages.csv", "code,district_code,name", AreaLevel::kKelurahan},
};

Error LineError(std::string_view file, size_t line, const std::string& id, const std::string& en) {
  const std::string where = std::string(file) + ":" + std::to_string(line) + ": ";
  return InvalidArgument({where + id, where + en});
}

// Parses one data record of `f` into an area, checking it against the codes seen so far.
Result<Area> ParseRecord(const SourceFile& f, size_t line_no, std::string_view line,
                         const std::unordered_set<std::string>& seen) {
  auto fields = SplitCsvLine(line);
  const size_t want = f.level == AreaLevel::kProvinsi ? 2 : 3;
  if (!fields || fields->size() != want) {
    return LineError(f.name, line_no, "baris CSV tidak sesuai format (" + std::to_string(want) +
                     " kolom)", "malformed CSV record (expected " + std::to_string(want) + " columns)");
  }
  auto code = NormalizeCode((*fields)[0]);
  if (!code || LevelOfCode(*code) != f.level) {
    return LineError(f.name, line_no, "kode tidak sah: " + (*fields)[0],
                     "invalid code: " + (*fields)[0]);
  }
  Area area{.code = *code, .name = fields->back(), .parent_code = {}, .level = f.level};
  if (f.level != AreaLevel::kProvinsi) {
    auto parent = NormalizeCode((*fields)[1]);
    if (!parent || *parent != ParentCode(*code) || !seen.contains(*parent)) {
      return LineError(f.name, line_no, "kode induk " + (*fields)[1] + " tidak cocok untuk " + *code,
                       "parent code " + (*fields)[1] + " does not fit " + *code);
    }
    area.parent_code = *parent;
  }
  if (area.name.empty()) return LineError(f.name, line_no, "nama kosong", "empty name");
  if (seen.contains(area.code)) {
    return LineError(f.name, line_no, "kode berulang: " + area.code, "repeated code: " + area.code);
  }
  return area;
}

Status ReadFile(const std::filesystem::path& dir, const SourceFile& f, std::vector<Area>& out,
                std::unordered_set<std::string>& seen) {
  const auto path = dir / f.name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFound({"Berkas data wilayah tidak ditemukan: " + path.string(),
                     "Area data file not found: " + path.string()});
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1) {
      if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // UTF-8 byte order mark
      if (line != f.header) {
        return LineError(f.name, 1, "judul kolom harus \"" + std::string(f.header) + "\"",
                         "header must be \"" + std::string(f.header) + "\"");
      }
      continue;
    }
    if (line.empty()) continue;
    KC_ASSIGN_OR_RETURN(Area area, ParseRecord(f, line_no, line, seen));
    seen.insert(area.code);
    out.push_back(std::move(area));
  }
  return Ok();
}

}  // namespace

std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ',') {
      fields.emplace_back();
      ++i;
    } else if (c == '"' && fields.back().empty()) {
      ++i;
      while (true) {
        if (i >= line.size()) return std::nullopt;  // unterminated quote
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        fields.back() += line[i++];
      }
      if (i < line.size() && line[i] != ',') return std::nullopt;
    } else {
      fields.back() += c;
      ++i;
    }
  }
  return fields;
}

Result<std::vector<Area>> ReadAreaSource(const std::filesystem::path& dir) {
  std::vector<Area> areas;
  std::unordered_set<std::string> seen;
  for (const SourceFile& f : kFiles) KC_RETURN_IF_ERROR(ReadFile(dir, f, areas, seen));
  return areas;
}

}  // namespace kc::regions
