import type { browser as extensionApi } from 'wxt/browser';
import type { UpdateReply } from '../../core/messages';
import { said } from '../../core/said';
import { bucketRegistry } from '../../core/registry/registry-buckets';
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
 * under the bundled keys and those the reader added, and installs it; a refusal changes nothing but the
 * update status.
 */
export function registryInstaller({ browser, subtle, bundledKeys, keeper, maxBytes, maxUnpackedBytes, now }: InstallerEnvironment) {
  async function trustedKeys() {
    const settings = await readItem(browser.storage, SETTINGS);
    return (await importTrustedKeys(subtle, [...bundledKeys, ...settings.userKeys])).keys;
  }

  /** `source` is the update address, or 'imported file' (kept in the installed record, never shown). */
  return async function install(candidate: Candidate, origin: 'update' | 'import', source: string): Promise<UpdateReply> {
    const result = await acceptRegistry(candidate, {
      subtle,
      trustedKeys: await trustedKeys(),
      activeVersion: keeper.current().registry.info.version,
      maxBytes,
      maxUnpackedBytes,
    });
    const at = now().toISOString();
    if (!result.ok) {
      await changeItem(browser.storage, UPDATE_STATUS, (s) => {
        s.lastRefusal = { at, source: origin === 'import' ? said('source_imported_file') : source, reason: result.reason };
      });
      return { ok: false, said: result.reason };
    }
    const bucketed = bucketRegistry(result.registry);
    const { version, generatedAt, licences, filings } = result.registry;
    await keeper.install(bucketed, {
      origin,
      source,
      acceptedAt: at,
      keyId: result.keyId,
      info: {
        version,
        generatedAt,
        licences: licences.length,
        domains: bucketed.domainCount,
        ...(filings ? { filings: filings.length } : {}),
      },
    });
    return {
      ok: true,
      said:
        origin === 'import' ? said('reply_accepted_import', version, result.keyId) : said('reply_accepted', version, source, result.keyId),
    };
  };
}

export type RegistryInstaller = ReturnType<typeof registryInstaller>;
