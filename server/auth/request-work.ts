/**
 * What one HTTP request may make the server compute, across all its operations (a batch of up to 10) and all their
 * aliases. The operation limits (use-operation-limits.ts) bound how much a request can *return*; these bound the
 * two things that cost CPU out of proportion to what they return, both run on the event loop, where a long run
 * stalls every tenant's requests:
 * - sentiment classification, counted in default-model texts: an explained text counts `EXPLAIN_WEIGHT` (one run
 *   per token), a `quality` text `QUALITY_WEIGHT`; at most `CLASSIFY_UNITS_PER_REQUEST`, about a fifth of a second
 *   of one core with the default model;
 * - community detection, one Leiden run per resolution not yet cached: at most `RESOLUTIONS_PER_REQUEST` distinct
 *   resolutions.
 */
import { GraphQLError } from 'graphql';

export const CLASSIFY_UNITS_PER_REQUEST = 2_000;
export const EXPLAIN_WEIGHT = 10;
export const QUALITY_WEIGHT = 10;
export const RESOLUTIONS_PER_REQUEST = 4;

export interface RequestWork {
  /** Counts `texts` texts classified by `model`; refuses them if the request would go over its budget. */
  classify(texts: number, model: string, explain: boolean): void;
  /** Counts a community resolution; refuses a new one past the request's limit. */
  resolution(gamma: number): void;
}

const perRequest = new WeakMap<object, RequestWork>();

/** The budget of the request `key` (the HTTP request object all its operations share). */
export function requestWork(key: object): RequestWork {
  let work = perRequest.get(key);
  if (!work) perRequest.set(key, (work = newWork()));
  return work;
}

function newWork(): RequestWork {
  let units = 0;
  const resolutions = new Set<number>();
  return {
    classify(texts, model, explain) {
      const weight = (explain ? EXPLAIN_WEIGHT : 1) * (model === 'quality' ? QUALITY_WEIGHT : 1);
      const cost = texts * weight;
      if (units + cost > CLASSIFY_UNITS_PER_REQUEST) {
        const most = Math.floor((CLASSIFY_UNITS_PER_REQUEST - units) / weight);
        throw new GraphQLError(
          `This request may classify ${Math.floor(CLASSIFY_UNITS_PER_REQUEST / weight)} texts${explain ? ' with explanations' : ''} with model ${model} in all ` +
            `(across its operations and aliases); ${most} are left for this call, which has ${texts}. Send the rest in another request.`,
          { extensions: { code: 'BATCH_TOO_LARGE' } },
        );
      }
      units += cost;
    },
    resolution(gamma) {
      if (resolutions.has(gamma)) return;
      if (resolutions.size >= RESOLUTIONS_PER_REQUEST) {
        throw new GraphQLError(`One request may ask for communities at ${RESOLUTIONS_PER_REQUEST} resolutions at most; ask for the others in another request.`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      resolutions.add(gamma);
    },
  };
}
