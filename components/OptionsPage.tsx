import { useState } from 'preact/hooks';
import type { Translator } from '../lib/i18n';
import { LANGUAGES, type Settings } from '../lib/settings';
import { formatDate } from './format';

export interface RegistrySummary {
  origin: 'bundled';
  version: number;
  generatedAt: string;
  licences: number;
  domains: number;
}

export interface OptionsPageProps extends Translator {
  registry: RegistrySummary;
  settings: Settings;
  save: (settings: Settings) => Promise<void>;
}

export function OptionsPage({ registry, settings, save, t, locale }: OptionsPageProps) {
  // Kept untranslated: saving the language re-renders this page in the new one.
  const [status, setStatus] = useState<{ saved: true } | { saved: false; error: string } | null>(null);
  const change = (next: Settings) =>
    save(next).then(
      () => setStatus({ saved: true }),
      (error: unknown) => setStatus({ saved: false, error: error instanceof Error ? error.message : String(error) }),
    );
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <section>
        <h2>{t('options_registry')}</h2>
        <dl>
          <dt>{t('field_origin')}</dt>
          <dd>{t(`origin_${registry.origin}`)}</dd>
          <dt>{t('field_version')}</dt>
          <dd>{registry.version}</dd>
          <dt>{t('field_generated_at')}</dt>
          <dd>{formatDate(registry.generatedAt.slice(0, 10), locale)}</dd>
          <dt>{t('field_licence_count')}</dt>
          <dd>{registry.licences.toLocaleString(locale)}</dd>
          <dt>{t('field_domain_count')}</dt>
          <dd>{registry.domains.toLocaleString(locale)}</dd>
        </dl>
      </section>
      <section>
        <h2>{t('options_updates')}</h2>
        <p>{t('options_updates_none')}</p>
      </section>
      <section>
        <h2>
          <label for="language">{t('options_language')}</label>
        </h2>
        <select id="language" value={settings.language} onChange={(e) => void change({ ...settings, language: e.currentTarget.value as Settings['language'] })}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language_${language}`)}
            </option>
          ))}
        </select>
        <p role="status" aria-live="polite">
          {status && (status.saved ? t('saved') : t('save_failed', [status.error]))}
        </p>
      </section>
    </main>
  );
}
