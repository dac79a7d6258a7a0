// CSV import of the program matrix (program_import.h).
#include "masterplan/program_import.h"

#include <charconv>
#include <map>
#include <set>

namespace kc::masterplan {
namespace {

// RFC 4180 records; a quote inside a quoted field is doubled. False on an unterminated quote.
bool SplitCsv(std::string_view s, std::vector<std::vector<std::string>>& out) {
  std::vector<std::string> row(1);
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"')
        row.back() += s[++i];
      else if (c == '"')
        quoted = false;
      else
        row.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.emplace_back();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      out.push_back(std::move(row));
      row.assign(1, "");
    } else {
      row.back() += c;
    }
  }
  if (row.size() > 1 || !row[0].empty()) out.push_back(std::move(row));
  return !quoted;
}

std::optional<int64_t> Int(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> Num(std::string_view s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find(sep, start), s.size());
    std::string part(s.substr(start, end - start));
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(std::move(part));
    start = end + 1;
  }
  return out;
}

const Text kBadBudget{"format: tahun:sumber:rupiah; dipisah ';'",
                      "format: year:source:rupiah; separated by ';'"};
const Text kBadKpi{"format: nama|satuan|baseline|2026=80/2027=90; dipisah ';'",
                   "format: name|unit|baseline|2026=80/2027=90; separated by ';'"};

// One row's cells (by column name) into `p`; errors as rows[line].<column>.
void ReadRow(const std::map<std::string, std::string>& cell, const std::string& at, Program& p,
             Validation& v) {
  auto bad = [&](const char* col, Text t) { v.Add(at + "." + col, std::move(t)); };
  if (const auto& no = cell.at("no"); !no.empty()) {
    if (auto n = Int(no); n && *n > 0 && *n < 1'000'000)
      p.no = static_cast<int>(*n);
    else
      bad("no", {"harus nomor program atau kosong", "must be a program number or empty"});
  }
  p.dimension = cell.at("dimensi");
  p.element = cell.at("elemen");
  p.name = cell.at("nama");
  p.description = cell.at("deskripsi");
  if (auto id = Int(cell.at("opd_pemilik_id")); id && *id > 0)
    p.owner_opd_id = *id;
  else
    bad("opd_pemilik_id", {"wajib id OPD", "an OPD id is required"});
  for (const std::string& s : Split(cell.at("opd_pendukung_id"), ';')) {
    if (auto id = Int(s); id && *id > 0)
      p.supporting_opd_ids.push_back(*id);
    else
      bad("opd_pendukung_id", {"daftar id OPD dipisah ';'", "OPD ids separated by ';'"});
  }
  if (auto h = HorizonFromString(cell.at("horizon")))
    p.horizon = *h;
  else
    bad("horizon", {"harus pendek, menengah atau panjang", "must be pendek, menengah or panjang"});
  auto year = [&](const char* col) {
    auto y = Int(cell.at(col));
    if (!y || *y < 1900 || *y > 2200) bad(col, {"harus tahun", "must be a year"});
    return static_cast<int>(y.value_or(0));
  };
  p.start_year = year("tahun_mulai");
  p.end_year = year("tahun_selesai");
  if (!cell.at("lokasi").empty()) p.location_code = cell.at("lokasi");
  p.references = cell.at("rujukan");
  if (const auto& st = cell.at("status"); !st.empty()) {
    if (auto s = ProgramStatusFromString(st))
      p.status = *s;
    else
      bad("status", {"harus planned, ongoing, done atau cancelled",
                     "must be planned, ongoing, done or cancelled"});
  }
  for (const std::string& line : Split(cell.at("anggaran"), ';')) {
    const auto parts = Split(line, ':');
    auto y = parts.size() == 3 ? Int(parts[0]) : std::nullopt;
    auto amount = parts.size() == 3 ? Int(parts[2]) : std::nullopt;
    if (!y || !amount) {
      bad("anggaran", kBadBudget);
      break;
    }
    p.budget.push_back({static_cast<int>(*y), parts[1], *amount});
  }
  for (const std::string& k : Split(cell.at("kpi"), ';')) {
    const auto parts = Split(k, '|');
    auto baseline = parts.size() == 4 ? Num(parts[2]) : std::nullopt;
    if (!baseline) {
      bad("kpi", kBadKpi);
      break;
    }
    Kpi kpi{parts[0], parts[1], *baseline, {}};
    for (const std::string& t : Split(parts[3], '/')) {
      const auto eq = t.find('=');
      auto y = eq == std::string::npos ? std::nullopt : Int(std::string_view(t).substr(0, eq));
      auto target =
          eq == std::string::npos ? std::nullopt : Num(std::string_view(t).substr(eq + 1));
      if (!y || !target) {
        bad("kpi", kBadKpi);
        break;
      }
      kpi.targets[static_cast<int>(*y)] = *target;
    }
    p.kpis.push_back(std::move(kpi));
  }
}

}  // namespace

