// Channels and their messages on SQLite (community_store.h).
#include "community/community_store.h"

namespace kc::community::db {
namespace {

Channel ReadChannel(const store::Statement& s) {
  Channel c{.id = s.Int(0),
            .region_code = s.String(1),
            .slug = s.String(2),
            .kind = ParseChannelKind(s.Text(3)).value_or(ChannelKind::kDiskominfo)};
  if (!s.IsNull(4)) c.kecamatan_code = s.String(4);
  c.name = s.String(5);
  c.created_at = s.String(6);
  return c;
}

constexpr std::string_view kChannelColumns =
    "id, region_code, slug, kind, kecamatan_code, name, created_at";

Result<std::optional<Channel>> FindBySlug(Connection& conn, std::string_view region,
                                          std::string_view slug) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("SELECT " + std::string(kChannelColumns) +
                           " FROM community_channels WHERE region_code = ?1 AND slug = ?2"));
  s.Bind(1, region).Bind(2, slug);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Channel>();
  return std::optional<Channel>(ReadChannel(s));
}

}  // namespace

Result<Channel> EnsureChannel(Connection& conn, const Channel& c) {
  KC_ASSIGN_OR_RETURN(
      auto s,
      conn.Prepare("INSERT INTO community_channels (region_code, slug, kind, kecamatan_code, name, "
                   "created_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (region_code, slug) DO NOTHING"));
  KC_RETURN_IF_ERROR(s.Bind(1, c.region_code)
                         .Bind(2, c.slug)
                         .Bind(3, ToString(c.kind))
                         .Bind(4, c.kecamatan_code)
                         .Bind(5, c.name)
                         .Bind(6, c.created_at)
                         .Run());
  KC_ASSIGN_OR_RETURN(auto found, FindBySlug(conn, c.region_code, c.slug));
  if (!found) return Internal("channel vanished after insert");
  return std::move(*found);
}

Result<std::optional<Channel>> FindChannel(Connection& conn, std::string_view region, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("SELECT " + std::string(kChannelColumns) +
                                   " FROM community_channels WHERE region_code = ?1 AND id = ?2"));
  s.Bind(1, region).Bind(2, id);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Channel>();
  return std::optional<Channel>(ReadChannel(s));
}

Result<std::vector<Channel>> ListChannels(Connection& conn, std::string_view region) {
  KC_ASSIGN_OR_RETURN(
      auto s, conn.Prepare("SELECT " + std::string(kChannelColumns) +
                           " FROM community_channels WHERE region_code = ?1 ORDER BY slug"));
  s.Bind(1, region);
  std::vector<Channel> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadChannel(s));
  }
  return out;
}

Result<Message> InsertMessage(Connection& conn, Message m) {
  KC_ASSIGN_OR_RETURN(auto s,
                      conn.Prepare("INSERT INTO community_messages (channel_id, author_id,"
                                   " author_name, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
  KC_RETURN_IF_ERROR(s.Bind(1, m.channel_id)
                         .Bind(2, m.author_id)
                         .Bind(3, m.author_name)
                         .Bind(4, m.body)
                         .Bind(5, m.created_at)
                         .Run());
  m.id = conn.LastInsertId();
  return m;
}

Result<std::vector<Message>> ListMessages(Connection& conn, int64_t channel_id,
                                          std::optional<int64_t> after,
                                          std::optional<int64_t> before, int limit) {
  const std::string columns =
      "SELECT id, channel_id, author_id, author_name, body, created_at"
      " FROM community_messages WHERE channel_id = ?1 AND ";
  KC_ASSIGN_OR_RETURN(auto s, after ? conn.Prepare(columns + "id > ?2 ORDER BY id LIMIT ?3")
                                    : conn.Prepare(columns + "id < ?2 ORDER BY id DESC LIMIT ?3"));
  s.Bind(1, channel_id).Bind(2, after ? *after : before.value_or(INT64_MAX)).Bind(3, limit);
  std::vector<Message> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.Int(0), s.Int(1), s.Int(2), s.String(3), s.String(4), s.String(5)});
  }
  return out;
}

}  // namespace kc::community::db
