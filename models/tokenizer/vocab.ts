/** Word vocabulary built from training texts only. Id 0 pads, id 1 stands for any unknown token. */
export const PAD_ID = 0;
export const UNK_ID = 1;
export const PAD_TOKEN = '<pad>';
export const UNK_TOKEN = '<unk>';

export interface Vocab {
  /** tokens[id]; tokens[0] = `<pad>`, tokens[1] = `<unk>`. */
  readonly tokens: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function vocabFromTokens(tokens: readonly string[]): Vocab {
  if (tokens[PAD_ID] !== PAD_TOKEN || tokens[UNK_ID] !== UNK_TOKEN) {
    throw new Error('rapport/models: vocabulary must start with <pad>, <unk>.');
  }
  return { tokens, index: new Map(tokens.map((t, i) => [t, i])) };
}

/** Keeps tokens seen at least `minCount` times, most frequent first, ties in code-unit order (deterministic). */
export function buildVocab(tokenized: Iterable<readonly string[]>, minCount = 2): Vocab {
  const counts = new Map<string, number>();
  for (const tokens of tokenized) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minCount);
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return vocabFromTokens([PAD_TOKEN, UNK_TOKEN, ...kept.map(([t]) => t)]);
}
