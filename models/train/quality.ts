import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, type Example } from '../data/index.js';
import { probabilityRow, type Row } from '../eval/calibration.js';
import { loadNodeModel, modelDir } from '../inference/node.js';
import { encodePieces, LABELS, type EncoderConfig } from '../tokenizer/index.js';
import { ensureSentenceEncoder, readPieceVocab } from './pretrained.js';
import { runPython } from './run-python.js';
import { QUALITY_GATE, QUALITY_MEMBERS } from './specs.js';

/**
 * The opt-in `quality` model: the committed `linear` and `cnn-bilstm` graphs beside a pretrained sentence encoder with
 * a logistic-regression head, mixed in one graph by `quality.py`. This writes what the script reads — each training
 * and validation text's sentence pieces, cut by the TypeScript tokenizer, and the members' probabilities from their
 * committed ONNX files, and the gate's (`QUALITY_GATE`) — then the model's `vocab.json`: the word encoder's settings,
 * the piece vocabulary, and the cascade the script chose (the gate, and the margin under which it consults `quality`).
 */
export async function buildQuality(corpus: readonly Example[], config: EncoderConfig, tmp: string): Promise<void> {
  const dist = ensureSentenceEncoder();
  const pieces = readPieceVocab(dist);
  const rows = corpus.filter((e) => e.split !== 'test');
  const texts = rows.map((e) => e.text);
  const members: Record<string, Row[]> = {};
  for (const name of [...QUALITY_MEMBERS, QUALITY_GATE]) {
    // The members' graphs go into quality's as they are, so the mix is fitted on their own probabilities; the gate's
    // are as served, as the cascade will see them.
    const model = await loadNodeModel(modelDir(name), { calibrated: name === QUALITY_GATE });
    members[name] = (await model.classify(texts)).map(probabilityRow);
    await model.dispose();
  }
  const data = path.join(tmp, 'quality.jsonl');
  const lines = rows.map((e, i) => JSON.stringify({
    split: e.split, source: e.source, y: LABELS.indexOf(e.label), pieces: [...encodePieces(e.text, pieces)],
    members: Object.fromEntries(QUALITY_MEMBERS.map((name) => [name, members[name]![i]])), gate: members[QUALITY_GATE]![i],
  }));
  writeFileSync(data, lines.join('\n') + '\n');
  const out = modelDir('quality');
  mkdirSync(out, { recursive: true });
  console.log('rapport/models: building quality (sentence encoder + the committed members)');
  await runPython(path.join(repoRoot, 'models/train/quality.py'), [
    '--data', data, '--package', dist, '--out', out,
    ...QUALITY_MEMBERS.flatMap((name) => ['--member', `${name}=${path.join(modelDir(name), 'model.onnx')}`]),
  ]);
  const { margin } = (JSON.parse(readFileSync(path.join(out, 'training.json'), 'utf8')) as { hyper: { cascade: { margin: number } } })
    .hyper.cascade;
  writeFileSync(path.join(out, 'vocab.json'), JSON.stringify({ ...config, pieces, cascade: { gate: QUALITY_GATE, margin } }) + '\n');
}
