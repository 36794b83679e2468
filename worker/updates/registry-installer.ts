import type { browser as extensionApi } from 'wxt/browser';
import type { UpdateReply } from '../../core/messages';
import { said, type Said } from '../../core/said';
import { acceptDelta } from '../../core/update/accept-delta';
import { acceptRegistry, type Candidate } from '../../core/update/accept-registry';
import { baseMismatch, deltaNumbers, domainsAfter, domainsToAsk, planDelta } from '../../core/update/delta-plan';
import { resolvePatches } from '../../core/update/registry-delta';
import { importTrustedKeys, type PublicKeyEntry } from '../../core/update/trusted-keys';
import { changeItem, readItem, SETTINGS, UPDATE_STATUS } from '../../storage/storage-items';
import type { RegistryKeeper } from './registry-keeper';

export interface InstallerEnvironment {
  browser: typeof extensionApi;
  subtle: SubtleCrypto;
  bundledKeys: readonly PublicKeyEntry[];
  keeper: RegistryKeeper;
  maxBytes: number;
  maxUnpackedBytes: number;
  now: () => Date;
}

/**
 * Takes a downloaded or imported registry through the acceptance rules (core/update/accept-registry.ts)
 * under the bundled keys and those the reader added, writing its records to a new generation of the store
 * as they are read, and switches to it; a refusal sweeps away what was written and changes nothing else but
 * the update status.
 */
export function registryInstaller({ browser, subtle, bundledKeys, keeper, maxBytes, maxUnpackedBytes, now }: InstallerEnvironment) {
  async function trustedKeys() {
    const settings = await readItem(browser.storage, SETTINGS);
    return (await importTrustedKeys(subtle, [...bundledKeys, ...settings.userKeys])).keys;
  }

  const refused = async (reason: Said, source: Said | string) => {
    const at = now().toISOString();
    await changeItem(browser.storage, UPDATE_STATUS, (s) => {
      s.lastRefusal = { at, source, reason };
    });
    return { ok: false, said: reason } as const;
  };

  /** `source` is the update address, or 'imported file' (kept in the installed record, never shown). */
  async function install(candidate: Candidate, origin: 'update' | 'import', source: string): Promise<UpdateReply> {
    const { generation, writer } = await keeper.begin();
    const result = await acceptRegistry(
      candidate,
      { subtle, trustedKeys: await trustedKeys(), activeVersion: keeper.current().registry.info.version, maxBytes, maxUnpackedBytes },
      writer,
    ).catch(async (error: unknown) => {
      await keeper.abandon();
      throw error;
    });
    if (!result.ok) {
      await keeper.abandon();
      return refused(result.reason, origin === 'import' ? said('source_imported_file') : source);
    }
    const { header, tally } = result;
    const contentHash = tally.sum.hex();
    await writer.finish({ version: header.version, contentHash });
    await keeper.commit(generation, {
      origin,
      source,
      acceptedAt: now().toISOString(),
      keyId: result.keyId,
      contentHash,
      info: {
        version: header.version,
        generatedAt: header.generatedAt,
        licences: tally.licences,
        domains: tally.domains(),
        ...(tally.filingList ? { filings: tally.filings } : {}),
      },
    });
    return {
      ok: true,
      said:
        origin === 'import'
          ? said('reply_accepted_import', header.version, result.keyId)
          : said('reply_accepted', header.version, source, result.keyId),
    };
  }

  /**
   * Applies a delta downloaded from `source` to the stored registry in force, in one store transaction, once
   * it passes the rules and fits: the base it names is the one here, and the result is the one it promises.
   * Otherwise nothing changes, and the caller downloads the whole registry instead.
   */
  async function installDelta(
    candidate: Candidate,
    source: string,
  ): Promise<{ ok: true; version: number; keyId: string } | { ok: false; reply: UpdateReply }> {
    const stored = await keeper.stored();
    const activeVersion = keeper.current().registry.info.version;
    const accepted = await acceptDelta(candidate, { subtle, trustedKeys: await trustedKeys(), activeVersion, maxBytes, maxUnpackedBytes });
    if (!accepted.ok) return { ok: false, reply: await refused(accepted.reason, source) };
    if (!stored) return { ok: false, reply: await refused(said('refused_delta_base', 'the registry in force is the bundled one'), source) };
    const misfit = (problem: 'wrong-base' | 'result-mismatch', detail: string) =>
      refused(said(problem === 'wrong-base' ? 'refused_delta_base' : 'refused_delta_result', detail), source);
    const base = {
      version: stored.info.version,
      contentHash: stored.contentHash,
      licences: stored.info.licences,
      filings: stored.info.filings,
    };
    const wrong = baseMismatch(accepted.delta, base);
    if (wrong) return { ok: false, reply: await misfit('wrong-base', wrong) };
    const store = await keeper.openStore();
    const records = await store.current(stored.generation, deltaNumbers(accepted.delta));
    const resolved = resolvePatches(accepted.delta, (kind, number) =>
      (kind === 'licence' ? records.licences : records.filings).get(number),
    );
    if (!resolved.ok) return { ok: false, reply: await misfit(resolved.problem, resolved.detail) };
    const { delta } = resolved;
    const plan = planDelta(delta, base, records);
    if (!plan.ok) return { ok: false, reply: await misfit(plan.problem, plan.detail) };
    const listers = await store.listers(stored.generation, domainsToAsk(plan.change));
    await keeper.change(plan.change, {
      origin: 'update',
      source,
      acceptedAt: now().toISOString(),
      keyId: accepted.keyId,
      contentHash: plan.contentHash,
      info: {
        version: delta.to.version,
        generatedAt: delta.to.generatedAt,
        ...plan.counts,
        domains: domainsAfter(stored.info.domains, plan.change, listers),
      },
      superseded: (stored.superseded ?? 0) + plan.change.removed.licences.length + plan.change.removed.filings.length,
    });
    return { ok: true, version: delta.to.version, keyId: accepted.keyId };
  }

  return { install, installDelta };
}

export type RegistryInstaller = ReturnType<typeof registryInstaller>;
