import { useState } from 'preact/hooks';
import type { UpdateReply } from '../core/messages';
import type { PublicKeyEntry } from '../core/update/trusted-keys';
import type { ActiveRegistry } from '../core/registry/active-registry';
import type { Translate, Translator } from '../core/i18n';
import { inWords, type Said } from '../core/said';
import { isAllowedUpdateUrl, LANGUAGES, type Settings } from '../core/settings';
import type { UpdateStatus } from '../core/update/update-status';
import { formatDate } from './format';

export interface RegistrySummary {
  origin: ActiveRegistry['origin'];
  source: string | null;
  version: number;
  generatedAt: string;
  licences: number;
  domains: number;
  /** Absent for a registry without filings. */
  filings?: number;
}

export interface OptionsPageProps extends Translator {
  registry: RegistrySummary;
  status: UpdateStatus;
  settings: Settings;
  managedUrls: string[];
  bundledKeys: { id: string; name: string }[];
  save: (settings: Settings) => Promise<void>;
  checkNow: () => Promise<UpdateReply>;
  importRegistry: (registry: File, signature: File) => Promise<UpdateReply>;
  /** The key entry for a PEM, or null when it is not a P-256 public key. */
  parseKey: (name: string, pem: string) => Promise<PublicKeyEntry | null>;
}

/** What a status line says, put into words when shown: a language chosen meanwhile applies to it too. */
type Note = { ok: boolean; said: Said; seq?: number } | null;

/** A status line; `data-seq` counts answers, so that the same answer twice is still seen as new. */
function NoteLine({ id, note, t }: { id: string; note: Note; t: Translate }) {
  return (
    <p id={id} role="status" aria-live="polite" class={note && !note.ok ? 'error' : undefined} data-seq={note?.seq ?? 0}>
      {note && inWords(t, note.said)}
    </p>
  );
}

/** A note that something the reader asked for cannot be done. */
const errorNote = (key: string, ...subs: string[]): Note => ({ ok: false, said: { key, subs } });

function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

