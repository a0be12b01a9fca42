import { HASHING_DEFAULTS, type HashingOptions } from '../tokenizer/index.js';

/** One model to train: its encoder settings and the arguments passed to `train.py`. */
export interface ModelSpec {
  name: string;
  arch: 'fast' | 'cnn-bilstm' | 'bilstm-cnn-attention';
  maxLen: number;
  padding: 'fixed' | 'longest';
  minCount: number;
  hashing: HashingOptions | null;
  /** One paragraph for the model card. */
  description: string;
  /** Extra `train.py` flags (learning rate, epochs, …). */
  args: Record<string, string | number>;
}

export const SEED = 13;

export const MODEL_SPECS: readonly ModelSpec[] = [
  { name: 'fast', arch: 'fast',
    description: 'fastText-style classifier (Joulin et al. 2017): the mean of word embeddings and hashed embeddings of ' +
      'word bigrams and character 3–5-grams, then one linear layer and softmax. Input `ids` (word ids) and `grams` ' +
      '(hashed n-gram ids); padding is ignored, so texts are padded to the longest of their batch.', maxLen: 64, padding: 'longest', minCount: 2, hashing: HASHING_DEFAULTS,
    args: { lr: 0.01, epochs: 20, patience: 4 } },
  { name: 'cnn-bilstm', arch: 'cnn-bilstm',
    description: 'The architecture of Kazia & Kazia (seed 000, section 3): embedding (64) → 1-D convolution (64 filters, ' +
      'width 3, ReLU) → max-pooling (2) → bidirectional LSTM (48 per direction) → max over time → dense (64, ReLU) → ' +
      'softmax. Word embeddings learned from scratch; texts padded to 48 tokens.', maxLen: 48, padding: 'fixed', minCount: 2, hashing: null,
    args: { lr: 0.002, epochs: 15, patience: 3 } },
  { name: 'bilstm-cnn-attention', arch: 'bilstm-cnn-attention',
    description: 'The architecture of Choi et al. (seed 002, section III.C) without BERT, which cannot be downloaded ' +
      'here: embedding (64, learned) → BiLSTM (64) → BiLSTM (48) (the paper: 256 and 128) → convolution (64, width 3) ' +
      '+ max-pool (3, stride 1) → additive attention → dense (64, ReLU) → softmax, dropout 0.5. The attention weights ' +
      'are a second ONNX output, `attention` [batch, length], used to explain predictions.', maxLen: 48, padding: 'fixed', minCount: 2,
    hashing: null, args: { lr: 0.002, epochs: 15, patience: 3 } },
];
