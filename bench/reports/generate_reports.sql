-- Fills the reports of region 71.71 (Kota Manado, after `kotacerdas demo`) with :n generated
-- reports spread over two years: the region's categories and their default OPDs, points inside
-- Manado's bounding box with the kecamatan/kelurahan codes of its areas, a realistic status mix
-- (most resolved, some open, a few rejected) and SLA deadlines. Run with the sqlite3 CLI after
-- `.parameter set :n 1000000`. Tracking numbers continue the region's counters.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;

CREATE TEMP TABLE kel AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, parent_code AS kec
  FROM areas WHERE level = 'kelurahan' AND code LIKE '71.71.%';
CREATE TEMP TABLE cat AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, default_opd_id AS opd
  FROM report_categories WHERE region_code = '71.71';

BEGIN;
WITH RECURSIVE seq(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM seq WHERE k < :n),
  -- MATERIALIZED: each random() is drawn once per row, not again at every reference.
  draw AS MATERIALIZED (
    SELECT k,
           abs(random()) % (SELECT count(*) FROM kel) AS kel_i,
           abs(random()) % (SELECT count(*) FROM cat) AS cat_i,
           abs(random()) % 100 AS s,
           -- seconds back from now, up to two years
           abs(random()) % (730 * 86400) AS back,
           1.44 + (abs(random()) % 180000) / 1000000.0 AS lat,
           124.80 + (abs(random()) % 150000) / 1000000.0 AS lon
    FROM seq),
  shaped AS (
    SELECT d.*, kel.code AS kel_code, kel.kec AS kec_code, cat.code AS cat_code, cat.opd AS opd,
           strftime('%Y-%m-%dT%H:%M:%S.000Z', 'now', '-' || d.back || ' seconds') AS created,
           CASE WHEN d.s < 55 THEN 'selesai' WHEN d.s < 65 THEN 'diproses'
                WHEN d.s < 75 THEN 'diverifikasi' WHEN d.s < 90 THEN 'diterima'
                WHEN d.s < 97 THEN 'ditolak' ELSE 'duplikat' END AS status
    FROM draw d JOIN kel ON kel.i = d.kel_i JOIN cat ON cat.i = d.cat_i)
INSERT INTO reports (region_code, tracking, category_code, status, description, lat, lon, address,
                     kecamatan_code, kelurahan_code, area_match, opd_id, attributes, is_public,
                     channel, created_at, updated_at, response_due, resolve_due, responded_at,
                     resolved_at, escalated_response_at, escalated_resolve_at, supporters)
SELECT '71.71', printf('GEN-%s-%07d', substr(created, 1, 4), k), cat_code, status,
       'Laporan warga nomor ' || k || ': ' || cat_code || ' di sekitar kelurahan ' || kel_code ||
         ', mohon segera ditindaklanjuti oleh dinas terkait. Sudah beberapa hari belum ada perbaikan.',
       lat, lon, NULL, kec_code, kel_code, 'inside', opd, '{}', CASE WHEN s % 20 = 0 THEN 0 ELSE 1 END,
       CASE WHEN s % 3 = 0 THEN 'open311' ELSE 'api' END, created, created,
       strftime('%Y-%m-%dT%H:%M:%S.000Z', created, '+1 day'),
       strftime('%Y-%m-%dT%H:%M:%S.000Z', created, '+7 days'),
       CASE WHEN status <> 'diterima' THEN strftime('%Y-%m-%dT%H:%M:%S.000Z', created, '+3 hours') END,
       CASE WHEN status = 'selesai' THEN strftime('%Y-%m-%dT%H:%M:%S.000Z', created, '+4 days') END,
       -- history: clocks that ran out were escalated then (keeps the sweeper idle in the bench)
       CASE WHEN status = 'diterima' THEN strftime('%Y-%m-%dT%H:%M:%S.000Z', created, '+2 days') END,
       CASE WHEN status IN ('diterima', 'diverifikasi', 'diproses')
            THEN strftime('%Y-%m-%dT%H:%M:%S.000Z', created, '+8 days') END,
       s % 7
FROM shaped;
COMMIT;
ANALYZE;
SELECT 'generated_reports: ' || count(*) || ' reports' FROM reports WHERE region_code = '71.71';
