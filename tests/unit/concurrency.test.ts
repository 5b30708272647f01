import { expect, test } from 'vitest';
import { eachLimit } from '../../src/lib/concurrency';

test('runs every item once, never more than the limit at a time', async () => {
  const items = Array.from({ length: 25 }, (_, index) => index);
  const seen: number[] = [];
  let running = 0;
  let most = 0;
  await eachLimit(items, 4, async (item, index) => {
    expect(index).toBe(item);
    running += 1;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, (item % 3) * 2));
    seen.push(item);
    running -= 1;
  });
  expect(seen.sort((a, b) => a - b)).toEqual(items);
  expect(most).toBe(4);
});

test('an empty list resolves at once', async () => {
  let calls = 0;
  await eachLimit([], 8, async () => {
    calls += 1;
  });
  expect(calls).toBe(0);
});
