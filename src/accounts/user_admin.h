// User administration: staff accounts, role grants, disabling, API keys — by region admins
// within their region and by national admins everywhere (and by the CLI, as national admin).
//
// Every write records an audit entry (audit.h) in the same transaction. Authorisation of the
// route itself is done by the guard; this class adds what depends on the data:
//   - `scope_region` (the region of the route; empty for the national /admin routes) hides
//     users who hold no grant in that region: kNotFound, as if they did not exist;
//   - CanGrant (roles.h) decides who may give or take which grant (nobody grants themselves);
//   - grants are checked against the regions module: the region exists, the OPD belongs to it,
//     the kecamatan/kelurahan is in its hierarchy.
// Threading as AuthService: methods return at once, `done` runs after the durable commit.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accounts/account.h"
#include "accounts/auth_service.h"
#include "accounts/sessions.h"
#include "accounts/worker_pool.h"
#include "regions/region_store.h"
#include "store/database.h"

namespace kc::accounts {

// Who acts: their principal (for CanGrant) and how the audit log names them.
struct AdminActor {
  Principal principal;
  Actor actor;

  static AdminActor Of(const Caller& caller) { return {caller.principal, caller.ToActor()}; }
  // The command line: acts as a national admin.
  static AdminActor Cli();
};

struct NewUserInput {
  std::string name, email, phone, password;
  Language language = Language::kId;
  std::optional<Grant> grant;
};

class UserAdmin {
 public:
  UserAdmin(store::Database& db, Sessions& sessions, WorkerPool& pool,
            regions::RegionStore& regions)
      : db_(db), sessions_(sessions), pool_(pool), regions_(regions) {}

  // Checks a grant against the region data. Errors: kInvalidArgument with field details
  // (shape: ValidateGrant; unknown region, OPD of another region, area outside the region).
  Status CheckGrantData(const Grant& grant);

  // Creates a verified, active user, optionally with a grant (required for region routes:
  // grant.region_code must equal `scope_region`). Errors: validation, kConflict
  // "account_exists", kForbidden when CanGrant refuses.
  void CreateUser(AdminActor by, NewUserInput in, std::string scope_region, Done<User> done);
  void AddGrant(AdminActor by, int64_t user_id, Grant grant, std::string scope_region, Done<StoredGrant> done);
  void RemoveGrant(AdminActor by, int64_t user_id, int64_t grant_id, std::string scope_region, StatusDone done);
  // Disables the user and revokes their sessions. A region admin may disable only users whose
  // grants are all in its region and who are not national admins or consultants.
  void Disable(AdminActor by, int64_t user_id, std::string scope_region, StatusDone done);
  // Sets a new password (CLI) and revokes the user's sessions.
  void SetPassword(AdminActor by, int64_t user_id, std::string password, StatusDone done);

  Result<std::vector<User>> List(std::string_view scope_region, int64_t after_id, int limit);
  Result<User> Get(int64_t user_id, std::string_view scope_region);

  // A new API key for `region_code`; the secret is returned once. Errors: kInvalidArgument.
  void CreateApiKey(AdminActor by, std::string region_code, std::string name,
                    Done<std::pair<ApiKey, std::string>> done);
  Result<std::vector<ApiKey>> ListApiKeys(std::string_view region_code);
  void RevokeApiKey(AdminActor by, std::string region_code, int64_t id, StatusDone done);

 private:
  Status CheckVisible(const User& user, std::string_view scope_region);

  store::Database& db_;
  Sessions& sessions_;
  WorkerPool& pool_;
  regions::RegionStore& regions_;
};

// {"id","name","email","phone","status","language","verified","created_at","grants":[...]}:
// the API shape, also the audit log's before/after summary (never the password hash).
boost::json::object UserJson(const User& user);
boost::json::object GrantJson(const StoredGrant& grant);
boost::json::object ApiKeyJson(const ApiKey& key);

// Waits for an async method (CLI, demo, tests; never on an I/O thread).
template <class T>
Result<T> Await(const std::function<void(Done<T>)>& start) {
  auto promise = std::make_shared<std::promise<Result<T>>>();
  auto future = promise->get_future();
  start([promise](Result<T> r) { promise->set_value(std::move(r)); });
  return future.get();
}

inline Status AwaitStatus(const std::function<void(StatusDone)>& start) {
  auto promise = std::make_shared<std::promise<Status>>();
  auto future = promise->get_future();
  start([promise](Status s) { promise->set_value(std::move(s)); });
  return future.get();
}

}  // namespace kc::accounts
