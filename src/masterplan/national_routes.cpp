// GET /api/v1/national/masterplan: the national summary (summary.h) as JSON, CSV or XLSX, for
// the programme office (national.read). Reads only the maintained summary rows.
#include <boost/json.hpp>
#include <charconv>

#include "http/response.h"
#include "masterplan/masterplan_module.h"
#include "masterplan/summary.h"
#include "masterplan/summary_table.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using http::Method;
using http::Request;
using http::Response;

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

json::value OptJson(const std::optional<int>& v) {
  return v ? json::value(*v / 100.0) : json::value(nullptr);
}

// Built in `sp` (the response's monotonic arena): 500 rows are ~15 000 values, and one arena
// instead of an allocation per value halves the cost of the national JSON.
json::object RowJson(const RegionSummary& r, const json::storage_ptr& sp) {
  json::object o(sp);
  o.reserve(16);
  o = {{"region", r.region_code},
                 {"name", r.region_name},
                 {"type", r.region_type},
                 {"province", {{"code", r.province_code}, {"name", r.province_name}}},
                 {"stage", r.stage},
                 {"stages_completed", r.stages_completed}};
  if (!r.has_plan) {
    o["masterplan"] = nullptr;
    return o;
  }
  o["masterplan"] = {{"id", r.masterplan_id},
                     {"start_year", r.start_year},
                     {"end_year", r.end_year},
                     {"version", r.version_number},
                     {"status", r.version_status}};
  o["readiness_avg"] = OptJson(r.readiness_avg);
  o["maturity_avg"] = OptJson(r.maturity_avg);
  json::value trend = nullptr;
  if (r.eval_index && r.eval_previous) trend = (*r.eval_index - *r.eval_previous) / 100.0;
  o["evaluation"] = {
      {"index", OptJson(r.eval_index)},
      {"round", r.eval_round.empty() ? json::value(nullptr) : json::value(r.eval_round)},
      {"previous", OptJson(r.eval_previous)},
      {"trend", trend}};
  o["programs"] = r.programs;
  o["budget_planned"] = r.budget_planned;
  o["budget_realised"] = r.budget_realised;
  o["progress"] = r.progress / 100.0;
  o["latest_period"] =
      r.latest_period.empty() ? json::value(nullptr) : json::value(r.latest_period);
  o["quick_wins"] = {{"final", r.quick_wins_final}, {"progress", r.quick_win_progress}};
  return o;
}

enum class Format { kJson, kCsv, kXlsx };

// Filters, sort and format of the query string; every problem at once.
Result<std::pair<NationalQuery, Format>> ParseQuery(const Request& req) {
  Validation v;
  NationalQuery q;
  q.province = req.Query("province");
  if (q.province && (q.province->empty() || q.province->size() > 2 ||
                     q.province->find_first_not_of("0123456789") != std::string::npos)) {
    v.Add("province", {"kode provinsi 2 angka (contoh: 71)", "a 2-digit province code (e.g. 71)"});
  }
  if (auto stage = req.Query("stage")) {
    int n = -1;
    std::from_chars(stage->data(), stage->data() + stage->size(), n);
    if (n < 0 || n > 4 || *stage != std::to_string(n))
      v.Add("stage", {"harus 0 sampai 4", "must be 0 to 4"});
    else
      q.stage = n;
  }
  if (auto sort = req.Query("sort")) {
    const bool desc = sort->starts_with('-');
    q.sort = desc ? sort->substr(1) : *sort;
    q.descending = desc;
    if (!IsSummarySortKey(q.sort)) {
      v.Add("sort",
            {"kunci urut: " + std::string(kSummarySortKeys) + " (awali '-' untuk menurun)",
             "sort keys: " + std::string(kSummarySortKeys) + " (prefix '-' for descending)"});
    }
  }
  const auto format = req.Query("format").value_or("json");
  if (format != "json" && format != "csv" && format != "xlsx")
    v.Add("format", {"harus json, csv atau xlsx", "must be json, csv or xlsx"});
  if (!v.ok()) return std::move(v).ToError();
  return std::pair{q, format == "csv"    ? Format::kCsv
                      : format == "xlsx" ? Format::kXlsx
                                         : Format::kJson};
}

Response SummaryRoute(RouteContext& ctx, const Request& req) {
  auto query = ParseQuery(req);
  if (!query.ok()) return Fail(query.error(), req);
  auto rows = ctx.db.Read([&](store::Connection& c) { return NationalSummary(c, query->first); });
  if (!rows.ok()) return Fail(rows.error(), req);
  if (query->second == Format::kCsv) {
    return CsvResponse(NationalSummaryTable(*rows).Csv(), "masterplan-nasional.csv");
  }
  if (query->second == Format::kXlsx) {
    auto xlsx = NationalSummaryTable(*rows).Xlsx("Masterplan nasional");
    if (!xlsx.ok()) return Fail(xlsx.error(), req);
    return XlsxResponse(std::move(xlsx).value(), "masterplan-nasional.xlsx");
  }
  json::storage_ptr sp = json::make_shared_resource<json::monotonic_resource>();
  json::array items(sp);
  items.reserve(rows->size());
  for (const RegionSummary& r : *rows) items.push_back(RowJson(r, sp));
  json::object body(sp);
  body["count"] = rows->size();
  body["items"] = std::move(items);
  return http::JsonResponse(200, body);
}

}  // namespace

void AddNationalRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  router.Add(
      {.method = Method::kGet,
       .pattern = "/api/v1/national/masterplan",
       .permission = "national.read",
       .handler = http::Sync([ctx](Request& req) { return SummaryRoute(*ctx, req); }),
       .doc = {.summary =
                   "Every region's masterplan: stage, status, readiness, maturity, index, "
                   "budget and progress (?province=71&stage=3&sort=-progress&format=csv|xlsx)",
               .tag = "masterplan",
               .responses = {200, 400, 401, 403}}});
}

}  // namespace kc::masterplan
