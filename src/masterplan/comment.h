// Review comments on the items of a masterplan (item.h): the consultant's remarks and requests
// for changes, and the answers of the region and its OPDs. Types and the pure rules; storage in
// comment_store.h, use cases in comment_service.h.
//
// A comment is not a plan edit: it may be written on any version status, published (frozen)
// versions included, since reviewing a published plan is how its next version starts. Comments
// are kept for good; the only change is resolving one, once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kc::masterplan {

inline constexpr size_t kCommentMaxChars = 4000;

// Who wrote or resolved a comment, as it was then (name and role are copies).
struct CommentAuthor {
  int64_t user_id = 0;  // 0: the command line or the system
  std::string label;    // audit actor label, "user:12"
  std::string name;
  std::string role;  // accounts role name: "consultant", "region_admin", "opd_officer", ...
};

struct Comment {
  int64_t id = 0;
  int64_t masterplan_id = 0;
  int version = 0;   // the latest version's number when written
  std::string item;  // canonical item key
  std::string body;
  bool request_changes = false;
  CommentAuthor author;
  std::string created_at;  // UTC, ISO-8601 with Z
  std::optional<std::string> resolved_at;
  std::optional<CommentAuthor> resolved_by;

  bool resolved() const { return resolved_at.has_value(); }
  // An unresolved request for changes: what open_requests counts.
  bool open_request() const { return request_changes && !resolved(); }
};

// What a caller asks to write.
struct NewComment {
  std::string item;
  std::string body;
  bool request_changes = false;
};

// Trims ASCII whitespace at both ends.
std::string TrimText(std::string_view text);

// Trims `c.body` and checks the fields: "item" has the item-key form (item.h), "body" is not
// blank and at most kCommentMaxChars code points after trimming. Errors go into `v`.
void ValidateComment(NewComment& c, Validation& v);

}  // namespace kc::masterplan
