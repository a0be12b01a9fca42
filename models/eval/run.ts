import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afinnBaseline, majorityBaseline, vaderBaseline, type Baseline } from '../baselines/index.js';
import { loadCorpus, select, sharedDataDir, type Example } from '../data/index.js';
import { loadNodeModel, MODELS_DIR, type CascadeConfig, type ModelConfig } from '../inference/node.js';
import { ALL_SPECS } from '../train/specs.js';
import { renderCard, type CardCascade } from './card.js';
import { cascadeCurve, CURVE_MARGINS } from './cascade-curve.js';
import { cascadeSvg, type CascadeSeries } from './cascade-svg.js';
import { confusionSvg } from './confusion-svg.js';
import { evaluateCalibration, evaluateModel, measureSpeed } from './evaluate.js';
import type { Calibration } from './calibration.js';
import { computeMetrics, type Metrics } from './metrics.js';
import type { ModelMetrics } from './model-metrics.js';
import { CALIBRATION_END, CALIBRATION_START, renderCalibrationTable, renderTable, writeBetweenMarkers, type TableRow } from './readme.js';
import { evaluationSets, selectionScore, SET_KEYS, SET_TITLES, type SetKey } from './sets.js';
import { chooseDefault, DEFAULT_BUDGET, QUALITY_AIM } from './choose-default.js';
import { qualitySpeedSvg } from './quality-speed-svg.js';
import { reliabilitySvg } from './reliability-svg.js';

function baselineRow(b: Baseline | ((key: SetKey) => Baseline), sets: Record<SetKey, Example[]>): TableRow {
  const out: Partial<Record<SetKey, Metrics>> = {};
  let name = '';
  for (const key of SET_KEYS) {
    const base = typeof b === 'function' ? b(key) : b;
    name = typeof b === 'function' ? 'majority class' : base.id;
    out[key] = computeMetrics(sets[key].map((e) => e.label), base.predict(sets[key].map((e) => e.text)));
  }
  return { name, sets: out };
}

