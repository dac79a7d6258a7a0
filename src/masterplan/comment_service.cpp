// Review comments and item history (comment_service.h).
#include "masterplan/comment_service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "masterplan/item.h"
#include "masterplan/masterplan_store.h"
#include "masterplan/version_edit.h"

namespace kc::masterplan {
namespace {

Error Forbidden(Text message) { return Error(ErrorCode::kForbidden, std::move(message)); }

Error ItemNotFound(const std::string& item) {
  Error e(ErrorCode::kNotFound,
          {"Butir " + item + " tidak ada di versi terakhir masterplan ini.",
           "The item " + item + " is not in the latest version of this masterplan."},
          "item_not_found");
  return e.With("item", {"tidak ada di masterplan ini", "not in this masterplan"});
}

// Owner OPD of each program of the latest version, by number.
Result<std::map<int, int64_t>> ProgramOwners(store::Connection& conn, const Masterplan& plan) {
  KC_ASSIGN_OR_RETURN(auto programs, db::LoadPrograms(conn, plan.latest.id));
  std::map<int, int64_t> owners;
  for (const Program& p : programs) owners[p.no] = p.owner_opd_id;
  return owners;
}

// Fails unless `item` exists in the latest version (plan, stages and dimensions always do).
Status CheckExists(store::Connection& conn, const Masterplan& plan, const ItemKey& key,
                   const std::string& item) {
  if (key.kind == ItemKind::kProgram) {
    KC_ASSIGN_OR_RETURN(auto owners, ProgramOwners(conn, plan));
    if (!owners.contains(key.no)) return ItemNotFound(item);
  } else if (key.kind == ItemKind::kQuickWin) {
    KC_ASSIGN_OR_RETURN(auto quick_wins, db::LoadQuickWins(conn, plan.latest.id));
    const bool found = std::any_of(quick_wins.begin(), quick_wins.end(),
                                   [&](const QuickWin& q) { return q.no == key.no; });
    if (!found) return ItemNotFound(item);
  }
  return Ok();
}

// Whether an officer (neither edit nor review) may comment on or read `item`: a program its OPD
// owns.
bool OfficerMay(const CommentRights& rights, const std::map<int, int64_t>& owners,
                std::string_view item) {
  const auto key = ParseItem(item);
  if (!key || key->kind != ItemKind::kProgram || !rights.opd) return false;
  const auto it = owners.find(key->no);
  return it != owners.end() && rights.opd(it->second);
}

const Text kNotYourItem{"Petugas OPD hanya dapat membaca dan mengomentari program milik OPD-nya.",
                        "OPD officers may read and comment on their own OPD's programs only."};

Result<Comment> LoadOrNotFound(store::Connection& conn, int64_t plan_id, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto c, db::LoadComment(conn, plan_id, id));
  if (!c) {
    return Error(ErrorCode::kNotFound, {"Komentar tidak ditemukan.", "No such comment."},
                 "comment_not_found");
  }
  return std::move(*c);
}

}  // namespace

Result<Comment> AddComment(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                           NewComment c, const CommentAuthor& author, const CommentRights& rights) {
  Validation v;
  ValidateComment(c, v);
  if (!v.ok()) return std::move(v).ToError();
  if (c.request_changes && !rights.review) {
    return Forbidden({"Hanya peninjau (konsultan) yang dapat meminta perubahan.",
                      "Only a reviewer (consultant) may request changes."});
  }
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  const ItemKey key = *ParseItem(c.item);
  KC_RETURN_IF_ERROR(CheckExists(conn, plan, key, c.item));
  if (!rights.edit && !rights.review) {
    KC_ASSIGN_OR_RETURN(auto owners, ProgramOwners(conn, plan));
    if (!OfficerMay(rights, owners, c.item)) return Forbidden(kNotYourItem);
  }
  Comment out{.masterplan_id = plan_id,
              .version = plan.latest.number,
              .item = ToString(key),
              .body = std::move(c.body),
              .request_changes = c.request_changes,
              .author = author,
              .created_at = ctx.now};
  KC_ASSIGN_OR_RETURN(out.id, db::InsertComment(conn, out));
  KC_RETURN_IF_ERROR(internal::Audit(conn, ctx, "comment.add", plan_id,
                                     {{"comment_id", out.id},
                                      {"item", out.item},
                                      {"request_changes", out.request_changes},
                                      {"body", out.body}}));
  return out;
}

Result<Comment> ResolveComment(store::Connection& conn, const WriteContext& ctx, int64_t plan_id,
                               int64_t id, const CommentAuthor& by, const CommentRights& rights) {
  KC_RETURN_IF_ERROR(internal::LoadOrNotFound(conn, ctx.region_code, plan_id));
  KC_ASSIGN_OR_RETURN(Comment c, LoadOrNotFound(conn, plan_id, id));
  const bool own = by.user_id > 0 && by.user_id == c.author.user_id;
  if (!rights.edit && !own) {
    return Forbidden(
        {"Komentar hanya dapat diselesaikan oleh penulisnya atau pengelola masterplan.",
         "Only the comment's author or a masterplan editor may resolve it."});
  }
  if (c.resolved()) return c;
  KC_ASSIGN_OR_RETURN(bool changed, db::ResolveComment(conn, id, by, ctx.now));
  if (!changed) return Internal("comment resolved concurrently");  // writes are serialised
  KC_RETURN_IF_ERROR(internal::Audit(
      conn, ctx, "comment.resolve", plan_id,
      {{"comment_id", id}, {"item", c.item}, {"request_changes", c.request_changes}}));
  c.resolved_at = ctx.now;
  c.resolved_by = by;
  return c;
}

Result<CommentList> ListComments(store::Connection& conn, std::string_view region_code,
                                 int64_t plan_id, const CommentFilter& filter,
                                 const CommentRights& rights) {
  if (filter.item && !ParseItem(*filter.item)) {
    Validation v;
    v.Add("item", ItemFormatMessage());
    return std::move(v).ToError();
  }
  KC_ASSIGN_OR_RETURN(Masterplan plan, internal::LoadOrNotFound(conn, region_code, plan_id));
  KC_ASSIGN_OR_RETURN(auto all, db::LoadComments(conn, plan_id));
  std::map<int, int64_t> owners;
  if (!rights.read) {
    KC_ASSIGN_OR_RETURN(owners, ProgramOwners(conn, plan));
    if (filter.item && !OfficerMay(rights, owners, *filter.item)) return Forbidden(kNotYourItem);
  }
  CommentList out;
  for (Comment& c : all) {
    if (!rights.read && !OfficerMay(rights, owners, c.item)) continue;
    out.open_requests += c.open_request() ? 1 : 0;
    if (filter.item && c.item != *filter.item) continue;
    if (filter.open_only && c.resolved()) continue;
    out.comments.push_back(std::move(c));
  }
  return out;
}

Result<ItemHistory> GetItemHistory(store::Connection& conn, std::string_view region_code,
                                   int64_t plan_id, const std::string& item) {
  if (!ParseItem(item)) {
    Validation v;
    v.Add("item", ItemFormatMessage());
    return std::move(v).ToError();
  }
  KC_RETURN_IF_ERROR(internal::LoadOrNotFound(conn, region_code, plan_id));
  ItemHistory out{.item = item};
  KC_ASSIGN_OR_RETURN(out.events,
                      db::LoadItemHistory(conn, region_code, plan_id, item, kHistoryMax + 1));
  if (out.events.size() > static_cast<size_t>(kHistoryMax)) {
    out.truncated = true;
    out.events.erase(out.events.begin());  // the oldest: the list is oldest first
  }
  return out;
}

}  // namespace kc::masterplan
