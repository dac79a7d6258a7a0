#include "reports/report_workflow_json.h"

#include <boost/json.hpp>
#include <charconv>

namespace kc::reports {
namespace {

namespace json = boost::json;

template <class T>
json::value Opt(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// A clock runs until its event happened; it is overdue when its deadline passed meanwhile.
bool Overdue(const std::optional<std::string>& due, const std::optional<std::string>& done,
             TimePoint now) {
  if (!due || done) return false;
  const auto t = ParseTimestamp(*due);
  return t && *t < now;
}

json::value OpdOf(const std::optional<std::string>& id_text, const OpdNames& opds) {
  if (!id_text) return nullptr;
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(id_text->data(), id_text->data() + id_text->size(), id);
  if (ec != std::errc()) return json::value(*id_text);
  const auto it = opds.find(id);
  return json::object{{"id", id}, {"name", it == opds.end() ? "" : it->second}};
}

}  // namespace

json::object WorkflowReportJson(const WorkflowReport& wr, const OpdNames& opds, ReportView view,
                                TimePoint now) {
  json::object out = ReportJson(wr.report, opds, view);
  AddWorkflowFields(out, wr, now);
  return out;
}

void AddWorkflowFields(json::object& out, const WorkflowReport& wr, TimePoint now) {
  const auto& wf = wr.wf;
  out["supporters"] = wf.supporters;
  out["rating"] = wf.rating ? json::value(json::object{{"stars", *wf.rating},
                                                      {"text", Opt(wf.rating_text)}})
                            : json::value(nullptr);
  out["merged_into"] = Opt(wr.merged_into_tracking);
  const bool open = !IsClosed(wr.report.status);
  const bool overdue = Overdue(wf.response_due, wf.responded_at, now) ||
                       (open && Overdue(wf.resolve_due, wf.resolved_at, now));
  out["sla"] = {{"response_due", Opt(wf.response_due)},
                {"resolve_due", Opt(wf.resolve_due)},
                {"responded_at", Opt(wf.responded_at)},
                {"resolved_at", Opt(wf.resolved_at)},
                {"overdue", overdue},
                {"escalated", wf.escalated_response_at.has_value() ||
                                  wf.escalated_resolve_at.has_value()}};
}

json::object TimelineJson(const TimelineEntry& e, const OpdNames& opds, bool private_view) {
  const bool opd = e.kind == "assigned";
  return {{"id", e.id},
          {"kind", e.kind},
          {"at", e.at},
          {"from", opd ? OpdOf(e.from, opds) : Opt(e.from)},
          {"to", opd ? OpdOf(e.to, opds) : Opt(e.to)},
          {"text", Opt(e.text)},
          {"public", e.is_public},
          {"actor", private_view ? Opt(e.actor_name) : json::value(nullptr)}};
}

json::object CommentJson(const Comment& c) {
  return {{"id", c.id}, {"text", c.text}, {"status", c.status}, {"author", c.author_name},
          {"created_at", c.created_at}};
}

}  // namespace kc::reports
