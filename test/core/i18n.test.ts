import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { localeTag, translatorFor } from '../../core/i18n';

describe('locale files', () => {
  it('have the same messages and placeholders in both languages', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en) as [string, { placeholders?: object }][]) {
      expect((zhCN as Record<string, { placeholders?: object }>)[key].placeholders, key).toEqual(entry.placeholders);
    }
  });

  it('use only the characters the browsers accept in message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('substitute placeholders as the browser does', () => {
    const { t } = translatorFor(en, 'en');
    expect(t('validity_valid', [12])).toBe('valid, 12 days left');
    expect(t('badge_unlisted', ['example.cn'])).toBe(
      'example.cn is not in the licence registry and the site shows no licence number as its own.',
    );
    expect(t('no_such_key')).toBe('no_such_key');
    expect(translatorFor(zhCN, localeTag('zh_CN')).t('validity_expired', [3])).toBe('已过期 3 天');
    expect(localeTag('zh_CN')).toBe('zh-CN');
  });
});
