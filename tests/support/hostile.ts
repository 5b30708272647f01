/** Search input nobody should type: shared by the Node and the browser tests of search. */

/** Deterministic hostile inputs: metacharacters, markup, RTL, controls, emoji, huge. */
export function hostileInputs(count: number): string[] {
  const pieces = [
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=1">',
    "'><svg onload=window.__pwned=1>",
    '.*+?^${}()|[]\\',
    '(?<=a)b',
    '\u202e\u05e9\u05dc\u05d5\u05dd',
    '\u0000\u0001\u0007\u001b[31m',
    '😀👩‍👩‍👧‍👦🇹🇼',
    '&lt;&amp;&#x3C;',
    '%00%3Cscript%3E',
    '坎培拉',
    'APEC',
    '   ',
    '\t\n',
    '"',
    '*',
    '\\u003c',
    'javascript:alert(1)',
  ];
  const inputs = ['', ' ', 'x'.repeat(10_000), '坎'.repeat(10_000), pieces.join('')];
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  while (inputs.length < count) {
    const parts = Array.from({ length: 1 + (next() % 4) }, () => pieces[next() % pieces.length]!);
    inputs.push(parts.join(next() % 2 === 0 ? ' ' : ''));
  }
  return inputs;
}
