import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../core/serial-queue';

describe('the serial queue', () => {
  it('runs tasks one after another, a failure rejecting only its own promise', async () => {
    const queue = serialQueue();
    const order: string[] = [];
    const slow = queue.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow');
    });
    const failing = queue.run(() => {
      order.push('failing');
      throw new Error('no');
    });
    const last = queue.run(() => order.push('last'));
    await Promise.all([slow, failing.catch(() => undefined), last]);
    await expect(failing).rejects.toThrow('no');
    expect(order).toEqual(['slow', 'failing', 'last']);
  });

  it('is idle only once the tasks its tasks queued have run too', async () => {
    const queue = serialQueue();
    const done: string[] = [];
    void queue.run(async () => {
      done.push('load');
      // Queued from inside a task, as the registry keeper queues its check of the stored registry.
      void queue.run(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        done.push('check');
      });
    });
    await queue.idle();
    expect(done).toEqual(['load', 'check']);
  });
});
