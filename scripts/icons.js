// Renders the app icons for the web app manifest from assets/favicon.svg, offline, with Debian's
// Chromium: assets/icons/icon.svg, icon-192.png, icon-512.png and icon-maskable-512.png.
// Usage: node scripts/icons.js   (the PNGs are committed; rerun only when the favicon changes)
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const dir = path.join('assets', 'icons');
const svg = fs.readFileSync(path.join('assets', 'favicon.svg'), 'utf8');

// A maskable icon is cropped to a circle or squircle by the launcher: the background must fill the
// square edge to edge and the drawing stay inside the central safe zone (a circle of 40 % radius).
function maskable(source) {
  const inner = source.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const background = inner.match(/<rect[^>]*\/>/)[0]; // the favicon's first shape is its rounded background
  const drawing = inner.replace(background, '');
  const fill = background.match(/fill="([^"]+)"/)[1];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${fill}"/>`
    + `<g transform="translate(16 16) scale(.75) translate(-16 -16)">${drawing}</g></svg>`;
}

async function render(browser, source, size, file) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const url = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style><img src="${url}">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: path.join(dir, file), omitBackground: true });
  await page.close();
}

async function main() {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'icon.svg'), svg);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await render(browser, svg, 192, 'icon-192.png');
    await render(browser, svg, 512, 'icon-512.png');
    await render(browser, maskable(svg), 512, 'icon-maskable-512.png');
  } finally {
    await browser.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
