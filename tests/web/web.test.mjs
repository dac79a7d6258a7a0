// Entry for `node --test tests/web/` (which only picks *.test.mjs): the browser tests are in
// run.mjs (pages) and flows.mjs (sign-in, report flow, offline queue, report page, map with
// reports, staff inbox), masterplan_progress.mjs and masterplan.mjs (masterplan; shared steps in
// masterplan_helpers.mjs) and admin.mjs, sharing one server and one browser.
import './run.mjs';
import './flows.mjs';
import './masterplan_progress.mjs'; // before masterplan.mjs, which publishes the demo plan
import './masterplan.mjs';
import './admin.mjs';
