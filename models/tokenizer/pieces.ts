import { MAX_CHARS } from './normalize.js';

/**
 * A scored sentence-piece vocabulary (Kudo 2018, unigram model), stored in a model's `vocab.json` when the model reads
 * sentence pieces (input `pieces`). It is the vocabulary of the pretrained sentence encoder the `quality` model is
 * built on, so the pieces must be cut exactly as the encoder was trained to see them.
 */
export interface PieceVocab {
  /** pieces[id]. Ids below `reserved` are control symbols; id 0 also stands for any run of unknown characters. */
  pieces: readonly string[];
  /** Log-probability of each piece (0 for the reserved ones). */
  scores: readonly number[];
  reserved: number;
  /** Pieces read per text; the encoder ignores the rest. */
  maxPieces: number;
}

/** Id of any run of characters no piece starts with. */
const UNKNOWN_PIECE = 0;
/** Marks a word start: the text starts with it and every space becomes it. */
const WORD_START = '\u2581';

interface TrieNode {
  next: Map<string, TrieNode>;
  id: number;
  /** Length of the piece ending here, in code points. */
  length: number;
}

const tries = new WeakMap<PieceVocab, TrieNode>();

/** The pieces as a trie of code points, built once per vocabulary. A piece listed twice keeps its last entry. */
function trieOf(vocab: PieceVocab): TrieNode {
  let root = tries.get(vocab);
  if (root) return root;
  root = { next: new Map(), id: -1, length: 0 };
  for (let id = vocab.reserved; id < vocab.pieces.length; id++) {
    let node: TrieNode = root;
    let length = 0;
    for (const ch of vocab.pieces[id]!) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), id: -1, length: 0 }));
      node = child;
      length++;
    }
    if (node !== root) Object.assign(node, { id, length });
  }
  tries.set(vocab, root);
  return root;
}

/**
 * The most probable segmentation of a text into pieces (Viterbi over the pieces' log-probabilities), as the encoder's
 * own tokenizer cuts it: NFKC (case kept, nothing else normalised), spaces → `▁` and one `▁` in front; a character no
 * piece starts with is an unknown piece of score 0, and a run of them is one id. Ties go to the piece that starts
 * later, and a position whose best score so far is exactly 0 counts as not yet reached — both as in the encoder's
 * tokenizer, which this must match id for id (bench/sentence-encoder.ts checks it on every corpus text, up to the
 * 128th piece). The text is cut to MAX_CHARS first and the result to `maxPieces`.
 */
export function encodePieces(text: string, vocab: PieceVocab): Int32Array {
  const cut = (text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text).normalize('NFKC');
  if (cut.length === 0) return new Int32Array(0);
  const symbols = [...(WORD_START + cut.replaceAll(' ', WORD_START))];
  const n = symbols.length;
  const root = trieOf(vocab);
  const best = new Float64Array(n + 1);
  const pieceAt = new Int32Array(n + 1);
  const lengthAt = new Int32Array(n + 1).fill(1);
  const relax = (end: number, score: number, id: number, length: number) => {
    if (best[end] === 0 || score >= best[end]!) {
      best[end] = score;
      pieceAt[end] = id;
      lengthAt[end] = length;
    }
  };
  for (let start = 0; start < n; start++) {
    let node = root.next.get(symbols[start]!);
    let found = false;
    for (let end = start + 1; node; end++) {
      if (node.id >= 0) {
        relax(end, best[start]! + (vocab.scores[node.id] ?? 0), node.id, node.length);
        found = true;
      }
      node = end < n ? node.next.get(symbols[end]!) : undefined;
    }
    if (!found) relax(start + 1, best[start]!, UNKNOWN_PIECE, 1);
  }
  const reversed: number[] = [];
  for (let at = n; at > 0; at -= lengthAt[at]!) {
    const id = pieceAt[at]!;
    if (!(id === UNKNOWN_PIECE && reversed[reversed.length - 1] === UNKNOWN_PIECE)) reversed.push(id);
  }
  const ids = Int32Array.from(reversed.reverse());
  return ids.length > vocab.maxPieces ? ids.subarray(0, vocab.maxPieces) : ids;
}
