// Entry for `node --test tests/web/` (which only picks *.test.mjs): the browser tests are in run.mjs.
import './run.mjs';
