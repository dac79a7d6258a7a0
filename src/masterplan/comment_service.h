// Use cases of review comments (comment.h) and of an item's history. Same conventions as
// masterplan_service.h: a write runs inside one Database::Write, validates first and stores
// nothing on error; the comment row and its audit entry commit together.
//
// Who may do what is decided by the route from the caller's grants and passed in as
// CommentRights; the service applies it to the plan's data (program owners, comment authors):
//   comment         masterplan.review or masterplan.edit: any item; otherwise (OPD officers,
//                   program.edit) only "program:<no>" of a program their OPD owns
//   request_changes masterplan.review only
//   read            masterplan.read: every comment; officers: the comments on their programs
//   resolve         masterplan.edit, or the comment's own author
//
// Errors (Error::slug in quotes): kNotFound "masterplan_not_found", "comment_not_found",
// "item_not_found" (detail on "item": a program or quick win not in the latest version);
// kInvalidArgument "validation_failed" on "item"/"body"; kForbidden as above.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "masterplan/comment.h"
#include "masterplan/comment_store.h"
#include "masterplan/masterplan_service.h"
#include "masterplan/program_service.h"

namespace kc::masterplan {

struct CommentRights {
  bool read = false;    // masterplan.read in the region
  bool edit = false;    // masterplan.edit
  bool review = false;  // masterplan.review
  // Whether the caller may act for an OPD's programs (program.edit with the OPD as target).
  // Consulted only when neither edit nor review is held; unlike OpdCheck elsewhere, an empty
  // function allows no OPD.
  OpdCheck opd;
};

struct CommentFilter {
  std::optional<std::string> item;  // one item's comments (checked: item.h form)
  bool open_only = false;           // unresolved comments only
};

struct CommentList {
  std::vector<Comment> comments;  // oldest first
  // Unresolved request_changes comments of the plan that the caller may read (whatever the
  // filter): for masterplan.read holders the plan's count.
  int open_requests = 0;
};

struct ItemHistory {
  std::string item;
  std::vector<ItemEvent> events;  // oldest first
  bool truncated = false;         // older entries than kHistoryMax exist
};

inline constexpr int kHistoryMax = 500;

// Writes a comment by `author` on the plan's latest version number. A comment on a published
// (frozen) version is allowed: it is not a plan edit.
Result<Comment> AddComment(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           NewComment c, const CommentAuthor& author, const CommentRights& rights);

// Resolves comment `id`. Resolving a resolved comment is not an error: the comment is returned
// unchanged (and nothing is audited), so a retried request gets the same answer.
Result<Comment> ResolveComment(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                               int64_t id, const CommentAuthor& by, const CommentRights& rights);

// The comments the caller may read. kForbidden when `filter.item` is one the caller may not read.
Result<CommentList> ListComments(store::Connection& conn, std::string_view region_code,
                                 int64_t plan_id, const CommentFilter& filter,
                                 const CommentRights& rights);

// The audit entries about `item` (item.h AuditItems): edits, progress reports, comments and
// resolutions, at most kHistoryMax of the newest. Errors also "item" (not an item key).
Result<ItemHistory> GetItemHistory(store::Connection& conn, std::string_view region_code,
                                   int64_t plan_id, const std::string& item);

}  // namespace kc::masterplan
