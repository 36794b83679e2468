// A national-scale input for `registry:build`, written as the regulator's answers look: licence query
// answers and filing query answers as JSON Lines (several records per answer, one answer per line), a status
// list as CSV, with the noise of real data (full-width digits, 号 or not, three date spellings, duplicate
// answers). Deterministic, so runs compare.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const REGIONS = ['京', '沪', '粤', '浙', '苏', '川', '鲁', '闽', '鄂', '湘', '渝', '津', '皖', '豫', '陕'];
const SERVICES = [
  'B25-信息服务业务（仅限互联网信息服务）',
  'B21-在线数据处理与交易处理业务（仅限经营类电子商务）',
  'B11-互联网数据中心业务',
];

export interface NationalScale {
  licences: number;
  filings: number;
  statusRows: number;
}

export const NATIONAL: NationalScale = { licences: 200_000, filings: 1_000_000, statusRows: 20_000 };

/** A small deterministic generator (mulberry32): the same input every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Region, year and serial from the index: unique for up to 15 × 15 × 10,000 licences.
const licenceNumber = (i: number) =>
  `${REGIONS[i % 15]}B2-${2010 + (Math.floor(i / 15) % 15)}${String(Math.floor(i / 225)).padStart(4, '0')}`;
const fullWidth = (text: string) => text.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function dateSpelling(year: number, month: number, day: number, style: number): string {
  if (style === 0) return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (style === 1) return `${year}/${month}/${day}`;
  return `${year}年${month}月${day}日`;
}

async function writeLines(path: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${line(i)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes the three inputs into `dir`; returns their paths. */
export async function writeNationalSources(dir: string, scale: NationalScale = NATIONAL): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const next = random(20261122);
  const numbers = Array.from({ length: scale.licences }, (_, i) => licenceNumber(i));

  const LICENCES_PER_ANSWER = 10;
  // One answer in fifty is asked again and kept twice, as publishers' collections do.
  const licenceAnswers = Math.ceil(scale.licences / LICENCES_PER_ANSWER);
  await writeLines(join(dir, 'licence-answers.jsonl'), licenceAnswers + Math.floor(licenceAnswers / 50), (line) => {
    const answer = line < licenceAnswers ? line : (line - licenceAnswers) * 50;
    const listyj = numbers.slice(answer * LICENCES_PER_ANSWER, (answer + 1) * LICENCES_PER_ANSWER).map((number, k) => {
      const i = answer * LICENCES_PER_ANSWER + k;
      const year = 2019 + (i % 7);
      const style = i % 3;
      return {
        company_name: `示例${i}网络科技有限公司`,
        faren: `法人${i % 997}`,
        license_no: i % 11 === 0 ? fullWidth(number) : i % 5 === 0 ? `${number}号` : number,
        fzjg: `${number[0]}通信管理局`,
        lic_id: `L${i}`,
        ywzlInfos: SERVICES.slice(0, 1 + (i % 2)).map((ywzl) => ({
          ywzl,
          fgfw: i % 4 === 0 ? '全国' : `${number[0]}`,
          fzrq: dateSpelling(year, 1 + (i % 12), 1 + (i % 28), style),
          jzrq: dateSpelling(year + 5, 1 + (i % 12), 1 + (i % 28), style),
        })),
      };
    });
    return JSON.stringify({ listyj });
  });

  const FILINGS_PER_ANSWER = 20;
  // Seven in ten filings are under a licence (five per licence on average, more for some), the rest under a filing number.
  await writeLines(join(dir, 'filing-answers.jsonl'), Math.ceil(scale.filings / FILINGS_PER_ANSWER), (line) => {
    const list = [];
    for (let k = 0; k < FILINGS_PER_ANSWER; k++) {
      const i = line * FILINGS_PER_ANSWER + k;
      if (i >= scale.filings) break;
      const underLicence = next() < 0.7;
      const owner = Math.floor(next() ** 2 * scale.licences);
      const main = underLicence ? numbers[owner] : `${REGIONS[i % REGIONS.length]}ICP备${String(10_000_000 + i)}号`;
      list.push({
        unitName: underLicence ? `示例${owner}网络科技有限公司` : `备案主体${i}有限公司`,
        natureName: i % 9 === 0 ? '个人' : '企业',
        mainLicence: main,
        serviceLicence: `${main}-${1 + (i % 30)}`,
        serviceName: `站点${i}`,
        domain: `site-${i.toString(36)}.${i % 3 === 0 ? 'com.cn' : 'cn'}`,
        updateRecordTime: `${2020 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`,
        limitAccess: '否',
        contentTypeName: '',
      });
    }
    return JSON.stringify({ params: { list, total: list.length } });
  });

  const TYPES = ['注销', '吊销', '列入不良名单', '列入失信名单'];
  await writeLines(join(dir, 'status-list.csv'), scale.statusRows + 1, (row) => {
    if (row === 0) return '许可证编号,经营者名称,类型,日期,决定机关,事由';
    const i = Math.floor((row * scale.licences) / (scale.statusRows + 1));
    return `${numbers[i]},示例${i}网络科技有限公司,${TYPES[row % TYPES.length]},${dateSpelling(2025, 1 + (row % 12), 1 + (row % 28), row % 3)},${numbers[i][0]}通信管理局,"依法处理, 第${row}号"`;
  });
  return ['licence-answers.jsonl', 'filing-answers.jsonl', 'status-list.csv'].map((name) => join(dir, name));
}
