// registry:build at national scale (bench/national-sources.ts: 200,000 licence records, 1,000,000 filing
// records, 20,000 status rows), run as a publisher runs it: the command line in its own process, its
// elapsed time and peak memory read by GNU time; then the registry it wrote is signed, served and installed
// in the real extension through "Check now" and measured as bench/registry-scale.ts measures synthetic
// ones. Part of `npm run bench`; alone:
// `npx tsx bench/registry-build-scale.ts` (merges into bench-results.json).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { NATIONAL, writeNationalSources } from './national-sources';
import { DEFAULT_FETCH_LIMITS } from '../worker/updates/registry-updates';
import { registryFileScale } from './registry-scale';
import { round } from './stats';

const ROOT = new URL('..', import.meta.url).pathname;
const TIME = '/usr/bin/time';

export async function registryBuildScale() {
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing: apt-get install -y time`);
  const dir = mkdtempSync(join(tmpdir(), 'national-'));
  try {
    const inputs = await writeNationalSources(join(dir, 'sources'));
    // Compressed, as publishers serve it; the figures below give both sizes.
    const out = join(dir, 'registry.json.gz');
    const timing = join(dir, 'time.txt');
    let stdout = '';
    try {
      stdout = execFileSync(
        TIME,
        [
          '-o',
          timing,
          '-f',
          '%e %M',
          process.execPath,
          '--import',
          'tsx',
          join(ROOT, 'cli/registry-build.ts'),
          '--out',
          out,
          '--version',
          '2',
          ...inputs,
        ],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (error) {
      // Exit code 3: written, with records refused (the generated input has a few bad ones on purpose).
      const e = error as { status?: number; stdout?: string };
      if (e.status !== 3) throw error;
      stdout = e.stdout ?? '';
    }
    const unpacked = gunzipSync(readFileSync(out));
    const [seconds, kilobytes] = readFileSync(timing, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
    return {
      licenceRecords: NATIONAL.licences,
      filingRecords: NATIONAL.filings,
      statusRows: NATIONAL.statusRows,
      inputMB: round(inputs.reduce((sum, path) => sum + statSync(path).size, 0) / 1e6, 0),
      buildSeconds: round(seconds, 1),
      peakMemoryMB: round(kilobytes / 1024, 0),
      registryMB: round(unpacked.length / 1e6, 0),
      compressedMB: round(statSync(out).size / 1e6, 1),
      summary: stdout.trim().split('\n'),
      inTheExtension:
        statSync(out).size <= DEFAULT_FETCH_LIMITS.maxBytes
          ? await registryFileScale(unpacked.toString('utf8'), new Uint8Array(readFileSync(out)))
          : `not installed: over the reader's ${DEFAULT_FETCH_LIMITS.maxBytes} byte download cap`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await registryBuildScale();
  const file = join(ROOT, 'bench-results.json');
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, `${JSON.stringify({ ...results, registryBuild: result }, null, 2)}\n`);
  console.log(result);
}
