-- The national summary computed on demand from the raw tables (what the route would cost
-- without the maintained masterplan_region_summary rows): per region the Bimtek stages
-- completed, readiness and maturity averages, programs, planned and realised budget, the mean
-- latest realisation and the latest evaluation index. Same figures as summary_store_sqlite.cpp.
WITH plan AS (
  SELECT m.region_code, m.id,
         (SELECT v.id FROM masterplan_versions v WHERE v.masterplan_id = m.id
          ORDER BY v.number DESC LIMIT 1) AS vid
  FROM masterplans m),
latest AS (
  SELECT pp.masterplan_id, pp.realisation FROM program_progress pp
  WHERE pp.period_end = (SELECT MAX(x.period_end) FROM program_progress x
                         WHERE x.masterplan_id = pp.masterplan_id AND x.program_no = pp.program_no))
SELECT r.code, r.name,
  (SELECT COUNT(*) FROM bimtek_stages b WHERE b.masterplan_id = p.id AND b.completed_at IS NOT NULL),
  (SELECT AVG(score) FROM readiness_scores WHERE version_id = p.vid),
  (SELECT AVG(level) FROM maturity_levels WHERE version_id = p.vid),
  (SELECT COUNT(*) FROM programs WHERE version_id = p.vid),
  (SELECT SUM(json_extract(j.value, '$.amount')) FROM programs pr, json_each(pr.budget) j
   WHERE pr.version_id = p.vid),
  (SELECT SUM(budget_realised) FROM program_progress WHERE masterplan_id = p.id),
  (SELECT AVG(realisation) FROM latest l WHERE l.masterplan_id = p.id),
  (SELECT e.idx FROM evaluations e JOIN evaluation_rounds er ON er.id = e.round_id
   WHERE e.region_code = r.code AND e.dimension = '' ORDER BY er.year DESC, er.round DESC LIMIT 1)
FROM regions r LEFT JOIN plan p ON p.region_code = r.code
ORDER BY r.name;
