import type { Service } from '../registry/schema';

/** What one source says about one licence, from the regulator's licence query (许可证查询). */
export interface LicenceRecord {
  number: string;
  holder: string;
  legalRepresentative: string;
  authority: string;
  services: Service[];
  issuedOn: string;
  validUntil: string;
  /** The date the record speaks for: its latest issue date. */
  date: string;
  source: string;
}

/** One site of an ICP filing (备案), from the filing query. */
export interface FilingRecord {
  operator: string;
  /** 企业, 个人, 事业单位 … as the record names it. */
  nature: string;
  /** The operator's main number: its licence when it holds one, otherwise its filing number. */
  main: { kind: 'licence' | 'icp-filing'; canonical: string };
  /** The site's own number, e.g. 粤B2-20090059-5 or 京ICP备12025439号-3. */
  siteNumber: string;
  siteName: string;
  domain: string;
  date: string;
  source: string;
}

/** A company the holder authorised to run services under its licence (授权). */
export interface AuthorisationRecord {
  number: string;
  holder: string;
  company: string;
  services: string[];
  source: string;
}

export type StatusChange =
  'cancelled' | 'revoked' | 'entered-bad-operators' | 'left-bad-operators' | 'entered-dishonest-operators' | 'left-dishonest-operators';

/** One row of a regulator's published status list. */
export interface StatusRecord {
  number: string;
  holder: string;
  change: StatusChange;
  date: string;
  authority: string;
  reason: string;
  source: string;
}

/** A record that could not be used: where it is (file and line or record index) and why. */
export interface SourceProblem {
  source: string;
  at: string;
  problem: string;
}

export interface SourceRecords {
  licences: LicenceRecord[];
  filings: FilingRecord[];
  authorisations: AuthorisationRecord[];
  statuses: StatusRecord[];
  problems: SourceProblem[];
}

export const noRecords = (): SourceRecords => ({ licences: [], filings: [], authorisations: [], statuses: [], problems: [] });
