import type { FeedItem } from '../../widgets/index.js';

const CHANNELS = ['social', 'email', 'chat', 'call', 'meeting', 'note', 'review'] as const;
const LABELS = ['positive', 'neutral', 'negative'] as const;

/** `n` deterministic interactions, one a minute back from 2026-06-01, newest first by construction. */
export function feedItems(n: number): FeedItem[] {
  const t0 = Date.UTC(2026, 5, 1);
  return Array.from({ length: n }, (_, i) => {
    const label = LABELS[(i * 7) % 3]!;
    const p = 0.5 + ((i * 13) % 50) / 100;
    const rest = (1 - p) / 2;
    return {
      id: `it-${i}`,
      externalId: `ext-${i}`,
      channel: CHANNELS[i % CHANNELS.length]!,
      occurredAt: new Date(t0 - i * 60_000).toISOString(),
      text: `Message number ${i}: the order ${i % 2 ? 'arrived late' : 'was great'}.`,
      author: `Author ${i % 97}`,
      customer: { id: `c-${i % 97}`, externalId: `cust-${i % 97}`, name: `Customer ${i % 97}` },
      sentiment: { label, probabilities: { positive: label === 'positive' ? p : rest, neutral: label === 'neutral' ? p : rest, negative: label === 'negative' ? p : rest }, modelId: 'fixture' },
    };
  });
}

/** Untrusted texts that would run code or inject elements if any reached the DOM as HTML. */
export const XSS = [
  '<script>window.__pwned = (window.__pwned || 0) + 1</script>',
  '<img src=x onerror="window.__pwned = (window.__pwned || 0) + 1">',
  '<svg onload="window.__pwned = (window.__pwned || 0) + 1"><circle r="5"/></svg>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '"><iframe src="javascript:parent.__pwned=1"></iframe>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<details open ontoggle="window.__pwned=1">',
  '${alert(1)} {{constructor.constructor("window.__pwned=1")()}}',
  '<body onload="window.__pwned=1">',
  '<input autofocus onfocus="window.__pwned=1">',
  '<object data="javascript:window.__pwned=1"></object>',
];
