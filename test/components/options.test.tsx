// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsPageProps, type RegistrySummary } from '../../components/OptionsPage';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { SAID_KEYS } from '../../core/said';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { INITIAL_UPDATE_STATUS, UpdateStatusSchema, type UpdateStatus } from '../../core/update/update-status';
import { translator } from './render-helpers';

afterEach(cleanup);

const registry: RegistrySummary = {
  origin: 'bundled',
  source: null,
  version: 3,
  generatedAt: '2026-11-22T00:00:00Z',
  licences: 200000,
  domains: 1000000,
};

function renderOptions(
  overrides: Omit<Partial<OptionsPageProps>, 'settings'> & { settings?: Partial<Settings> } = {},
  locale: 'en' | 'zh_CN' = 'en',
) {
  const props: OptionsPageProps = {
    registry,
    status: INITIAL_UPDATE_STATUS,
    managedUrls: [],
    bundledKeys: [],
    save: vi.fn(() => Promise.resolve()),
    checkNow: vi.fn(() => Promise.resolve({ ok: true, said: { key: 'reply_no_address', subs: [] } })),
    importRegistry: vi.fn(() => Promise.resolve({ ok: true, said: { key: 'reply_import_unreadable', subs: [] } })),
    parseKey: vi.fn(() => Promise.resolve(null)),
    ...translator(locale),
    ...overrides,
    settings: { ...DEFAULT_SETTINGS, ...overrides.settings },
  };
  const view = render(<OptionsPage {...props} />);
  return { props, view };
}