const std::vector<std::string>& ProgramColumns() {
  static const std::vector<std::string> kColumns = {
      "no",        "dimensi",        "elemen",        "nama",
      "deskripsi", "opd_pemilik_id", "opd_pemilik",   "opd_pendukung_id",
      "horizon",   "tahun_mulai",    "tahun_selesai", "lokasi",
      "rujukan",   "status",         "anggaran",      "anggaran_total",
      "kpi"};
  return kColumns;
}

std::vector<ImportRow> ParseProgramCsv(std::string_view csv, Validation& v) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  std::vector<std::vector<std::string>> records;
  if (!SplitCsv(csv, records) || records.empty()) {
    v.Add("header", {"berkas CSV kosong atau tanda kutip tidak ditutup",
                     "empty CSV or an unterminated quote"});
    return {};
  }
  const auto& cols = ProgramColumns();
  const std::set<std::string> have(records[0].begin(), records[0].end());
  for (const std::string& c : cols) {
    if (!have.contains(c)) v.Add("header", {"kolom hilang: " + c, "missing column: " + c});
  }
  for (const std::string& c : records[0]) {
    if (std::find(cols.begin(), cols.end(), c) == cols.end())
      v.Add("header", {"kolom tidak dikenal: " + c, "unknown column: " + c});
  }
  if (!v.ok()) return {};
  std::vector<ImportRow> out;
  std::set<std::string> seen;
  for (size_t r = 1; r < records.size(); ++r) {
    const std::string at = "rows[" + std::to_string(r + 1) + "]";
    if (records[r].size() != records[0].size()) {
      v.Add(at,
            {"jumlah kolom tidak sesuai kepala tabel", "the cell count differs from the header"});
      continue;
    }
    std::map<std::string, std::string> cell;
    for (size_t c = 0; c < records[0].size(); ++c) {
      std::string value = records[r][c];
      if (value.starts_with('\''))
        value.erase(0, 1);  // the export's formula guard
      else if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '@')) {
        v.Add(at + "." + records[0][c],
              {"rumus tidak diterima; isi nilai", "formulas are not accepted; enter values"});
      }
      cell[records[0][c]] = std::move(value);
    }
    ImportRow row{.line = static_cast<int>(r + 1)};
    ReadRow(cell, at, row.program, v);
    const std::string key = row.program.no != 0
                                ? "no:" + std::to_string(row.program.no)
                                : "nama:" + row.program.dimension + "/" + row.program.name;
    if (!seen.insert(key).second)
      v.Add(at, {"baris ganda (nomor atau nama program sama)",
                 "duplicate row (same program number or name)"});
    out.push_back(std::move(row));
  }
  return out;
}

Result<ProgramList> ImportPrograms(store::Connection& conn, const WriteContext& ctx,
                                   int64_t plan_id, const std::vector<ImportRow>& rows) {
  Validation v;
  for (const ImportRow& row : rows) {
    auto saved = SaveProgram(conn, ctx, plan_id, row.program);
    if (saved.ok()) continue;
    Error e = std::move(saved).error();
    if (e.code != ErrorCode::kInvalidArgument && e.code != ErrorCode::kNotFound) return e;
    const std::string at = "rows[" + std::to_string(row.line) + "]";
    if (e.details.empty()) v.Add(at + ".no", e.message);
    for (auto& d : e.details) v.Add(at + "." + d.field, std::move(d.message));
  }
  if (!v.ok()) return std::move(v).ToError();  // the caller's write rolls back every row
  return GetPrograms(conn, ctx.region_code, plan_id);
}

}  // namespace kc::masterplan
