export { LABELS, type EncoderConfig, type Label } from './config.js';
export { decodeEntities } from './entities.js';
export { encode, encodeText, encodeTokens, idsOf, padBatch, type Encoded, type EncodedBatch } from './encode.js';
export { fnv1a, hashFeatures, HASHING_DEFAULTS, type HashingOptions } from './hashing.js';
export { LEX_PAD, LEX_ZERO, lexIds, lexiconIndex, lexValue, NEGATION_FACTOR, type Lexicon, type LexiconIndex } from './lexicon.js';
export { MAX_CHARS, normalize, NUM_TOKEN, URL_TOKEN, USER_TOKEN } from './normalize.js';
export { splitTokens, tokenize } from './tokenize.js';
export { buildVocab, PAD_ID, PAD_TOKEN, UNK_ID, UNK_TOKEN, vocabFromTokens, type Vocab } from './vocab.js';
export { encodePieces, type PieceVocab } from './pieces.js';
