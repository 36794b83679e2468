// The labels of a licence document, as they appear after cleaning (NFKC, spaces between Chinese removed).
// Order matters where one label is a prefix of another: the longer one comes first.
export type Label =
  | 'number'
  | 'holder'
  | 'legalRepresentative'
  | 'services'
  | 'issuedOn'
  | 'validUntil'
  | 'websiteName'
  | 'appName'
  | 'domain'
  | 'serverLocation'
  | 'accessProvider';

const LABELS: Readonly<[Label, RegExp]>[] = [
  ['number', /^(?:经营)?许可证编号/],
  ['holder', /^(?:公司名称|经营者名称|单位名称)/],
  ['legalRepresentative', /^(?:法定代表人|法人代表)(?:\(负责人\))?/],
  ['services', /^业务种类/],
  ['issuedOn', /^(?:发证|颁发)(?:日期|日|期)/],
  // `有效期: <from>至<until>` states a range; its last date is the one the licence runs to.
  ['validUntil', /^有效期(?:限至|至|限)?/],
  ['websiteName', /^网站名称/],
  ['appName', /^APP名称/i],
  ['domain', /^(?:网站|APP)域名/i],
  ['serverLocation', /^(?:APP)?服务器放置地址?/i],
  ['accessProvider', /^(?:网站|APP)接入服务提供单位/i],
];

export interface LabelledLine {
  label: Label;
  /** The text after the label and its colon; empty when the value is on a later line. */
  value: string;
}

export function readLabel(line: string): LabelledLine | null {
  for (const [label, pattern] of LABELS) {
    const m = pattern.exec(line);
    if (m)
      return {
        label,
        value: line
          .slice(m[0].length)
          .replace(/^\s*[:;]?\s*/, '')
          .trim(),
      };
  }
  return null;
}

// Page numbers as certificates print them: `— 2 —`, `- 2 -`, `第 2 页 共 3 页`, `第2页/共3页`, `2/3`.
const PAGE_NUMBER = /^(?:[—–-]{1,2}\s*\d{1,3}\s*[—–-]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/** Lines every page repeats, page numbers, stamps and watermarks: never part of a value. */
export function isPageFurniture(line: string): boolean {
  return (
    /^(?:(?:经营)?许可证编号|编号:)/.test(line) ||
    /^(?:中华人民共和国)?\s*增值电信业务经营许可证/.test(line) ||
    /^\(附\s*[页件]\s*\d*\)$/.test(line) ||
    /^\((?:以下空白|此页无正文|副本|正本|盖章)\)$/.test(line) ||
    PAGE_NUMBER.test(line) ||
    /^(?:中华人民共和国)?工业和信息化部(?:\(盖章\))?$/.test(line) ||
    /^\p{Script=Han}{2,6}通信管理局(?:\(盖章\))?$/u.test(line) ||
    /^仅供/.test(line) ||
    /再次复印无效/.test(line) ||
    /^发证机关/.test(line)
  );
}

/** Where the licence proper ends and the standard conditions begin. */
export function isConditionsStart(line: string): boolean {
  return /^特别规定事项$/.test(line) || /^《特别规定事项》/.test(line);
}

/** An annex heading: `<holder>获准经营<service>(<scope>)相关信息`. */
export function readSiteSectionHeading(line: string): { holder: string; service: string } | null {
  const m = /^(.*?)获准经营(.+?业务)\s*(?:\([^)]*\))?\s*相关信息[:]?$/.exec(line);
  return m ? { holder: m[1].trim(), service: m[2] } : null;
}

/** The annex heading that introduces the list of services: `<holder>获准经营的业务种类、…`. */
export function isServicesAnnexHeading(line: string): boolean {
  return /获准经营的业务种类/.test(line) || /^附件\s*\d*\s*[:]?\s*业务种类/.test(line);
}

/** A front-page services cell that only points to the annex (`业务种类见附页`, `…及覆盖范围: 见附件`). */
export function pointsToAnnex(line: string): boolean {
  return /见附[页件表]/.test(line);
}
