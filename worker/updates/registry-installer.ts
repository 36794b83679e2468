import type { browser as extensionApi } from 'wxt/browser';
import type { UpdateReply } from '../../core/messages';
import { said } from '../../core/said';
import { acceptRegistry, type Candidate } from '../../core/update/accept-registry';
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

  /** `source` is the update address, or 'imported file' (kept in the installed record, never shown). */
  return async function install(candidate: Candidate, origin: 'update' | 'import', source: string): Promise<UpdateReply> {
    const { generation, writer } = await keeper.begin();
    const result = await acceptRegistry(
      candidate,
      { subtle, trustedKeys: await trustedKeys(), activeVersion: keeper.current().registry.info.version, maxBytes, maxUnpackedBytes },
      writer,
    ).catch(async (error: unknown) => {
      await keeper.abandon();
      throw error;
    });
    const at = now().toISOString();
    if (!result.ok) {
      await keeper.abandon();
      await changeItem(browser.storage, UPDATE_STATUS, (s) => {
        s.lastRefusal = { at, source: origin === 'import' ? said('source_imported_file') : source, reason: result.reason };
      });
      return { ok: false, said: result.reason };
    }
    const { header, tally } = result;
    const contentHash = tally.sum.hex();
    await writer.finish({ version: header.version, contentHash });
    await keeper.commit(generation, {
      origin,
      source,
      acceptedAt: at,
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
  };
}

export type RegistryInstaller = ReturnType<typeof registryInstaller>;
