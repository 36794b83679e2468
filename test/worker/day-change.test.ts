import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nextLocalMidnight } from '../../core/dates';
import { DAY_ALARM, startDayChange } from '../../worker/day-change';

beforeEach(() => fakeBrowser.reset());

describe('the day change', () => {
  it('finds the next local midnight, across a month and a year end', () => {
    expect(nextLocalMidnight(new Date(2026, 10, 22, 17, 30))).toEqual(new Date(2026, 10, 23));
    expect(nextLocalMidnight(new Date(2026, 11, 31, 23, 59, 59))).toEqual(new Date(2027, 0, 1));
    expect(nextLocalMidnight(new Date(2026, 10, 22, 0, 0, 0))).toEqual(new Date(2026, 10, 23));
  });

  it('recomputes verdicts just after each local midnight, and sets the next alarm', async () => {
    let clock = new Date(2026, 10, 22, 17, 30);
    const onNewDay = vi.fn();
    await startDayChange(fakeBrowser as never, onNewDay, () => clock);
    const first = await fakeBrowser.alarms.get(DAY_ALARM);
    expect(first?.scheduledTime).toBe(new Date(2026, 10, 23).getTime() + 5_000);

    clock = new Date(2026, 10, 23, 0, 0, 5);
    await fakeBrowser.alarms.onAlarm.trigger(first!);
    expect(onNewDay).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(DAY_ALARM))?.scheduledTime).toBe(new Date(2026, 10, 24).getTime() + 5_000),
    );

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'registry-update', scheduledTime: 0 });
    expect(onNewDay).toHaveBeenCalledTimes(1);
  });

  it('keeps an alarm already set when the worker starts again', async () => {
    await fakeBrowser.alarms.create(DAY_ALARM, { when: 42_000 });
    await startDayChange(
      fakeBrowser as never,
      () => undefined,
      () => new Date(2026, 10, 22, 12),
    );
    expect((await fakeBrowser.alarms.get(DAY_ALARM))?.scheduledTime).toBe(42_000);
  });
});
