const DAY_MINUTES = 24 * 60;

/** The first check after the worker first starts: within an hour, spread so browsers do not all ask at once. */
export function firstCheckDelayMinutes(random: () => number): number {
  return 5 + 55 * random();
}

/**
 * The next check: about a day after a good one; after failures, sooner at first and backing off
 * (30 min, 1 h, 2 h … up to a day); always with jitter so that browsers do not all ask at once.
 */
export function nextCheckDelayMinutes(failures: number, random: () => number): number {
  const base = failures === 0 ? DAY_MINUTES : Math.min(DAY_MINUTES, 30 * 2 ** (failures - 1));
  return base * (0.9 + 0.2 * random());
}
