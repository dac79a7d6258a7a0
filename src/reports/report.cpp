#include "reports/report.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace kc::reports {
namespace {

constexpr std::array<std::pair<ReportStatus, std::string_view>, 6> kStatusNames = {{
    {ReportStatus::kDiterima, "diterima"},
    {ReportStatus::kDiverifikasi, "diverifikasi"},
    {ReportStatus::kDiproses, "diproses"},
    {ReportStatus::kSelesai, "selesai"},
    {ReportStatus::kDitolak, "ditolak"},
    {ReportStatus::kDuplikat, "duplikat"},
}};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
void CivilFromDays(int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string_view StatusName(ReportStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "diterima";
}

std::optional<ReportStatus> ParseStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

bool IsClosed(ReportStatus status) {
  return status == ReportStatus::kSelesai || status == ReportStatus::kDitolak || status == ReportStatus::kDuplikat;
}

std::string_view ChannelName(Channel channel) {
  return channel == Channel::kOpen311 ? "open311" : "api";
}

std::string FormatTracking(std::string_view prefix, int year, int64_t sequence) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "-%04d-%06lld", year, static_cast<long long>(sequence));
  return std::string(prefix) + buf;
}

bool LooksLikeTracking(std::string_view t) {
  // PREFIX(2..5 letters)-YYYY-NNNNNN+
  const size_t dash1 = t.find('-');
  if (dash1 < 2 || dash1 > 5 || dash1 == std::string_view::npos) return false;
  for (size_t i = 0; i < dash1; ++i) {
    if (t[i] < 'A' || t[i] > 'Z') return false;
  }
  if (t.size() < dash1 + 1 + 4 + 1 + 6 || t.size() > dash1 + 1 + 4 + 1 + 12) return false;
  if (t[dash1 + 5] != '-') return false;
  for (size_t i = dash1 + 1; i < t.size(); ++i) {
    if (i == dash1 + 5) continue;
    if (t[i] < '0' || t[i] > '9') return false;
  }
  return true;
}

std::string DefaultTrackingPrefix(std::string_view slug) {
  std::string out;
  for (char c : slug) {
    if (c < 'a' || c > 'z') continue;
    if (out.empty() || (!IsVowel(c) && out.size() < 3)) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  if (out.empty()) return "RPT";
  while (out.size() < 3) out += 'X';
  return out;
}

int LocalYear(TimePoint t, int utc_offset_minutes) {
  const int64_t ms = ToMillis(t) + int64_t{utc_offset_minutes} * 60'000;
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(FloorDiv(ms, 86'400'000), y, m, d);
  return y;
}

std::string FormatLocal(TimePoint t, int utc_offset_minutes) {
  const int64_t secs = FloorDiv(ToMillis(t), 1000) + int64_t{utc_offset_minutes} * 60;
  const int64_t days = FloorDiv(secs, 86'400);
  const int64_t rem = secs - days * 86'400;
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, y, m, d);
  const int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char buf[96];  // generous: silences -Wformat-truncation for any int values
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", y, m, d,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60), utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

bool InIndonesia(double lat, double lon) {
  return lat >= -11.5 && lat <= 6.5 && lon >= 94.0 && lon <= 141.5;
}

}  // namespace kc::reports
