// Browser tests of the web app against the real server, in Debian's chromium driven by
// playwright-core, at a phone (360x740) and a desktop viewport.
//   node --test tests/web/          (scripts/test does this; KC_BINARY=path/to/kotacerdas)
//   node tests/web/run.mjs          the same, this file only
// The server serves web/dist (scripts/build-web first) from an empty data directory. Pages
// that need a region with boundaries create it with the CLI (areas import, region add,
// boundaries import) when the binary has those commands and the data files are present;
// otherwise those tests are skipped with the reason. Screenshots: test-artifacts/web/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const BIN = path.resolve(process.env.KC_BINARY || path.join(root, 'build', 'test', 'src', 'app', 'kotacerdas'));
// KC_WEB_DIST: another build of the web app (e.g. vite build --outDir elsewhere).
const DIST = path.resolve(process.env.KC_WEB_DIST || path.join(root, 'web', 'dist'));
const ARTIFACTS = path.join(root, 'test-artifacts', 'web');
const AREA_SOURCE =
  process.env.KOTACERDAS_AREA_SOURCE || path.join(root, 'tools', 'areas', 'node_modules', 'idn-area-data', 'data');
const BOUNDARY_DIR = process.env.KOTACERDAS_BOUNDARY_DIR || path.join(root, '..', 'shared', 'data', 'boundaries');
const CHROMIUM = process.env.KC_CHROMIUM || '/usr/bin/chromium';
const AXE_SOURCE = fs.readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 } },
};

// The demo region the tests create: Kota Manado with kecamatan boundaries, and Kota
// Singkawang without boundaries.
const REGION = { code: '71.71', slug: 'manado', name: 'Kota Manado', kecamatan: 11, file: '7171-kecamatan.geojson' };
const BARE_REGION = { code: '61.72', slug: 'singkawang' };

let server; // { proc, base, log }
let browser;
let dataDir;
let seed = { ok: false, reason: 'not attempted' };
let regionsApi = false;

function run(args, opts = {}) {
  const r = spawnSync(BIN, args, { cwd: root, encoding: 'utf8', timeout: 300_000, ...opts });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}

function cliHas(...words) {
  const r = run([...words.slice(0, -1), '--help']);
  return r.status === 0 && new RegExp(`^\\s+${words[words.length - 1]}\\b`, 'm').test(r.out);
}

/** Creates the demo data with the CLI; returns {ok} or {ok:false, reason} for a skip. */
function seedData() {
  if (!cliHas('areas') || !cliHas('areas', 'import') || !cliHas('region') || !cliHas('region', 'add')) {
    return { ok: false, reason: 'this kotacerdas has no `areas import` / `region add` commands yet' };
  }
  if (!fs.existsSync(path.join(AREA_SOURCE, 'villages.csv'))) {
    const tools = path.join(root, 'tools', 'areas');
    if (!process.env.KOTACERDAS_AREA_SOURCE && fs.existsSync(path.join(tools, 'package-lock.json'))) {
      spawnSync('npm', ['ci', '--prefix', tools, '--no-audit', '--no-fund', '--loglevel=error'], {
        stdio: 'inherit',
        timeout: 300_000,
      });
    }
    if (!fs.existsSync(path.join(AREA_SOURCE, 'villages.csv'))) {
      return { ok: false, reason: `no idn-area-data CSV files in ${AREA_SOURCE}` };
    }
  }
  const boundaryFile = path.join(BOUNDARY_DIR, REGION.file);
  if (!fs.existsSync(boundaryFile)) return { ok: false, reason: `no boundary file ${boundaryFile}` };
  const steps = [
    ['areas', 'import', '--source', AREA_SOURCE],
    ['region', 'add', REGION.code, '--slug', REGION.slug],
    ['region', 'add', BARE_REGION.code, '--slug', BARE_REGION.slug],
    ['boundaries', 'import', boundaryFile, '--level', 'kecamatan'],
  ];
  // Categories, OPDs, kelurahan boundaries and the demo logins (flows.mjs signs in with them).
  if (cliHas('demo')) steps.push(['demo']);
  for (const step of steps) {
    const r = run([...step, '--data-dir', dataDir]);
    // A failing command that exists is a real failure, not a reason to skip.
    assert.equal(r.status, 0, `kotacerdas ${step.join(' ')} failed:\n${r.out}`);
  }
  return { ok: true };
}

