// Synthetic but well-formed registries of a given number of domains, for the scale benchmarks.
import type { Registry } from '../core/registry/schema';

const REGIONS = '京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新';

/**
 * `domains` licensed domains, 5 to a licence, and `filings` ICP filings of one site each beside them (the
 * filed domains are others: `filed<i>.cn`).
 */
export function syntheticRegistry(domains: number, domainsPerLicence = 5, filings = 0): Registry {
  const licences: Registry['licences'] = [];
  const count = Math.ceil(domains / domainsPerLicence);
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length];
    const serial = `20${String(10 + (i % 15)).padStart(2, '0')}${String(i % 10000).padStart(4, '0')}`;
    const number = `${region}B2-${serial}`;
    licences.push({
      number: `${number}`,
      holder: `合成测试${i}科技有限公司`,
      legalRepresentative: '测试',
      issuedOn: '2024-01-01',
      validUntil: '2029-01-01',
      services: [{ code: 'B25', name: '信息服务业务', scope: '仅限互联网信息服务', restrictions: '' }],
      sites: Array.from({ length: Math.min(domainsPerLicence, domains - i * domainsPerLicence) }, (_, j) => ({
        kind: 'website' as const,
        name: `站点${i}-${j}`,
        domain: `site${i}x${j}.cn`,
        services: ['信息服务业务'],
        serverLocation: '北京市',
        accessProvider: '测试接入',
      })),
      history: [],
      sources: [],
    });
  }
  // Numbers must be unique; the synthetic ones repeat after 10,000 × 15 × 31 licences, far above any size used.
  const registry: Registry = { schemaVersion: 1, version: 1, generatedAt: '2026-11-22T00:00:00Z', licences };
  if (filings > 0) registry.filings = Array.from({ length: filings }, (_, i) => syntheticFiling(i));
  return registry;
}

/** Filing `i`: a 10-digit serial (2000000001 on), unique for any i below 10^8. */
export function syntheticFiling(i: number): NonNullable<Registry['filings']>[number] {
  const number = `${REGIONS[i % REGIONS.length]}ICP备${20_0000_0001 + i}`;
  return {
    number,
    operator: `备案主体${i}`,
    nature: i % 3 ? '企业' : '个人',
    sites: [{ number: `${number}-1`, name: `备案站点${i}`, domain: `filed${i}.cn` }],
    date: '2024-01-01',
    sources: [],
  };
}

/**
 * The registry a day later, as the delta budget supposes: 1 % of licences and filings changed,
 * 0.5 % added, 0.5 % removed. Added licences take the serial year 2025, which `syntheticRegistry` never uses.
 */
export function dayLater(registry: Registry, version: number): Registry {
  const changed = <T>(items: T[], change: (item: T) => T) =>
    items.flatMap((item, i) => (i % 200 === 7 ? [] : [i % 100 === 50 ? change(item) : item]));
  const licences = changed(registry.licences, (l) => ({ ...l, validUntil: '2031-01-01', holder: `${l.holder}（更名）` }));
  const added = Math.round(registry.licences.length / 200);
  for (let k = 0; k < added; k++) {
    const template = registry.licences[k % registry.licences.length];
    licences.push({
      ...template,
      number: `${REGIONS[k % REGIONS.length]}B2-2025${String(k % 10000).padStart(4, '0')}`,
      holder: `新增测试${k}科技有限公司`,
      sites: template.sites.map((s, j) => ({ ...s, name: `新站点${k}-${j}`, domain: `new${k}x${j}.cn` })),
    });
  }
  const next: Registry = { ...registry, version, generatedAt: '2026-11-23T00:00:00Z', licences };
  if (registry.filings) {
    const filings = changed(registry.filings, (f) => ({ ...f, date: '2026-11-23' }));
    const start = registry.filings.length;
    for (let k = 0; k < Math.round(start / 200); k++) filings.push(syntheticFiling(start + k));
    next.filings = filings;
  }
  return next;
}
