// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsPageProps, type RegistrySummary } from '../../components/OptionsPage';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { INITIAL_UPDATE_STATUS } from '../../core/update/update-status';
import { translator } from './render-helpers';

afterEach(cleanup);

const registry: RegistrySummary = { origin: 'bundled', source: null, version: 3, generatedAt: '2026-11-22T00:00:00Z', licences: 200000, domains: 1000000 };

function renderOptions(overrides: Omit<Partial<OptionsPageProps>, 'settings'> & { settings?: Partial<Settings> } = {}, locale: 'en' | 'zh_CN' = 'en') {
  const props: OptionsPageProps = {
    registry,
    status: INITIAL_UPDATE_STATUS,
    managedUrls: [],
    bundledKeys: [],
    save: vi.fn(() => Promise.resolve()),
    checkNow: vi.fn(() => Promise.resolve({ ok: true, message: 'checked' })),
    importRegistry: vi.fn(() => Promise.resolve({ ok: true, message: 'imported' })),
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

  it('shows the last check and the last refusal', () => {
    renderOptions({
      registry: { ...registry, origin: 'update', source: 'https://registry.example.org/registry.json', version: 7 },
      status: {
        ...INITIAL_UPDATE_STATUS,
        lastCheck: { at: '2026-11-22T08:00:00Z', outcome: 'refused', detail: 'https://registry.example.org/registry.json answered HTTP 500' },
        lastRefusal: { at: '2026-11-22T08:00:00Z', source: 'https://registry.example.org/registry.json', reason: 'answered HTTP 500' },
      },
    });
    expect(screen.getByText('Updated from https://registry.example.org/registry.json')).toBeTruthy();
    expect(document.getElementById('last-check')?.textContent).toMatch(/: refused — https:\/\/registry.example.org\/registry.json answered HTTP 500$/);
    expect(document.getElementById('last-refusal')?.textContent).toMatch(/, https:\/\/registry.example.org\/registry.json: answered HTTP 500$/);
  });

  it('saves update addresses, refusing ones that are not https', () => {
    const { props } = renderOptions();
    const urls = screen.getByLabelText(/Update addresses/);
    fireEvent.input(urls, { target: { value: 'http://registry.example.org/r.json\nhttps://ok.example.org/r.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(document.getElementById('urls-note')?.textContent).toBe('Not allowed: http://registry.example.org/r.json. Use https:// (http:// only for this machine).');
    expect(props.save).not.toHaveBeenCalled();
    fireEvent.input(urls, { target: { value: ' https://ok.example.org/r.json \n\nhttp://127.0.0.1:8080/r.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.save).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, updateUrls: ['https://ok.example.org/r.json', 'http://127.0.0.1:8080/r.json'] });
  });

  it('checks now and shows the answer', async () => {
    const { props } = renderOptions({ checkNow: vi.fn(() => Promise.resolve({ ok: false, message: 'the signature does not verify' })) });
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(props.checkNow).toHaveBeenCalled();
    expect(await screen.findByText('the signature does not verify')).toBeTruthy();
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
    expect(props.save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, dismissedSites: ['cheap-cars-deal.com', 'other.cn'], warnings: false });
    fireEvent.click(screen.getAllByRole('button', { name: 'Warn again' })[0]);
    expect(props.save).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, dismissedSites: ['other.cn'] });
  });
});
