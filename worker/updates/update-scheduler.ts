import type { browser as extensionApi } from 'wxt/browser';
import { firstCheckDelayMinutes, nextCheckDelayMinutes } from '../../core/update/update-schedule';

export const UPDATE_ALARM = 'registry-update';

/**
 * Runs `check` on an alarm, which outlives the worker: first within an hour of the first start, then as
 * `scheduleAfter` is told how many checks in a row have failed.
 */
export function startUpdateScheduler(browser: typeof extensionApi, random: () => number, check: () => void) {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) check();
  });
  return {
    /** Sets the first alarm unless one is already waiting (a restarted worker keeps its schedule). */
    async start(): Promise<void> {
      if (!(await browser.alarms.get(UPDATE_ALARM)))
        await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: firstCheckDelayMinutes(random) });
    },
    scheduleAfter: (failures: number) => browser.alarms.create(UPDATE_ALARM, { delayInMinutes: nextCheckDelayMinutes(failures, random) }),
  };
}
