// Installable and offline: the service worker keeps the app so it opens and annotates with no
// network, the manifest, the update notice for a new build, and the light and dark themes.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

const { errors } = h.failOnPageErrors(test, expect);

const DIST = path.join(__dirname, '../../dist');
const VERSION_LINE = /^const VERSION = "([^"]+)";$/m;

/** Opens the app and waits until the service worker serves it (it claims the page on first install). */
async function openControlled(page) {
  await h.open(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit, Annota opens and annotates with the network off', async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('article')).toContainText('مشاورة هاتفية بين الأمير عبد اللهيان ولافروف');
  // Really offline: what the worker does not keep cannot be fetched.
  expect(await page.evaluate(() => fetch(`./not-kept-${Date.now()}`).then(() => 'fetched', () => 'failed'))).toBe('failed');
  expect(errors.splice(0)).toEqual(['Failed to load resource: net::ERR_FAILED']); // that fetch, expected
  await h.dragSelect(page, 'وزير الخارجية الروسي');
  await page.keyboard.press('1');
  await h.expectCount(page, 1);
  await expect(page.locator('article mark')).toHaveText('وزير الخارجية الروسي');
  // And the work is kept: reloaded offline, it is still there.
  await page.reload();
  await h.expectCount(page, 1);
});

test('the web app manifest is linked and has what installing needs', async ({ page, request }) => {
  await h.open(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const url = new URL(href, page.url());
  const manifest = await (await request.get(url.href)).json();
  expect(manifest).toMatchObject({ name: 'Annota', short_name: 'Annota', start_url: './', scope: './', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  // Every icon is served, with the size it claims (PNG width and height are at bytes 16 and 20).
  const sizes = [];
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, url).href);
    expect(response.status(), icon.src).toBe(200);
    const body = await response.body();
    if (icon.type === 'image/png') {
      expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`).toBe(icon.sizes);
      sizes.push(icon.sizes);
    } else {
      expect(body.toString()).toContain('<svg');
    }
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark');
  // Chromium's own verdict: the manifest parses, and nothing but this test's incognito profile
  // stands in the way of installing.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await page.context().newCDPSession(page);
  expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** The colours of the page, the article and the panel, as computed. */
async function colours(page) {
  return page.evaluate(() => {
    const style = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      pageBg: style('body').backgroundColor, pageText: style('body').color,
      articleBg: style('article').backgroundColor, articleText: style('article').color,
      panelBg: style('.panel').backgroundColor, muted: style('.article-title').color,
    };
  });
}

for (const scheme of ['light', 'dark']) {
  test(`the ${scheme} theme follows the system setting and keeps text readable`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await h.open(page);
    const c = await colours(page);
    const dark = scheme === 'dark';
    for (const bg of [c.pageBg, c.articleBg, c.panelBg]) expect(luminance(bg) < 0.1, `background ${bg}`).toBe(dark);
    for (const fg of [c.pageText, c.articleText]) expect(luminance(fg) > 0.5, `text ${fg}`).toBe(dark);
    expect(contrast(c.pageText, c.pageBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.articleText, c.articleBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.muted, c.panelBg)).toBeGreaterThanOrEqual(4.5);
  });
}

test('every colour pair of both themes meets WCAG AA (scripts/contrast.js)', () => {
  const run = spawnSync('node', ['scripts/contrast.js'], { cwd: path.join(__dirname, '../..'), encoding: 'utf8' });
  expect(run.stdout).toContain('all pairs meet WCAG AA');
  expect(run.status).toBe(0);
});

test('switching the system theme switches the page at once', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await h.open(page);
  const light = await colours(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours(page);
  expect(luminance(dark.articleBg)).toBeLessThan(luminance(light.articleBg));
  expect(luminance(dark.articleText)).toBeGreaterThan(luminance(light.articleText));
});

test('printing stays dark text on white in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await h.open(page);
  const c = await colours(page);
  expect(luminance(c.articleBg)).toBeGreaterThan(0.9);
  expect(luminance(c.articleText)).toBeLessThan(0.1);
});

/**
 * A copy of dist/ on its own server, so a test can put a new build in place while the page is open
 * (the browser fetches sw.js for updates itself, past Playwright's request routing).
 */
async function serveCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annota-build-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { const m = String(d).match(/port (\d+)/); if (m) resolve(m[1]); });
    server.on('exit', () => reject(new Error('the copy server stopped')));
  });
  const edit = (file, change) => fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), 'utf8')));
  const close = () => { server.kill(); fs.rmSync(dir, { recursive: true, force: true }); };
  return { url: `http://127.0.0.1:${port}/`, edit, close };
}

test('a new build shows "Reload to update", which reloads into the new version and keeps the work', async ({ page }) => {
  const site = await serveCopy();
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await h.dragSelect(page, 'وزير الخارجية الروسي');
    await page.keyboard.press('1');
    await h.expectCount(page, 1);
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

    // A new build: another page and, as every build, another version in sw.js.
    let next;
    site.edit('sw.js', (js) => js.replace(VERSION_LINE, (_, v) => `const VERSION = "${(next = `${v}-next`)}";`));
    site.edit('index.html', (html) => html.replace('<title>', '<meta name="build" content="next" />\n    <title>'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // The browser installs it and keeps it waiting; then the app says so.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state ?? 'none')).toBe('installed');
    await expect(page.getByText('A new version of Annota is ready.')).toBeVisible();

    await page.evaluate(() => { window.beforeUpdate = true; });
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await h.expectCount(page, 1);
    expect(await page.evaluate(() => window.beforeUpdate)).toBeUndefined(); // a new page
    await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', 'next'); // of the new build
    await expect(page.getByText('A new version of Annota is ready.')).toHaveCount(0);
    // The new worker serves the page, and the old version's cache is gone.
    expect(await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration.waiting, controlled: navigator.serviceWorker.controller !== null, caches: await caches.keys() };
    })).toEqual({ waiting: null, controlled: true, caches: [`annota-shell-${next}`] });
  } finally {
    site.close();
  }
});
