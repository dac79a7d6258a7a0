// Entry for `node --test tests/web/` (which only picks *.test.mjs): the browser tests are in
// run.mjs (pages) and flows.mjs (sign-in, report flow, offline queue, report page, map with
// reports, staff inbox), sharing one server and one browser.
import './run.mjs';
import './flows.mjs';
import './masterplan.mjs';
import './admin.mjs';
