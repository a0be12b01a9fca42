import type { HttpServerOptions } from './http-server';

/**
 * The files any page may load from this server, wherever the page lives: the widget bundle (for
 * `<script type="module" src="…/widgets/rapport.js">`, built by `npm run build`) and the model files the browser
 * classifies with. Module scripts and `fetch` are cross-origin requests, so these are answered with
 * `Access-Control-Allow-Origin: *` (`http-server.ts`); they hold no tenant's data and take no credentials.
 */
export function publicMounts(root: string, widgetsDir = `${root}dist/widgets/`): NonNullable<HttpServerOptions['mounts']> {
  return {
    '/models/': { dir: `${root}models/`, allow: /^(default\.json|[a-z0-9-]+\/(model\.onnx|vocab\.json|card\.md|[a-z0-9-]+\.svg))$/ },
    '/widgets/': { dir: widgetsDir, allow: /^[\w./-]+\.(js|mjs|wasm|json|map)$/ },
  };
}
