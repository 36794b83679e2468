import type { browser as extensionApi } from 'wxt/browser';
import { nextLocalMidnight } from '../core/dates';

export const DAY_ALARM = 'new-day';
// A little after midnight, so that the clock has surely moved to the new date when verdicts are recomputed.
const AFTER_MIDNIGHT_MS = 5_000;

/**
 * Calls `onNewDay` after each local midnight: a licence can expire, or enter its last 90 days, overnight
 * in a tab that stays open. Alarms outlive the worker; one is set again whenever it is missing or has fired.
 */
export function startDayChange(browser: typeof extensionApi, onNewDay: () => void, now: () => Date = () => new Date()): Promise<void> {
  const schedule = () => browser.alarms.create(DAY_ALARM, { when: nextLocalMidnight(now()).getTime() + AFTER_MIDNIGHT_MS });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAY_ALARM) return;
    onNewDay();
    void schedule();
  });
  return browser.alarms.get(DAY_ALARM).then((existing) => (existing ? undefined : schedule()));
}