export function OptionsPage(props: OptionsPageProps) {
  const { registry, status, settings, managedUrls, bundledKeys, save, t, locale } = props;
  // Kept untranslated: saving the language re-renders this page in the new one.
  const [saved, setSaved] = useState<{ saved: true } | { saved: false; error: string } | null>(null);
  const [urlsText, setUrlsText] = useState(settings.updateUrls.join('\n'));
  const [urlsNote, setUrlsNote] = useState<Note>(null);
  const [checkNote, setCheckNote] = useState<Note>(null);
  const [importNote, setImportNote] = useState<Note>(null);
  const [files, setFiles] = useState<{ registry?: File; signature?: File }>({});
  const [keyName, setKeyName] = useState('');
  const [keyPem, setKeyPem] = useState('');
  const [keyNote, setKeyNote] = useState<Note>(null);

  const change = (next: Settings) =>
    save(next).then(
      () => setSaved({ saved: true }),
      (error: unknown) => setSaved({ saved: false, error: error instanceof Error ? error.message : String(error) }),
    );
  const [answers, setAnswers] = useState(0);
  const reply = (set: (note: Note) => void) => (r: UpdateReply) => {
    set({ ok: r.ok, said: r.said, seq: answers + 1 });
    setAnswers(answers + 1);
  };

  const saveUrls = () => {
    const urls = urlsText
      .split('\n')
      .map((u) => u.trim())
      .filter(Boolean);
    const bad = urls.filter((u) => !isAllowedUpdateUrl(u));
    if (bad.length > 0) {
      setUrlsNote(errorNote('update_urls_invalid', bad.join(', ')));
      return;
    }
    setUrlsNote(null);
    void change({ ...settings, updateUrls: urls });
  };

  const addKey = async () => {
    if (!keyName.trim()) return setKeyNote(errorNote('key_needs_name'));
    const entry = await props.parseKey(keyName.trim(), keyPem);
    if (!entry) return setKeyNote(errorNote('key_invalid'));
    setKeyNote(null);
    setKeyName('');
    setKeyPem('');
    await change({ ...settings, userKeys: [...settings.userKeys.filter((k) => k.id !== entry.id), entry] });
  };

  const origin = registry.origin === 'update' ? t('origin_update', [registry.source ?? '']) : t(`origin_${registry.origin}`);
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <section>
        <h2>{t('options_registry')}</h2>
        <dl id="active-registry">
          <dt>{t('field_origin')}</dt>
          <dd data-origin={registry.origin}>{origin}</dd>
          <dt>{t('field_version')}</dt>
          <dd data-version={registry.version}>{registry.version}</dd>
          <dt>{t('field_generated_at')}</dt>
          <dd>{formatDate(registry.generatedAt.slice(0, 10), locale)}</dd>
          <dt>{t('field_licence_count')}</dt>
          <dd>{registry.licences.toLocaleString(locale)}</dd>
          <dt>{t('field_domain_count')}</dt>
          <dd>{registry.domains.toLocaleString(locale)}</dd>
          {registry.filings !== undefined && (
            <>
              <dt>{t('field_filing_count')}</dt>
              <dd>{registry.filings.toLocaleString(locale)}</dd>
            </>
          )}
          <dt>{t('field_last_check')}</dt>
          <dd id="last-check">
            {status.lastCheck
              ? t('check_line', [
                  dateTime(status.lastCheck.at, locale),
                  t(`outcome_${status.lastCheck.outcome.replace('-', '_')}`),
                  inWords(t, status.lastCheck.detail),
                ])
              : t('never')}
          </dd>
          <dt>{t('field_last_refusal')}</dt>
          <dd id="last-refusal">
            {status.lastRefusal
              ? t('refusal_line', [
                  dateTime(status.lastRefusal.at, locale),
                  inWords(t, status.lastRefusal.source),
                  inWords(t, status.lastRefusal.reason),
                ])
              : t('none')}
          </dd>
        </dl>
      </section>

      <section>
        <h2>{t('options_updates')}</h2>
        <label for="update-urls">{t('update_urls_label')}</label>
        <textarea id="update-urls" rows={3} value={urlsText} onInput={(e) => setUrlsText(e.currentTarget.value)} />
        {managedUrls.length > 0 && <p>{t('update_urls_managed', [managedUrls.join(', ')])}</p>}
        <div class="actions">
          <button type="button" id="save-urls" onClick={saveUrls}>
            {t('save')}
          </button>
          <button type="button" id="check-now" onClick={() => void props.checkNow().then(reply(setCheckNote))}>
            {t('check_now')}
          </button>
        </div>
        <NoteLine id="urls-note" note={urlsNote} t={t} />
        <NoteLine id="check-result" note={checkNote} t={t} />

        <h3>{t('import_heading')}</h3>
        <label for="import-registry">{t('import_registry_file')}</label>
        <input
          id="import-registry"
          type="file"
          accept=".json,application/json"
          onChange={(e) => setFiles({ ...files, registry: e.currentTarget.files?.[0] })}
        />
        <label for="import-signature">{t('import_signature_file')}</label>
        <input
          id="import-signature"
          type="file"
          accept=".sig"
          onChange={(e) => setFiles({ ...files, signature: e.currentTarget.files?.[0] })}
        />
        <div class="actions">
          <button
            type="button"
            id="import"
            onClick={() =>
              files.registry && files.signature
                ? void props.importRegistry(files.registry, files.signature).then(reply(setImportNote))
                : setImportNote(errorNote('import_needs_both'))
            }
          >
            {t('import_button')}
          </button>
        </div>
        <NoteLine id="import-result" note={importNote} t={t} />
      </section>

      <section>
        <h2>{t('options_keys')}</h2>
        <p>{bundledKeys.length > 0 ? t('keys_bundled', [bundledKeys.map((k) => k.name).join(', ')]) : t('keys_bundled_none')}</p>
        <ul class="plain" id="user-keys">
          {settings.userKeys.map((key) => (
            <li key={key.id}>
              {key.name} <code>{key.id}</code>{' '}
              <button
                type="button"
                class="small"
                onClick={() => void change({ ...settings, userKeys: settings.userKeys.filter((k) => k.id !== key.id) })}
              >
                {t('key_remove')}
              </button>
            </li>
          ))}
        </ul>
        <label for="key-name">{t('key_name_label')}</label>
        <input id="key-name" value={keyName} onInput={(e) => setKeyName(e.currentTarget.value)} />
        <label for="key-pem">{t('key_pem_label')}</label>
        <textarea id="key-pem" rows={4} value={keyPem} onInput={(e) => setKeyPem(e.currentTarget.value)} />
        <div class="actions">
          <button type="button" id="add-key" onClick={() => void addKey()}>
            {t('key_add')}
          </button>
        </div>
        <NoteLine id="key-note" note={keyNote} t={t} />
      </section>

      <section>
        <h2>{t('options_warnings')}</h2>
        <label class="inline">
          <input
            id="warnings"
            type="checkbox"
            checked={settings.warnings}
            onChange={(e) => void change({ ...settings, warnings: e.currentTarget.checked })}
          />{' '}
          {t('warnings_enabled')}
        </label>
        {settings.dismissedSites.length > 0 && (
          <>
            <p>{t('warnings_dismissed')}</p>
            <ul class="plain" id="dismissed-sites">
              {settings.dismissedSites.map((site) => (
                <li key={site}>
                  <code>{site}</code>{' '}
                  <button
                    type="button"
                    class="small"
                    onClick={() => void change({ ...settings, dismissedSites: settings.dismissedSites.filter((s) => s !== site) })}
                  >
                    {t('warnings_undismiss')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section>
        <h2>
          <label for="language">{t('options_language')}</label>
        </h2>
        <select
          id="language"
          value={settings.language}
          onChange={(e) => void change({ ...settings, language: e.currentTarget.value as Settings['language'] })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language_${language}`)}
            </option>
          ))}
        </select>
        <p id="saved" role="status" aria-live="polite">
          {saved && (saved.saved ? t('saved') : t('save_failed', [saved.error]))}
        </p>
      </section>
    </main>
  );
}
