import { PHRASEBANK_FILE } from '../data/index.js';
import { confusionTable, int, mb, pct, perClassTable, range } from './format.js';
import type { ModelMetrics } from './model-metrics.js';
import { SET_KEYS, SET_TITLES } from './sets.js';

export interface CardInput {
  metrics: ModelMetrics;
  description: string;
  training: { arch: string; bestEpoch: number; epochsRun: number; trainSeconds: number; parameters: number; seed: number; hyper: object };
  vocabSize: number;
  defaultReason: string;
  /** Earlier figures and what was tried and not kept (ModelSpec.history), or nothing. */
  history?: string;
  /** For a cascade: its gate, margin, and the share of airline texts its whole graph saw at that margin. */
  cascade?: CardCascade;
}

export interface CardCascade {
  gate: string;
  margin: number;
  validationShare: number;
  testShare: number;
}

/** Training settings without machine-specific paths. */
const settings = (h: object) => JSON.stringify(Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'state')));

/** `models/<name>/card.md`: what the model is, what it was trained on, and how well it measured. */
export function renderCard({ metrics: m, description, training: t, vocabSize, defaultReason, history, cascade }: CardInput): string {
  const summary = SET_KEYS.map((k) => {
    const s = m.sets[k];
    return `| ${SET_TITLES[k]} | ${int(s.n)} | ${pct(s.accuracy)} | ${range(s.interval?.accuracy)} | ${pct(s.macroF1)} | ${range(s.interval?.macroF1)} |`;
  });
  return `# Model card: \`${m.model}\`${m.isDefault ? ' (default)' : ''}

${description}

${defaultReason}
${history ? `\n## History\n${history}\n` : ''}
## Licence of the weights
The weights are learned from **non-commercially licensed data**: Twitter US Airline Sentiment (CC BY-NC-SA 4.0) and
Financial PhraseBank v1.0 (CC BY-NC-SA 3.0). Treat this model as non-commercial / share-alike unless the data owners
grant otherwise. The code is MIT.

## Data and split
- Airline tweets (\`Tweets.csv\`): repeated \`tweet_id\`s dropped (first kept), bucket = first byte of
  sha1(tweet_id as written) mod 10: 0–6 train, 7 validation, 8–9 test (the spec's split).
- Financial PhraseBank \`${PHRASEBANK_FILE}\` (Latin-1, label after the last \`@\`), repeated sentences dropped,
  split the same way by sha1 of the sentence (UTF-8).
- Trained on both training parts together; epoch and default chosen on validation only; test never used for a choice.
- TweetEval sentiment val + test: cross-domain evaluation only, never trained on.
- Tokenizer: \`models/tokenizer\` (the same code serves training, server and browser); vocabulary ${int(vocabSize)}
  tokens from the training parts (min count 2).

## Training
${t.arch === 'linear'
    ? `scikit-learn (no randomness), ${int(t.parameters)} parameters, fitted in ${t.trainSeconds} s with every setting of the grid. Settings: \`${settings(t.hyper)}\`.`
    : t.epochsRun
    ? `PyTorch, seed ${t.seed}, one thread; ${int(t.parameters)} parameters; best epoch (on validation) ${t.bestEpoch} of ${t.epochsRun} run (${t.trainSeconds} s). Settings: \`${settings(t.hyper)}\`.`
    : `No training of its own: ${int(t.parameters)} parameters from its members. Settings: \`${settings(t.hyper)}\`.`}

## Results (measured on the exported ONNX with onnxruntime-node)
Intervals: 95 % percentile bootstrap (1,000 resamples of the set's texts, seeded): how far a figure could move on
another sample of the same size.

| set | texts | accuracy | 95 % interval | macro-F1 | 95 % interval |
|---|---|---|---|---|---|
${summary.join('\n')}

### Airline test — per class
${perClassTable(m.sets['airline-test'])}

${confusionTable(m.sets['airline-test'])}

![confusion matrix, airline test](confusion-airline-test.svg)

### Financial PhraseBank test — per class
${perClassTable(m.sets['phrasebank-test'])}

${confusionTable(m.sets['phrasebank-test'])}

![confusion matrix, Financial PhraseBank test](confusion-phrasebank-test.svg)

### TweetEval (cross-domain) — per class
${perClassTable(m.sets.tweeteval)}

![confusion matrix, TweetEval](confusion-tweeteval.svg)

## Size and speed
\`model.onnx\` ${mb(m.onnxBytes)}, \`vocab.json\` ${mb(m.vocabBytes)}. onnxruntime-node, one thread, tokenisation
included, this machine (2 cores shared with other work): at batch 64 ${int(m.speed.nodeBatch64)} texts/s wall clock
(best of 3 passes) and ${int(m.speed.nodeBatch64Cpu)} texts per CPU-second; at batch 1 ${int(m.speed.nodeBatch1)} and
${int(m.speed.nodeBatch1Cpu)}. See \`bench/sentiment.ts\` for the web backend and the comparison with VADER.
${calibrationSection(m)}${cascade ? cascadeSection(m.model, cascade) : ''}`;
}

function calibrationSection(m: ModelMetrics): string {
  const f = (x: number) => x.toFixed(3);
  const rows = SET_KEYS.map((k) => {
    const [raw, served] = [m.uncalibrated[k], m.sets[k].calibration!];
    return `| ${SET_TITLES[k]} | ${f(raw.ece)} → **${f(served.ece)}** | ${f(raw.nll)} → **${f(served.nll)}** | ${f(raw.brier)} → **${f(served.brier)}** |`;
  });
  return `
## Calibration
The probabilities are served at temperature ${m.temperature} (\`vocab.json\`'s \`temperature\`): each text's
probabilities p become p^(1/T), renormalised, which never changes the predicted label. T minimises the log-loss on the
validation parts (airline and PhraseBank together; \`npm run models:calibrate\`), so the test figures below were not
used to choose it. Expected calibration error (ECE) is the mean gap, weighted by texts, between how often the model is
right and how sure it says it is, over 15 bins of its top probability; lower is better for all three. Temperature 1 →
as served:

| set | ECE | log-loss | Brier score |
|---|---|---|---|
${rows.join('\n')}

![reliability of ${m.model}'s probabilities on the test sets](reliability.svg)
`;
}

function cascadeSection(model: string, c: CardCascade): string {
  const share = (x: number) => `${(100 * x).toFixed(1)} %`;
  return `
## Cascade
Every text goes through \`${c.gate}\` first; \`${model}\`'s graph sees only those where \`${c.gate}\`'s two most
probable classes are less than ${c.margin} apart: ${share(c.validationShare)} of the airline validation tweets and
${share(c.testShare)} of the test tweets. The figures above are the cascade's. Each line below is the airline macro-F1
the cascade would reach at every margin from 0 (\`${c.gate}\` alone) to 1 (nearly every text through the graph).

![${model} behind ${c.gate}: airline macro-F1 against the share of texts sent on](cascade.svg)
`;
}
