// OPDs on SQLite (part of SqliteRegionStore). Writes are async: `done` runs after the commit.
#include <memory>

#include "core/time.h"
#include "regions/region_store_sqlite.h"

namespace kc::regions {
namespace {

using store::Connection;

constexpr std::string_view kColumns =
    "id, region_code, name, short_name, type, active, created_at, updated_at";

Opd OpdFromRow(const store::Statement& st) {
  return {.id = st.Int(0),
          .region_code = st.String(1),
          .name = st.String(2),
          .short_name = st.String(3),
          .type = ParseOpdType(st.Text(4)).value_or(OpdType::kOther),
          .active = st.Int(5) != 0,
          .created_at = st.String(6),
          .updated_at = st.String(7)};
}

Error Duplicate(const std::string& short_name) {
  return Error(ErrorCode::kConflict,
               {"OPD dengan nama singkat \"" + short_name + "\" sudah ada di region ini.",
                "An OPD with short name \"" + short_name + "\" already exists in this region."},
               "duplicate_opd");
}

Error OpdNotFound() {
  return NotFound({"OPD tidak ditemukan di region ini.", "No such OPD in this region."});
}

// Fails with Duplicate when another OPD (not `except_id`) of the region has `short_name`.
Status CheckUnique(Connection& conn, const std::string& region, const std::string& short_name,
                   int64_t except_id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT 1 FROM opds WHERE region_code = ?1 AND short_name = ?2 COLLATE NOCASE AND id != ?3"));
  KC_ASSIGN_OR_RETURN(bool dup, st.Bind(1, region).Bind(2, short_name).Bind(3, except_id).Step());
  return dup ? Status(Duplicate(short_name)) : Ok();
}

Result<Opd> SelectOpd(Connection& conn, const std::string& region, int64_t id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kColumns) +
                                            " FROM opds WHERE id = ?1 AND region_code = ?2"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Bind(2, region).Step());
  if (!row) return OpdNotFound();
  return OpdFromRow(st);
}

Status InsertRow(Connection& conn, Opd& opd) {
  KC_ASSIGN_OR_RETURN(auto region, conn.Prepare("SELECT 1 FROM regions WHERE code = ?1"));
  KC_ASSIGN_OR_RETURN(bool known, region.Bind(1, opd.region_code).Step());
  if (!known) return NotFound({"Region tidak ditemukan.", "No such region."});
  KC_RETURN_IF_ERROR(CheckUnique(conn, opd.region_code, opd.short_name, 0));
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO opds (region_code, name, short_name, type, active, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"));
  st.Bind(1, opd.region_code).Bind(2, opd.name).Bind(3, opd.short_name);
  st.Bind(4, OpdTypeName(opd.type)).Bind(5, opd.active ? 1 : 0).Bind(6, opd.created_at);
  KC_RETURN_IF_ERROR(st.Run());
  opd.id = conn.LastInsertId();
  return Ok();
}

Status UpdateRow(Connection& conn, Opd& opd, const OpdPatch& patch, const std::string& now) {
  KC_ASSIGN_OR_RETURN(opd, SelectOpd(conn, opd.region_code, opd.id));
  if (patch.name) opd.name = *patch.name;
  if (patch.short_name) opd.short_name = *patch.short_name;
  if (patch.type) opd.type = *patch.type;
  if (patch.active) opd.active = *patch.active;
  opd.updated_at = now;
  KC_RETURN_IF_ERROR(CheckUnique(conn, opd.region_code, opd.short_name, opd.id));
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE opds SET name = ?1, short_name = ?2, type = ?3, active = ?4, updated_at = ?5 "
      "WHERE id = ?6"));
  st.Bind(1, opd.name).Bind(2, opd.short_name).Bind(3, OpdTypeName(opd.type));
  st.Bind(4, opd.active ? 1 : 0).Bind(5, now).Bind(6, opd.id);
  return st.Run();
}

}  // namespace

Result<std::vector<Opd>> SqliteRegionStore::ListOpds(std::string_view region_code) {
  return db_.Read([&](Connection& conn) -> Result<std::vector<Opd>> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT " + std::string(kColumns) + " FROM opds WHERE region_code = ?1 "
        "ORDER BY CASE type WHEN 'sekretariat' THEN 0 WHEN 'dinas' THEN 1 WHEN 'badan' THEN 2 "
        "WHEN 'kantor' THEN 3 WHEN 'kecamatan' THEN 4 WHEN 'kelurahan' THEN 5 ELSE 6 END, name"));
    st.Bind(1, region_code);
    std::vector<Opd> out;
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(OpdFromRow(st));
    }
  });
}

void SqliteRegionStore::InsertOpd(Opd opd, OpdDone done) {
  opd.created_at = opd.updated_at = FormatUtc(NowUtc());
  auto row = std::make_shared<Opd>(std::move(opd));
  db_.Write([row](Connection& conn) { return InsertRow(conn, *row); },
            [row, done = std::move(done)](Status st) {
              if (!st.ok()) return done(std::move(st).error());
              done(std::move(*row));
            });
}

void SqliteRegionStore::UpdateOpd(std::string region_code, int64_t id, OpdPatch patch,
                                  OpdDone done) {
  auto row = std::make_shared<Opd>();
  row->region_code = std::move(region_code);
  row->id = id;
  const std::string now = FormatUtc(NowUtc());
  db_.Write([row, patch = std::move(patch), now](Connection& conn) {
              return UpdateRow(conn, *row, patch, now);
            },
            [row, done = std::move(done)](Status st) {
              if (!st.ok()) return done(std::move(st).error());
              done(std::move(*row));
            });
}

}  // namespace kc::regions
