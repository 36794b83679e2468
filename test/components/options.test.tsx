// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage, type RegistrySummary } from '../../components/OptionsPage';
import { translator } from './render-helpers';

afterEach(cleanup);

const registry: RegistrySummary = { origin: 'bundled', version: 3, generatedAt: '2026-11-22T00:00:00Z', licences: 200000, domains: 1000000 };

describe('options page', () => {
  it('shows the active registry', () => {
    render(<OptionsPage registry={registry} settings={{ language: 'auto' }} save={vi.fn()} {...translator('en')} />);
    const text = document.body.textContent ?? '';
    expect(text).toContain('OriginBundled with the extension');
    expect(text).toContain('Version3');
    expect(text).toContain('Built22 November 2026');
    expect(text).toContain('Licences200,000');
    expect(text).toContain('Domains1,000,000');
  });

  it('saves the language and says so', async () => {
    const save = vi.fn(() => Promise.resolve());
    render(<OptionsPage registry={registry} settings={{ language: 'auto' }} save={save} {...translator('en')} />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh_CN' } });
    expect(save).toHaveBeenCalledWith({ language: 'zh_CN' });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('says "saved" in the language just chosen', async () => {
    const save = vi.fn(() => Promise.resolve());
    const { rerender } = render(<OptionsPage registry={registry} settings={{ language: 'en' }} save={save} {...translator('en')} />);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh_CN' } });
    await screen.findByText('Saved');
    rerender(<OptionsPage registry={registry} settings={{ language: 'zh_CN' }} save={save} {...translator('zh_CN')} />);
    expect(screen.getByText('已保存')).toBeTruthy();
  });

  it('says why a setting could not be saved', async () => {
    const save = vi.fn(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded')));
    render(<OptionsPage registry={registry} settings={{ language: 'en' }} save={save} {...translator('zh_CN')} />);
    fireEvent.change(screen.getByLabelText('语言'), { target: { value: 'auto' } });
    expect(await screen.findByText('保存失败：QUOTA_BYTES quota exceeded')).toBeTruthy();
  });
});
