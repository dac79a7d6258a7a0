-- The national route's own query (summary_query_sqlite.cpp, no filters, sorted by region name).
SELECT r.code, r.name, r.type, a.code, a.name, s.masterplan_id, s.start_year, s.end_year,
  s.stages_completed, s.version_number, s.version_status, s.readiness_avg, s.maturity_avg,
  s.eval_index, s.eval_previous, s.eval_round, s.programs, s.budget_planned,
  s.budget_realised, s.progress, s.quick_wins_final, s.quick_win_progress, s.latest_period,
  CASE WHEN s.region_code IS NULL THEN 0 ELSE MIN(s.stages_completed + 1, 4) END AS stage
FROM regions r LEFT JOIN areas a ON a.code = substr(r.code, 1, instr(r.code, '.') - 1)
LEFT JOIN masterplan_region_summary s ON s.region_code = r.code
WHERE (NULL IS NULL OR a.code = NULL) AND (NULL IS NULL OR stage = NULL)
ORDER BY (r.name) IS NULL, r.name, r.code;
