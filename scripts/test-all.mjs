// `npm test`: every suite — Vitest (core, storage, components, CLI) and the Playwright journeys in real
// Chromium — then one closing line "N passed, N failed" summing them all. Exit code 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { findChromium } from './find-chromium.mjs';

const out = mkdtempSync(join(tmpdir(), 'audarma-test-'));
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;

const vitestJson = join(out, 'vitest.json');
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const chromium = findChromium();
const port = await freePort();
const playwrightJson = join(out, 'playwright.json');
const playwrightStatus = run('npx', ['playwright', 'test'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  PLAYWRIGHT_PORT: String(port),
});

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed +=
    report.numFailedTests +
    (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
} else failed += 1;
if (existsSync(playwrightJson)) {
  const { stats } = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  if (stats.skipped > 0) {
    console.error(`${stats.skipped} browser journeys were skipped: that is a failure here.`);
    failed += stats.skipped;
  }
} else failed += 1;
if (vitestStatus !== 0 && failed === 0) failed += 1;
if (playwrightStatus !== 0 && failed === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
