// JSON views of the workflow: a report with its SLA clocks, support and rating, and its
// timeline entries and comments.
#pragma once

#include <boost/json/object.hpp>

#include "reports/report_json.h"
#include "reports/report_workflow_store.h"

namespace kc::reports {

// ReportJson plus "supporters", "rating" ({"stars","text"} or null), "merged_into" (tracking
// or null) and "sla": {"response_due","resolve_due","responded_at","resolved_at","overdue",
// "escalated"}; `now` decides "overdue".
boost::json::object WorkflowReportJson(const WorkflowReport& report, const OpdNames& opds,
                                       ReportView view, TimePoint now);
// Adds those workflow members to a ReportJson object of `report`.
void AddWorkflowFields(boost::json::object& out, const WorkflowReport& report, TimePoint now);

// {"id","kind","at","from","to","text","public","actor"}: OPD ids of "assigned" entries become
// {"id","name"}; the actor's name only in the private view.
boost::json::object TimelineJson(const TimelineEntry& entry, const OpdNames& opds,
                                 bool private_view);

// {"id","text","status","author","created_at"}.
boost::json::object CommentJson(const Comment& comment);

}  // namespace kc::reports