async function startServer() {
  const portFile = path.join(dataDir, 'port');
  const log = [];
  const proc = spawn(
    BIN,
    ['serve', '--port', '0', '--port-file', portFile, '--data-dir', dataDir, '--web-dir', DIST, '--access-log', 'off'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stdout.on('data', (d) => log.push(String(d)));
  proc.stderr.on('data', (d) => log.push(String(d)));
  let exited = null;
  proc.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const deadline = Date.now() + 30_000;
  let port = null;
  while (Date.now() < deadline && exited === null) {
    const text = fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : '';
    if (/^\d+$/.test(text)) {
      port = Number(text);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!port) {
    proc.kill('SIGKILL');
    throw new Error(`server did not write ${portFile} (exit ${JSON.stringify(exited)}):\n${log.join('')}`);
  }
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not healthy:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { proc, base, log };
}

before(async () => {
  assert.ok(fs.existsSync(BIN), `no server binary at ${BIN} (set KC_BINARY)`);
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run scripts/build-web`);
  assert.ok(fs.existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: apt-get install chromium`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-web-'));
  seed = seedData();
  if (!seed.ok) console.log(`region pages skipped: ${seed.reason}`);
  server = await startServer();
  regionsApi = (await fetch(`${server.base}/api/v1/regions`)).status === 200;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  if (server) {
    const exited = new Promise((r) => server.proc.once('exit', r));
    server.proc.kill('SIGTERM');
    const timer = setTimeout(() => server.proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A fresh browser context (own storage) at the viewport. Everything that is not our server
 * (map tiles, links out) is refused, so no test depends on the internet.
 */
async function openPage(kind, options = {}) {
  const context = await browser.newContext({ ...VIEWPORTS[kind], locale: 'id-ID', timezoneId: 'Asia/Jakarta', ...options });
  await context.route(
    (url) => url.origin !== server.base,
    (route) => route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  return {
    page,
    context,
    errors,
    close: async () => {
      await context.close();
      assert.deepEqual(errors.map(String), [], 'uncaught errors in the page');
    },
  };
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core in the page; fails on serious or critical violations. */
async function checkA11y(page, label) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe: serious/critical violations on ${label}`);
  return result;
}

/** gzip size (from the .gz files in dist) of the JS and CSS the page loaded from /assets/. */
async function assetBudget(page) {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => /\/assets\/.+\.(js|css)$/.test(new URL(u).pathname)),
  );
  let total = 0;
  const files = [];
  for (const u of new Set(urls)) {
    const rel = new URL(u).pathname.slice(1);
    const gz = path.join(DIST, `${rel}.gz`);
    const size = fs.existsSync(gz) ? fs.statSync(gz).size : fs.statSync(path.join(DIST, rel)).size;
    total += size;
    files.push(`${path.basename(rel)} ${size}`);
  }
  return { total, files };
}

const sizes = {};
after(() => {
  if (Object.keys(sizes).length) {
    console.log('JS+CSS gzipped per page (bytes):');
    for (const [k, v] of Object.entries(sizes)) console.log(`  ${k}: ${v.total} (${v.files.join(', ')})`);
  }
});

describe('server delivery of the app', () => {
  test('hashed assets are immutable and pre-compressed; pages fall back to index.html', async () => {
    const index = await fetch(`${server.base}/r/${REGION.slug}/peta`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(index.headers.get('cache-control'), 'no-cache');
    const html = await index.text();
    assert.match(html, /<meta name="viewport"/);
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'index.html loads a hashed module script');
    const js = await fetch(`${server.base}${script}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-encoding'), 'br');
    assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    const manifest = await fetch(`${server.base}/manifest.webmanifest`);
    assert.equal(manifest.status, 200);
    const m = await manifest.json();
    assert.equal(m.name, 'kotacerdas');
    assert.ok(m.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
    for (const icon of m.icons) assert.equal((await fetch(`${server.base}${icon.src}`)).status, 200, icon.src);
  });
});

for (const kind of Object.keys(VIEWPORTS)) {
  describe(`${kind} viewport`, () => {
    test('landing page lists regions and switches language', async () => {
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/`);
        await page.locator('h1').waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'id');
        assert.equal(await page.locator('h1').textContent(), 'Kota cerdas di seluruh Indonesia');
        // The region list, an empty list, or a clear message: never a spinner forever.
        await page.locator('.region-list, .empty, .notice-error').first().waitFor();
        if (seed.ok) {
          const link = page.getByRole('link', { name: new RegExp(REGION.name) });
          assert.equal(await link.getAttribute('href'), `/r/${REGION.slug}`);
        }
        if (kind === 'phone') {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `no horizontal scrolling at 360 px (scrollWidth ${width})`);
        }
        await checkA11y(page, `/ (${kind})`);
        sizes[`/ (${kind})`] = await assetBudget(page);
        assert.ok(sizes[`/ (${kind})`].total < 150 * 1024, 'initial JS+CSS under 150 KB gzipped');
        await shot(page, `${kind}-landing-id`);

        // English: the page, <html lang>, the API's language, and it survives a reload.
        const apiCall = page.waitForRequest((r) => r.url().endsWith('/api/v1/regions'));
        await page.getByRole('button', { name: 'English' }).click();
        assert.equal((await apiCall).headers()['accept-language'], 'en');
        await page.getByRole('heading', { level: 1, name: 'Smart cities across Indonesia' }).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Smart cities across Indonesia' }).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.evaluate(() => localStorage.getItem('kc-lang')), 'en');
        await page.locator('.region-list, .empty, .notice-error').first().waitFor();
        await checkA11y(page, `/ in English (${kind})`);
        await shot(page, `${kind}-landing-en`);
        await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
        await page.getByRole('heading', { level: 1, name: 'Kota cerdas di seluruh Indonesia' }).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'id');
      } finally {
        await close();
      }
    });

    test('skip link and keyboard focus', async () => {
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/tentang`);
        await page.locator('h1').waitFor();
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => document.activeElement?.textContent);
        assert.equal(first, 'Langsung ke konten utama');
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
        // Navigating in the app moves focus to the new page's content.
        await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Beranda' }).click();
        await page.getByRole('heading', { level: 1, name: 'Kota cerdas di seluruh Indonesia' }).waitFor();
        assert.equal(new URL(page.url()).pathname, '/');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      } finally {
        await close();
      }
    });

    test('a region that does not exist shows a clear message', async () => {
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/r/tidak-ada`);
        if (regionsApi) {
          await page.getByTestId('region-not-found').waitFor();
          assert.equal(await page.locator('h1').textContent(), 'Wilayah tidak ditemukan');
          assert.match(await page.getByTestId('region-not-found').textContent(), /tidak-ada/);
          // In English the server's message comes in English too (Accept-Language: en).
          await page.getByRole('button', { name: 'English' }).click();
          await page.getByRole('heading', { level: 1, name: 'Region not found' }).waitFor();
          await page.getByText('Region "tidak-ada" not found.').waitFor();
          await shot(page, `${kind}-region-not-found-en`);
          await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
          await page.getByRole('heading', { level: 1, name: 'Wilayah tidak ditemukan' }).waitFor();
        } else {
          // A server without the regions API: say so instead of failing silently.
          await page.getByText('Fitur ini belum tersedia di server ini.').waitFor();
        }
        await checkA11y(page, `/r/tidak-ada (${kind})`);
        await shot(page, `${kind}-region-not-found`);
      } finally {
        await close();
      }
    });

    test('about page credits the data', async () => {
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/tentang`);
        await page.getByRole('heading', { level: 1, name: 'Tentang kotacerdas' }).waitFor();
        const credits = await page.locator('.credits').textContent();
        assert.match(credits, /idn-area-data/);
        assert.match(credits, /Open Database License \(ODbL\) 1\.0/);
        assert.match(credits, /Cahya DSN/);
        assert.match(credits, /MIT/);
        assert.match(credits, /OpenStreetMap/);
        await checkA11y(page, `/tentang (${kind})`);
        sizes[`/tentang (${kind})`] = await assetBudget(page);
        await shot(page, `${kind}-about`);
      } finally {
        await close();
      }
    });

    test('unknown paths show the not-found page', async () => {
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/tidak/ada/halaman`);
        await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
        await checkA11y(page, `404 (${kind})`);
      } finally {
        await close();
      }
    });

    test('region home shows the region and its kecamatan count', async (t) => {
      if (!seed.ok) return t.skip(seed.reason);
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/`);
        await page.getByRole('link', { name: new RegExp(REGION.name) }).click();
        await page.getByRole('heading', { level: 1, name: REGION.name }).waitFor();
        assert.equal(new URL(page.url()).pathname, `/r/${REGION.slug}`);
        assert.equal(await page.getByTestId('kecamatan-count').textContent(), String(REGION.kecamatan));
        assert.match(await page.locator('.facts').textContent(), /\d{2}\.\d{2} WITA/);
        assert.equal(await page.locator('[data-slot="announcements"]').count(), 1);
        await checkA11y(page, `/r/${REGION.slug} (${kind})`);
        sizes[`/r/${REGION.slug} (${kind})`] = await assetBudget(page);
        assert.ok(sizes[`/r/${REGION.slug} (${kind})`].total < 150 * 1024, 'initial JS+CSS under 150 KB gzipped');
        await shot(page, `${kind}-region-home`);
      } finally {
        await close();
      }
    });

    test('region map shows kecamatan boundaries without tiles', async (t) => {
      if (!seed.ok) return t.skip(seed.reason);
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/r/${REGION.slug}/peta`);
        await page.getByRole('heading', { level: 1, name: `Peta ${REGION.name}` }).waitFor();
        const map = page.locator('#region-map');
        await page.waitForSelector(`#region-map[data-features="${REGION.kecamatan}"]`);
        const paths = await map.locator('.leaflet-overlay-pane path').count();
        assert.equal(paths, REGION.kecamatan, 'one outline per kecamatan');
        // Tiles are refused in tests: the page says so, and the boundaries are still there.
        await page.getByText('Latar peta tidak dapat dimuat; batas wilayah tetap ditampilkan.').waitFor();
        const chips = page.locator('.chip-list button');
        assert.equal(await chips.count(), REGION.kecamatan);
        await checkA11y(page, `/r/${REGION.slug}/peta (${kind})`);
        sizes[`/r/${REGION.slug}/peta (${kind})`] = await assetBudget(page);
        await shot(page, `${kind}-region-map`);
        // Picking a kecamatan from the list highlights it on the map.
        await chips.nth(1).click();
        assert.equal(await chips.nth(1).getAttribute('aria-pressed'), 'true');
        await page.locator('.leaflet-tooltip').waitFor();
        assert.equal(await page.locator('.leaflet-tooltip').textContent(), await chips.nth(1).textContent());
        await shot(page, `${kind}-region-map-kecamatan`);
      } finally {
        await close();
      }
    });

    test('a region without boundaries still has a map page', async (t) => {
      if (!seed.ok) return t.skip(seed.reason);
      const { page, close } = await openPage(kind);
      try {
        await page.goto(`${server.base}/r/${BARE_REGION.slug}/peta`);
        await page.locator('h1').waitFor();
        await page.getByText('Batas wilayah belum diimpor').waitFor();
        await page.waitForSelector('#region-map[data-ready="true"]');
        await checkA11y(page, `/r/${BARE_REGION.slug}/peta (${kind})`);
      } finally {
        await close();
      }
    });
  });
}

/** The demo logins written by `kotacerdas demo` (role -> {email, password}), or null. */
function demoLogins() {
  const file = path.join(dataDir, 'demo-logins.txt');
  if (!fs.existsSync(file)) return null;
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [role, email, password] = line.trim().split(/\s+/);
    if (role && email && password) out[role] = { email, password };
  }
  return out;
}

// For the flow tests in flows.mjs (same server, browser and seed; live bindings).
export { server, seed, dataDir, demoLogins, openPage, shot, checkA11y, assetBudget, sizes, REGION, VIEWPORTS };
