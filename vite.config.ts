import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * `vite build` → dist/widgets/ (ES modules for `<script type="module">`, custom-elements.json) and
 * dist/playground/ (the demo host page the server serves at `/`). `vite` → the playground with hot reload,
 * `/graphql` proxied to the API (env RAPPORT_API, default http://localhost:4000).
 */
const ROOT = import.meta.dirname;
const BUDGET_KB = 60;
const ENTRIES = {
  rapport: resolve(ROOT, 'widgets/index.ts'),
  'rapport-segment-map': resolve(ROOT, 'widgets/rapport-segment-map.ts'),
  'rapport-cohort-heatmap': resolve(ROOT, 'widgets/rapport-cohort-heatmap.ts'),
  'rapport-provider': resolve(ROOT, 'widgets/rapport-provider.ts'),
  'rapport-sentiment-feed': resolve(ROOT, 'widgets/rapport-sentiment-feed.ts'),
  'rapport-influencer-graph': resolve(ROOT, 'widgets/rapport-influencer-graph.ts'),
};

export default defineConfig(({ command }) => {
  if (command === 'serve') {
    return {
      root: resolve(ROOT, 'playground'),
      server: {
        proxy: { '/graphql': { target: process.env.RAPPORT_API ?? 'http://localhost:4000', changeOrigin: true } },
      },
    };
  }
  return {
    publicDir: false,
    build: {
      outDir: resolve(ROOT, 'dist/widgets'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      lib: { entry: ENTRIES, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: {
        // Heavy dependencies (sigma, onnxruntime-web) are only reached through dynamic import(): they land in
        // their own chunks and load when a widget that needs them first renders.
        // Library mode keeps whitespace by default; embedders want the smallest download.
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          minify: true,
          codeSplitting: {
            groups: [
              { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
              { name: 'd3', test: /node_modules[\\/](d3-[a-z-]+|internmap)[\\/]/ },
              // Named so they never merge into a shared chunk an entry loads statically.
              { name: 'sigma', test: /node_modules[\\/](sigma|graphology[a-z-]*)[\\/]/ },
              { name: 'onnxruntime', test: /node_modules[\\/]onnxruntime-(web|common)[\\/]/ },
            ],
          },
        },
      },
    },
    plugins: [bundleBudget(), ortWasm(), customElementsManifest(), playground()],
  };
});

/** Prints each entry's gzipped size with its static imports, and fails the build past the budget. */
function bundleBudget(): Plugin {
  return {
    name: 'rapport:bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const gz = new Map<string, number>();
      for (const [file, out] of Object.entries(bundle)) {
        if (file.endsWith('.js')) gz.set(file, gzipSync(out.type === 'chunk' ? out.code : out.source).length);
      }
      const closure = (file: string, seen = new Set<string>()) => {
        if (seen.has(file)) return seen;
        seen.add(file);
        const out = bundle[file];
        if (out?.type === 'chunk') for (const dep of out.imports) closure(dep, seen);
        return seen;
      };
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const lines = ['', 'Rapport widget bundle (gzipped, entry + static imports):'];
      let main = 0;
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk' || !out.isEntry) continue;
        const total = [...closure(file)].reduce((sum, f) => sum + (gz.get(f) ?? 0), 0);
        if (out.name === 'rapport') main = total;
        lines.push(`  ${file.padEnd(32)} ${kb(total).padStart(9)}`);
      }
      const eager = new Set(Object.keys(bundle).filter((f) => bundle[f]?.type === 'chunk' && (bundle[f] as { isEntry: boolean }).isEntry).flatMap((f) => [...closure(f)]));
      const lazy = [...gz.keys()].filter((f) => !eager.has(f));
      if (lazy.length) lines.push(`  lazily loaded: ${lazy.map((f) => `${f} ${kb(gz.get(f) ?? 0)}`).join(', ')}`);
      lines.push(`  kit + segment map + cohort heatmap: ${kb(main)} of ${BUDGET_KB} KB budget`);
      console.log(lines.join('\n'));
      if (main > BUDGET_KB * 1024) this.error(`rapport:bundle-budget: ${kb(main)} exceeds ${BUDGET_KB} KB gzipped`);
    },
  };
}

/**
 * Copies onnxruntime-web's WASM binary and its glue to `<outDir>/ort/`, where `classify()` (kit/classify-runtime.ts) looks for
 * it. Embedders host the folder beside the bundle, or pass `wasmPaths` (docs/widgets.md). Library mode would
 * otherwise inline the 14 MB binary into the chunk as base64 (it inlines every `new URL(…, import.meta.url)`).
 */
function ortWasm(): Plugin {
  const file = 'ort-wasm-simd-threaded.wasm';
  return {
    name: 'rapport:ort-wasm',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/onnxruntime-web[\\/]dist[\\/]/.test(id) || !code.includes(`"${file}"`)) return null;
      return { code: code.replaceAll(`new URL("${file}",import.meta.url)`, `new URL("${file}"+"",import.meta.url)`), map: null };
    },
    generateBundle() {
      // With wasmPaths set, onnxruntime-web also loads its Emscripten glue (.mjs) from there.
      for (const name of [file, file.replace(/\.wasm$/, '.mjs')]) {
        this.emitFile({ type: 'asset', fileName: `ort/${name}`, source: readFileSync(resolve(ROOT, 'node_modules/onnxruntime-web/dist', name)) });
      }
    },
  };
}

/** Writes custom-elements.json beside the bundle with the Custom Elements Manifest analyzer. */
function customElementsManifest(): Plugin {
  let outDir = '';
  return {
    name: 'rapport:custom-elements-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const cli = resolve(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
      // The analyzer joins --outdir to its working directory, so it must be relative.
      const args = [cli, 'analyze', '--litelement', '--globs', 'widgets/**/*.ts', '--outdir', relative(ROOT, outDir), '--quiet'];
      const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
      if (run.status !== 0) this.warn(`custom-elements.json not written: ${run.stderr || run.stdout}`);
    },
  };
}

/** Builds the playground app next to the widget bundle (`<outDir>/../playground`), served by the server at `/`. */
function playground(): Plugin {
  let outDir = '';
  let logLevel: 'info' | 'warn' | 'error' | 'silent' = 'info';
  return {
    name: 'rapport:playground',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.build.outDir, '../playground');
      logLevel = config.logLevel ?? 'info';
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: resolve(ROOT, 'playground'),
        base: './',
        logLevel,
        build: { outDir, emptyOutDir: true, target: 'es2022' },
      });
    },
  };
}
