/**
 * Marks the searched words on the page a search result led to (`?highlight=坎培拉`).
 * Plain string matching on text nodes: no RegExp is built from the address, and nothing
 * from it is ever parsed as HTML.
 */
export function highlightTerms(
  rawTerms: readonly string[],
  root: ParentNode | null = document.querySelector('[data-pagefind-body]'),
): number {
  const terms = [
    ...new Set(rawTerms.map((term) => term.trim()).filter((term) => term.length > 0 && term.length <= 100)),
  ]
    .slice(0, 20)
    .sort((a, b) => b.length - a.length);
  if (!root || terms.length === 0) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, mark, .toc, [data-pagefind-ignore]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const lower = text.toLowerCase();
    const pieces: (string | HTMLElement)[] = [];
    let at = 0;
    while (at < text.length) {
      let best: { index: number; length: number } | undefined;
      for (const term of terms) {
        const index = lower.indexOf(term.toLowerCase(), at);
        if (index !== -1 && (!best || index < best.index)) best = { index, length: term.length };
      }
      if (!best) break;
      if (best.index > at) pieces.push(text.slice(at, best.index));
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      mark.textContent = text.slice(best.index, best.index + best.length);
      pieces.push(mark);
      at = best.index + best.length;
      count += 1;
    }
    if (pieces.length === 0) continue;
    if (at < text.length) pieces.push(text.slice(at));
    node.replaceWith(...pieces);
  }
  if (count > 0 && !location.hash) document.querySelector('mark.search-highlight')?.scrollIntoView({ block: 'center' });
  return count;
}
