// Report numbers as people type them: "mdo 2026 123" and "MDO-2026-000123" are the same report.
// The server's form is PREFIX(2..5 letters)-YEAR-SEQUENCE(6..12 digits, zero padded)
// (src/reports/report.cpp LooksLikeTracking); anything else cannot exist.

const SHAPE = /^([A-Z]{2,5})[-\s._/]*(\d{4})[-\s._/]*(\d{1,12})$/;

/** The canonical number, or null when the text cannot be a report number. */
export function normalizeTracking(text: string): string | null {
  const m = SHAPE.exec(text.trim().toUpperCase());
  if (!m) return null;
  const [, prefix, year, seq] = m;
  return `${prefix}-${year}-${(seq ?? '').padStart(6, '0')}`;
}