/** Evaluates every trained model and the baselines; writes metrics.json, card.md, SVGs, default.json, README table. */
export async function runEvaluation(): Promise<void> {
  const corpus = loadCorpus();
  const sets = evaluationSets(corpus);
  const speedTexts = sets['airline-test'].map((e) => e.text);
  const results: ModelMetrics[] = [];
  const configs = new Map<string, ModelConfig>();
  for (const spec of ALL_SPECS) {
    const dir = path.join(MODELS_DIR, spec.name);
    if (!existsSync(path.join(dir, 'model.onnx'))) continue;
    const model = await loadNodeModel(dir);
    const metrics = await evaluateModel(model, sets);
    const [b1, b64] = [await measureSpeed(model, speedTexts.slice(0, 500), 1), await measureSpeed(model, speedTexts, 64)];
    const speed = { nodeBatch1: b1.wall, nodeBatch64: b64.wall, nodeBatch1Cpu: b1.cpu, nodeBatch64Cpu: b64.cpu };
    await model.dispose();
    const raw = await loadNodeModel(dir, { calibrated: false });
    const uncalibrated = await evaluateCalibration(raw, sets);
    await raw.dispose();
    const config = JSON.parse(readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as ModelConfig;
    configs.set(spec.name, config);
    const temperature = config.temperature ?? 1;
    writeReliability(spec.name, temperature, metrics, uncalibrated);
    results.push({
      model: spec.name, isDefault: false, onnxBytes: statSync(path.join(dir, 'model.onnx')).size,
      vocabBytes: statSync(path.join(dir, 'vocab.json')).size, speed, selectionScore: Math.round(selectionScore(metrics) * 1e4) / 1e4, sets: metrics,
      temperature, uncalibrated: Object.fromEntries(SET_KEYS.map((k) => [k, withoutBins(uncalibrated[k])])) as ModelMetrics['uncalibrated'],
    });
    console.log(`rapport/models: ${spec.name} airline test ${metrics['airline-test'].accuracy} / ${metrics['airline-test'].macroF1}`);
  }
  const { name: defaultName, reason } = chooseDefault(results);
  writeFileSync(path.join(MODELS_DIR, 'default.json'), JSON.stringify({ model: defaultName, reason }, null, 2) + '\n');
  for (const m of results) {
    m.isDefault = m.model === defaultName;
    const dir = path.join(MODELS_DIR, m.model);
    const spec = ALL_SPECS.find((s) => s.name === m.model)!;
    const training = JSON.parse(readFileSync(path.join(dir, 'training.json'), 'utf8'));
    const vocab = configs.get(m.model)!;
    const vocabSize = vocab.tokens.length;
    const cascade = vocab.cascade ? await writeCascadeCurve(m.model, vocab.cascade, sets) : undefined;
    writeFileSync(path.join(dir, 'metrics.json'), JSON.stringify(m, null, 1) + '\n');
    for (const key of ['airline-test', 'phrasebank-test', 'tweeteval'] as const) {
      writeFileSync(path.join(dir, `confusion-${key}.svg`), confusionSvg(m.sets[key].confusion, `${m.model} — ${SET_TITLES[key]}`));
    }
    const defaultReason = m.isDefault ? `**Default model.** ${reason}` : `Not the default (\`${defaultName}\` is; see its card).`;
    writeFileSync(path.join(dir, 'card.md'), renderCard({ metrics: m, description: spec.description, training, vocabSize, defaultReason, history: spec.history, cascade }));
  }
  const byDomain = (key: SetKey) =>
    majorityBaseline(
      key.startsWith('airline') ? select(corpus, 'airline', 'train').map((e) => e.label)
        : key.startsWith('phrasebank') ? select(corpus, 'phrasebank', 'train').map((e) => e.label)
        : tweetEvalTrainLabels(),
    );
  const rows: TableRow[] = [
    ...results.map((m) => ({ name: `\`${m.model}\`${m.isDefault ? ' (default)' : ''}`, sets: m.sets, onnxBytes: m.onnxBytes, speed: m.speed })),
    baselineRow(byDomain, sets),
    baselineRow(vaderBaseline, sets),
    baselineRow(afinnBaseline, sets),
  ];
  writeBetweenMarkers(path.join(MODELS_DIR, 'README.md'), renderTable(rows));
  writeBetweenMarkers(path.join(MODELS_DIR, 'README.md'), renderCalibrationTable(results), CALIBRATION_START, CALIBRATION_END);
  const points = results.map((m) => ({
    name: m.model, macroF1: m.sets['airline-test'].macroF1, interval: m.sets['airline-test'].interval!.macroF1,
    speed: m.speed.nodeBatch64Cpu, isDefault: m.isDefault,
  }));
  writeFileSync(path.join(MODELS_DIR, 'quality-speed.svg'), qualitySpeedSvg(points, { macroF1: QUALITY_AIM.macroF1, speed: DEFAULT_BUDGET.targetTextsPerSecond }));
}

/**
 * For a cascade: its gate's and its whole graph's predictions on the airline sets give the trade-off at every margin,
 * drawn as `models/<name>/cascade.svg`; returns what its card says of the chosen margin.
 */
async function writeCascadeCurve(name: string, config: CascadeConfig, sets: Record<SetKey, Example[]>): Promise<CardCascade> {
  const gate = await loadNodeModel(path.join(MODELS_DIR, config.gate));
  const full = await loadNodeModel(path.join(MODELS_DIR, name), { cascade: false });
  const margins = CURVE_MARGINS.some((m) => Math.abs(m - config.margin) < 1e-9) ? CURVE_MARGINS : [...CURVE_MARGINS, config.margin].sort((a, b) => a - b);
  const series: Array<CascadeSeries & { key: SetKey }> = [];
  for (const [key, title, colour] of [['airline-validation', 'airline validation', '#7f8c8d'], ['airline-test', 'airline test', '#1f5fa8']] as const) {
    const texts = sets[key].map((e) => e.text);
    const points = cascadeCurve(await gate.classify(texts), await full.classify(texts), sets[key].map((e) => e.label), margins);
    series.push({ key, title, colour, points });
  }
  await Promise.all([gate.dispose(), full.dispose()]);
  writeFileSync(path.join(MODELS_DIR, name, 'cascade.svg'), cascadeSvg(name, config.gate, series, config.margin, QUALITY_AIM.macroF1));
  const at = (key: SetKey) => series.find((s) => s.key === key)!.points.find((p) => Math.abs(p.margin - config.margin) < 1e-9)!;
  return { ...config, validationShare: at('airline-validation').share, testShare: at('airline-test').share };
}

const withoutBins = ({ bins: _bins, ...rest }: Calibration) => rest;

/** `models/<name>/reliability.svg`: the test sets' reliability diagrams, as served and at temperature 1. */
function writeReliability(name: string, temperature: number, served: Record<SetKey, Metrics>, raw: Record<SetKey, Calibration>): void {
  const series = ([['airline-test', '#1f5fa8'], ['phrasebank-test', '#27864a'], ['tweeteval', '#b5651d']] as const).map(([key, colour]) => ({
    title: SET_TITLES[key].replace(/ \(.*\)$/, ''), colour, served: served[key].calibration!.bins, raw: raw[key].bins,
  }));
  writeFileSync(path.join(MODELS_DIR, name, 'reliability.svg'), reliabilitySvg(name, temperature, series));
}

/** TweetEval's training texts are missing, but its labels are present: enough for the majority baseline. */
function tweetEvalTrainLabels(): ('negative' | 'neutral' | 'positive')[] {
  const file = path.join(sharedDataDir(), 'tweeteval-sentiment', 'train_labels.txt');
  const names = ['negative', 'neutral', 'positive'] as const;
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => names[Number(l)]!);
}
