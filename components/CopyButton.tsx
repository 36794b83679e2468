import { useState } from 'preact/hooks';
import type { Translate } from '../core/i18n';

export function CopyButton({ text, t, copy }: { text: string; t: Translate; copy: (text: string) => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const label = state === 'copied' ? t('copied') : state === 'failed' ? t('copy_failed') : t('copy_number');
  return (
    <button
      type="button"
      class="small"
      onClick={() =>
        copy(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      <span aria-live="polite">{label}</span>
    </button>
  );
}
