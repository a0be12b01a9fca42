import type { Plugin } from 'graphql-yoga';
import { authError } from '../auth/auth-error';

export interface BodyLimitOptions {
  /** Largest JSON (or other non-multipart) GraphQL request. @default 1 MiB */
  maxJsonBytes?: number;
  /** Largest multipart request, i.e. a file upload for `importFile`. @default 200 MiB */
  maxUploadBytes?: number;
}

export const BODY_LIMIT_DEFAULTS: Required<BodyLimitOptions> = { maxJsonBytes: 1 << 20, maxUploadBytes: 200 << 20 };

const size = (n: number) => (n < 1 << 20 ? `${Math.ceil(n / 1024)} KB` : `${Math.round((n / (1 << 20)) * 10) / 10} MB`);

/**
 * Two body limits: operations are small, uploads are not. Refused with 413 from `Content-Length` before reading,
 * or while streaming when the length is not declared (chunked). yoga's own limit is set to the upload size.
 */
export function useBodyLimit(options: BodyLimitOptions = {}): Plugin {
  const o = { ...BODY_LIMIT_DEFAULTS, ...options };
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data') ?? false;
      const limit = multipart ? o.maxUploadBytes : o.maxJsonBytes;
      const tooLarge = () =>
        authError(
          'PAYLOAD_TOO_LARGE',
          multipart
            ? `The upload is larger than ${size(limit)}, the largest file this server accepts; split it or import it with the CLI.`
            : `The request body is larger than ${size(limit)}, the limit for a GraphQL operation; send bulk data as a file upload (importFile).`,
        );
      const declared = Number(request.headers.get('content-length'));
      if (declared > limit) throw tooLarge();
      if (!requestParser || !request.body) return;
      setRequestParser(async (req) => {
        const limited = limitBody(req, limit, tooLarge);
        try {
          return await requestParser(limited.request);
        } catch (err) {
          // Multipart parsing reports a cut stream as its own failure: say what really happened.
          if (limited.exceeded()) throw tooLarge();
          throw err;
        }
      });
    },
  };
}

function limitBody(request: Request, limit: number, tooLarge: () => Error) {
  let read = 0;
  const body = request.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  const init = { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' };
  return { request: new Request(request.url, init as RequestInit), exceeded: () => read > limit };
}
