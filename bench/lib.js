// What the benchmarks share: medians, free loopback ports, a process's memory, and the wait for
// every annotation painted.
const fs = require('fs');
const net = require('net');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };

function freePort() {
  return new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
}

async function waitPort(port) {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => { const c = net.connect(port, '127.0.0.1', () => { c.end(); r(true); }); c.on('error', () => r(false)); });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing on port ${port}`);
}

/** A process's resident set size in bytes (Linux). */
const rss = (pid) => Number((fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) || [0, 0])[1]) * 1024;

/** performance.now() in the page once the Annotations count reads `n`, two frames later (laid out and painted). */
function annotationsPainted(page, n) {
  return page.evaluate((n) => new Promise((resolve) => {
    const check = () => {
      const h = document.querySelector('section[aria-label="Annotations"] h2');
      if (h && h.textContent === `Annotations (${n})`) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      else setTimeout(check, 5);
    };
    check();
  }), n);
}

module.exports = { median, p95, freePort, waitPort, rss, annotationsPainted };
