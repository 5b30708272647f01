/** Run `task` on every item, at most `limit` at a time; resolves when all are done. */
export async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < items.length; at = next++) await task(items[at] as T, at);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
