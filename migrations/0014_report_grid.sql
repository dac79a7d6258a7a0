-- Location lookups (bounding-box lists, possible duplicates nearby) through a grid of
-- 0.01-degree cells (about 1.1 km) indexed with the region and the point, instead of the R*Tree of
-- migration 0006: an R*Tree insert rewrites a random leaf and the boxes above it, which cost a
-- third of every submission's write; a B-tree entry per report costs little, and lookups of a
-- few cells, tested on the index's lat/lon, read no row outside the box. The expression is repeated in
-- src/reports/grid_cell.h (GridCell), which must compute exactly the same value.
ALTER TABLE reports ADD COLUMN grid_cell INTEGER
  GENERATED ALWAYS AS (CAST((lat + 90.0) * 100 AS INTEGER) * 100000 +
                       CAST((lon + 180.0) * 100 AS INTEGER)) VIRTUAL;
-- lat and lon in the index let a lookup test the exact box on index entries alone.
CREATE INDEX reports_grid ON reports (region_code, grid_cell, lat, lon);

DROP TRIGGER reports_rtree_insert;
DROP TABLE reports_rtree;
