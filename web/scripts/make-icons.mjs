// Renders the PNG app icons from the SVG sources with Debian's chromium (via the browser
// tests' playwright-core). Run after changing an SVG: node web/scripts/make-icons.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const icons = path.join(here, '..', 'public', 'icons');
const { chromium } = await import(path.join(here, '..', '..', 'tests', 'web', 'node_modules', 'playwright-core', 'index.mjs'));

const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-icons-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await ctx.newPage();
  for (const [svg, png, size] of jobs) {
    const src = fs.readFileSync(path.join(icons, svg), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(src).toString('base64')}"></body></html>`,
    );
    await page.locator('img').screenshot({ path: path.join(icons, png), omitBackground: true });
    console.log(`${png} ${size}x${size}`);
  }
} finally {
  await ctx.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