describe('options page', () => {
  it('shows the active registry', () => {
    renderOptions();
    const text = document.body.textContent ?? '';
    expect(text).toContain('OriginBundled with the extension');
    expect(text).toContain('Version3');
    expect(text).toContain('Built22 November 2026');
    expect(text).toContain('Licences200,000');
    expect(text).toContain('Domains1,000,000');
    expect(text).not.toContain('ICP filings');
  });

  it('counts the ICP filings of a registry that has them', () => {
    renderOptions({ registry: { ...registry, filings: 1_000_000 } });
    expect(document.body.textContent).toContain('ICP filings1,000,000');
  });

  it('saves the language and says so', async () => {
    const { props } = renderOptions();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh_CN' } });
    expect(props.save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, language: 'zh_CN' });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('says "saved" in the language just chosen', async () => {
    const { props, view } = renderOptions({ settings: { language: 'en' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh_CN' } });
    await screen.findByText('Saved');
    view.rerender(<OptionsPage {...props} settings={{ ...DEFAULT_SETTINGS, language: 'zh_CN' }} {...translator('zh_CN')} />);
    expect(screen.getByText('已保存')).toBeTruthy();
  });

  it('says why a setting could not be saved', async () => {
    renderOptions({ settings: { language: 'en' }, save: vi.fn(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) }, 'zh_CN');
    fireEvent.change(screen.getByLabelText('语言'), { target: { value: 'auto' } });
    expect(await screen.findByText('保存失败：QUOTA_BYTES quota exceeded')).toBeTruthy();
  });

  const URL_A = 'https://registry.example.org/registry.json';
  const refusedStatus: UpdateStatus = {
    ...INITIAL_UPDATE_STATUS,
    lastCheck: { at: '2026-11-22T08:00:00Z', outcome: 'refused', detail: { key: 'download_http_status', subs: [URL_A, '500'] } },
    lastRefusal: { at: '2026-11-22T08:00:00Z', source: URL_A, reason: { key: 'download_http_status', subs: [URL_A, '500'] } },
  };

  it('shows the last check and the last refusal', () => {
    renderOptions({ registry: { ...registry, origin: 'update', source: URL_A, version: 7 }, status: refusedStatus });
    expect(screen.getByText(`Updated from ${URL_A}`)).toBeTruthy();
    expect(document.getElementById('last-check')?.textContent).toMatch(
      /: refused — https:\/\/registry.example.org\/registry.json answered HTTP 500$/,
    );
    expect(document.getElementById('last-refusal')?.textContent).toMatch(
      /, https:\/\/registry.example.org\/registry.json: https:\/\/registry.example.org\/registry.json answered HTTP 500$/,
    );
  });

  it('says why an update was refused in the language of the page', () => {
    const stored: UpdateStatus = {
      ...refusedStatus,
      lastRefusal: {
        at: '2026-11-22T08:00:00Z',
        source: { key: 'source_stored_registry', subs: [] },
        reason: { key: 'stored_discarded', subs: ['its 3 chunks of licences are gone'] },
      },
    };
    renderOptions({ status: stored }, 'zh_CN');
    expect(document.getElementById('last-check')?.textContent).toMatch(
      /：已拒绝——https:\/\/registry.example.org\/registry.json 返回 HTTP 500$/,
    );
    expect(document.getElementById('last-refusal')?.textContent).toMatch(
      /，本地存储的登记库：已舍弃本地存储的登记库（its 3 chunks of licences are gone），改用内置登记库$/,
    );
    cleanup();
    renderOptions({ status: stored }, 'en');
    expect(document.getElementById('last-refusal')?.textContent).toMatch(
      /, stored registry: the stored registry was discarded because its 3 chunks of licences are gone; the bundled registry is used$/,
    );
  });

  it('keeps and shows as they are the English sentences an earlier version stored', () => {
    const earlier = {
      lastCheck: { at: '2026-11-22T08:00:00Z', outcome: 'refused', detail: `${URL_A} answered HTTP 500` },
      lastRefusal: {
        at: '2026-11-22T08:00:00Z',
        source: 'stored registry',
        reason: 'the stored registry was discarded because it could not be read',
      },
      failures: 3,
      etags: { [URL_A]: '"v2"' },
    };
    const parsed = UpdateStatusSchema.safeParse(earlier);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(earlier);
    renderOptions({ status: parsed.data! }, 'zh_CN');
    expect(document.getElementById('last-check')?.textContent).toMatch(
      /：已拒绝——https:\/\/registry.example.org\/registry.json answered HTTP 500$/,
    );
    expect(document.getElementById('last-refusal')?.textContent).toMatch(
      /，stored registry：the stored registry was discarded because it could not be read$/,
    );
  });

  it('has words in both languages for everything the worker may say', () => {
    for (const key of SAID_KEYS) {
      expect(en, key).toHaveProperty(key);
      expect(zhCN, key).toHaveProperty(key);
    }
  });

  it('saves update addresses, refusing ones that are not https', () => {
    const { props } = renderOptions();
    const urls = screen.getByLabelText(/Update addresses/);
    fireEvent.input(urls, { target: { value: 'http://registry.example.org/r.json\nhttps://ok.example.org/r.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(document.getElementById('urls-note')?.textContent).toBe(
      'Not allowed: http://registry.example.org/r.json. Use https:// (http:// only for this machine).',
    );
    expect(props.save).not.toHaveBeenCalled();
    fireEvent.input(urls, { target: { value: ' https://ok.example.org/r.json \n\nhttp://127.0.0.1:8080/r.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.save).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      updateUrls: ['https://ok.example.org/r.json', 'http://127.0.0.1:8080/r.json'],
    });
  });

  it('checks now and shows the answer', async () => {
    const { props } = renderOptions({
      checkNow: vi.fn(() => Promise.resolve({ ok: false, said: { key: 'refused_bad_signature', subs: [] } })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(props.checkNow).toHaveBeenCalled();
    expect(await screen.findByText(/^the signature does not verify under any trusted key/)).toBeTruthy();
    expect(document.getElementById('check-result')?.className).toBe('error');
  });

  it('shows the answer to an import in the language of the page, and in a language chosen afterwards', async () => {
    const accepted = { ok: true, said: { key: 'reply_accepted_import', subs: ['4', 'key-0123456789abcdef'] } };
    const { props, view } = renderOptions({ importRegistry: vi.fn(() => Promise.resolve(accepted)) }, 'zh_CN');
    const file = (name: string) => new File(['x'], name);
    fireEvent.change(screen.getByLabelText('登记库文件（.json）'), { target: { files: [file('registry.json')] } });
    fireEvent.change(screen.getByLabelText('签名文件（.sig）'), { target: { files: [file('registry.json.sig')] } });
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('已接受导入文件中的版本 4，签名公钥为 key-0123456789abcdef')).toBeTruthy();
    view.rerender(<OptionsPage {...props} {...translator('en')} />);
    expect(document.getElementById('import-result')?.textContent).toBe(
      'accepted version 4 from imported file, signed by key-0123456789abcdef',
    );
  });

  it('asks for both files before importing', () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(document.getElementById('import-result')?.textContent).toBe('Choose both the registry file and its signature file.');
    expect(props.importRegistry).not.toHaveBeenCalled();
  });

  it('trusts a valid key and refuses anything else', async () => {
    const entry = { id: 'key-0123456789abcdef', name: 'Compliance team', spkiPem: '-----BEGIN PUBLIC KEY-----…' };
    const parseKey = vi.fn((name: string, pem: string) => Promise.resolve(pem.startsWith('-----BEGIN') ? { ...entry, name } : null));
    const { props } = renderOptions({ parseKey });
    fireEvent.click(screen.getByRole('button', { name: 'Trust this key' }));
    expect(await screen.findByText('Give the publisher a name.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Publisher name'), { target: { value: 'Compliance team' } });
    fireEvent.input(screen.getByLabelText(/Public key/), { target: { value: 'not a key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trust this key' }));
    expect(await screen.findByText('This is not a P-256 public key in PEM form.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/Public key/), { target: { value: '-----BEGIN PUBLIC KEY-----…' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trust this key' }));
    await vi.waitFor(() => expect(props.save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, userKeys: [entry] }));
  });

  it('turns in-page warnings off, and warns again for a dismissed site', () => {
    const { props } = renderOptions({ settings: { dismissedSites: ['cheap-cars-deal.com', 'other.cn'] } });
    fireEvent.click(screen.getByLabelText(/Warn at the top of a page/));
    expect(props.save).toHaveBeenLastCalledWith({
      ...DEFAULT_SETTINGS,
      dismissedSites: ['cheap-cars-deal.com', 'other.cn'],
      warnings: false,
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Warn again' })[0]);
    expect(props.save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, dismissedSites: ['other.cn'] });
  });
});
