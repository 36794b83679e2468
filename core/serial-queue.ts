/**
 * Runs tasks one after another, each after the previous one settled, so that no task sees state a running
 * one is still changing. A failed task rejects its own promise and never stops the queue.
 */
export function serialQueue(first: Promise<unknown> = Promise.resolve()) {
  let tail: Promise<unknown> = first.catch(() => undefined);
  return {
    run<T>(task: () => Promise<T> | T): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },
    /** Settles once every task queued so far, and every task those queued, has settled. */
    async idle(): Promise<void> {
      let seen: Promise<unknown>;
      do {
        seen = tail;
        await seen;
      } while (seen !== tail);
    },
  };
}

export type SerialQueue = ReturnType<typeof serialQueue>;
