// The web app's unit tests (vitest: formats, router, API errors, messages), reported through
// node's test runner with the browser tests. Needs web/node_modules (scripts/build-web).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const vitest = path.join(web, 'node_modules', 'vitest', 'vitest.mjs');

test('web unit tests (vitest)', (t) => {
  if (!fs.existsSync(vitest)) return t.skip('web/node_modules missing: run scripts/build-web');
  const r = spawnSync(process.execPath, [vitest, 'run', '--reporter=dot'], {
    cwd: web,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    timeout: 300_000,
  });
  assert.equal(r.status, 0, `vitest failed:\n${r.stdout}\n${r.stderr}`);
});
