import { classify } from '../kit/classify.js';
import type { RapportClient } from '../kit/client.js';
import { fetchExplanation } from './query.js';
import type { TokenWeight } from './types.js';

/** The tokens behind a text's label: from the in-page model (`local`) or from the API's `classify(explain: true)`. */
export async function explainText(text: string, mode: 'server' | 'local', client: () => RapportClient, modelsUrl: string | undefined): Promise<TokenWeight[]> {
  if (mode === 'local') return (await classify([text], { modelsUrl, explain: true }))[0]?.explanation ?? [];
  return fetchExplanation(client(), text);
}
