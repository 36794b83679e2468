import * as z from 'zod/mini';

export const LANGUAGES = ['auto', 'zh_CN', 'en'] as const;

export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'auto' };
