// What any content script pays per page load before doing its own work, measured as bench/cold-cost.ts
// measures ours: the parts a licence checker cannot do without (being injected, reaching the page's body,
// reading its text, sending a message), each one step more than the last, beside the innerText checker in
// the same run. The differences between rows are what each step costs, cold; what is left between the
// last row and ours is our own code (compiling and running it). Alone: `npx tsx bench/cold-floor.ts [--runs N]`.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../test/e2e/chromium';
import { CHECKER_SCRIPT, contentScriptExtension, pages, serve, tracedLoad, unpackedId } from './cold-cost';
import { median, round } from './stats';

const ANCHOR = String.raw`/[BＢbｂ][12１２]|[IＩiｉ][CＣcｃ][PＰpｐ]|公网安备/`;
const STEPS = [
  { name: 'injected, nothing run', code: '0;' },
  { name: '+ document', code: 'document;' },
  { name: '+ document.body', code: 'document.body;' },
  { name: '+ its textContent and a regex', code: `document.body.textContent.search(${ANCHOR});` },
  {
    name: '+ chrome.runtime.sendMessage',
    code: `document.body.textContent.search(${ANCHOR}); chrome.runtime.sendMessage({ type: 'findings', findings: [] }).catch(() => {});`,
  },
  { name: 'innerText checker', code: CHECKER_SCRIPT },
];

export async function coldFloor(runs = 9) {
  const list = pages().filter((p) => p.nodes === 1_000);
  const server = await serve(list);
  const subjects = STEPS.map((s) => {
    const extension = contentScriptExtension(s.name, s.code);
    return { ...s, extension, id: unpackedId(extension) };
  });
  const browsers: Browser[] = [];
  try {
    for (const s of subjects) browsers.push(await launchChromium(s.extension));
    for (const [i, s] of subjects.entries())
      await tracedLoad(browsers[i], `http://${list[0].host}:${server.port}${list[0].path}?warmup`, s.id);
    const rows: Record<string, Record<string, number>> = {};
    for (const s of subjects) rows[s.name] = {};
    for (const page of list) {
      const cpu: number[][] = subjects.map(() => []);
      for (let run = 0; run < runs; run++) {
        for (const [i, s] of subjects.entries()) {
          const cost = await tracedLoad(browsers[i], `http://${page.host}:${server.port}${page.path}?run=${run}`, s.id);
          cpu[i].push(cost.cpu.totalMs);
        }
      }
      for (const [i, s] of subjects.entries()) rows[s.name][`${page.name}, CPU ms`] = round(median(cpu[i]));
    }
    return rows;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
}

async function main() {
  const at = process.argv.indexOf('--runs');
  const rows = await coldFloor(at > 0 ? Number(process.argv[at + 1]) : 9);
  console.log('\nCold cost per page load of the steps any content script takes (medians of the main thread’s CPU ms, 1,000-node pages)');
  console.table(rows);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) void main();
