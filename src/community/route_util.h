// Helpers shared by the community route files (not for other modules).
#pragma once

#include <boost/json/value.hpp>
#include <charconv>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "accounts/audit.h"
#include "community/community_module.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "store/database.h"

namespace kc::community::internal {

// Bodies of community routes are a few text fields.
inline constexpr size_t kBodyLimit = 32 * 1024;

// A positive decimal id, or nullopt.
inline std::optional<int64_t> ParseId(std::string_view s) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

// The id path parameter `name`; kNotFound with `what` for a malformed one.
inline Result<int64_t> IdParam(const http::Request& req, std::string_view name, const Text& what) {
  auto id = ParseId(req.Param(name));
  if (!id) return Error(ErrorCode::kNotFound, what);
  return *id;
}

inline http::Response Fail(const Error& e, const http::Request& req) {
  return http::ErrorResponse(e, req.english);
}

// Runs `fn` as one durable write and calls `done` with its value after the commit (on the
// store's completion thread), or with the error after the rollback.
template <class T>
void WriteAsync(store::Database& db, std::function<Result<T>(store::Connection&)> fn,
                std::function<void(Result<T>)> done) {
  auto out = std::make_shared<std::optional<T>>();
  db.Write(
      [fn = std::move(fn), out](store::Connection& c) -> Status {
        KC_ASSIGN_OR_RETURN(T value, fn(c));
        *out = std::move(value);
        return Ok();
      },
      [out, done = std::move(done)](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        done(std::move(**out));
      });
}

// Writes with WriteAsync and replies `status` with render(value), or the error.
template <class T>
void WriteAndReply(store::Database& db, const http::Request& req, http::Reply reply, int status,
                   std::function<Result<T>(store::Connection&)> fn,
                   std::function<boost::json::value(const T&)> render) {
  WriteAsync<T>(db, std::move(fn),
                [reply = std::move(reply), english = req.english, status,
                 render = std::move(render)](Result<T> r) {
                  if (!r.ok()) return reply(http::ErrorResponse(r.error(), english));
                  reply(http::JsonResponse(status, render(*r)));
                });
}

}  // namespace kc::community::internal
