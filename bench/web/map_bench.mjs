// Driven by map_bench.sh: opens /r/manado/peta RUNS times in fresh contexts (no cache) and
// prints the time until the map is interactive, with the reports and, as the baseline, with a
// filter that matches none (the feed is then empty; the rest of the page is the same).
import { createRequire } from 'node:module';

const require = createRequire(`${process.env.NODE_PATH}/`);
const { chromium } = require('playwright-core');
const base = process.env.BASE;
const runs = Number(process.env.RUNS || 7);
const expect = process.env.EXPECT;

const browser = await chromium.launch({
  executablePath: process.env.KC_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

async function once(emptyFeed) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  // No map tiles from the internet: the budget is about our page, not a tile server.
  await context.route((url) => url.origin !== base, (route) => route.abort('internetdisconnected'));
  if (emptyFeed) {
    await context.route('**/reports/map-points*', async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('category', 'tidak-ada');
      await route.continue({ url: url.toString() });
    });
  }
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${base}/r/manado/peta`);
  await page.waitForSelector(`#region-map[data-reports="${emptyFeed ? 0 : expect}"][data-ready]`, { timeout: 60_000 });
  if (!emptyFeed) await page.waitForSelector('#region-map[data-markers]');
  const ms = Date.now() - t0;
  await context.close();
  return ms;
}

function stats(label, xs) {
  const s = [...xs].sort((a, b) => a - b);
  const p50 = s[Math.floor(s.length / 2)];
  console.log(`${label}_p50: ${p50} ms`);
  console.log(`${label}_max: ${s[s.length - 1]} ms`);
  return p50;
}

await once(false); // warm the server's page cache and chromium
const withReports = [];
const baseline = [];
for (let i = 0; i < runs; i++) {
  baseline.push(await once(true));
  withReports.push(await once(false));
}
const a = stats('map_interactive', withReports);
const b = stats('map_baseline_no_reports', baseline);
console.log(`map_ratio_to_baseline: ${(a / b).toFixed(2)}x`);
await browser.close();
