// Takes screenshots of the app (desktop and phone) with a few overlapping annotations on the sample article.
// Usage: node scripts/screenshot.js [--dark] [outdir]   (serves dist/ itself; run `make build` first)
// --dark: in the dark theme (the system setting emulated), named screenshot-<size>-dark.png.
const { chromium } = require('playwright-core');
const { spawn } = require('child_process');
const path = require('path');

const args = process.argv.slice(2);
const dark = args.includes('--dark');
const out = args.find((a) => !a.startsWith('--')) || 'docs';
const PORT = 4199;

async function main() {
  const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 860 }], ['phone', { width: 390, height: 844 }]]) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: name === 'phone' ? 2 : 1, colorScheme: dark ? 'dark' : 'light' });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForSelector('article p');
      const fixture = require(path.resolve('tests/e2e/fixtures/sample-annotated.annota.json'));
      await page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'sample.annota.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixture)) });
      await page.waitForSelector('article mark');
      await page.locator('article mark').nth(2).click();
      await page.screenshot({ path: path.join(out, `screenshot-${name}${dark ? '-dark' : ''}.png`), fullPage: false });
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
