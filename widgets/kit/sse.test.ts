import { describe, expect, it } from 'vitest';
import { readEventStream } from './sse.js';

function stream(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('readEventStream', () => {
  it('parses events split across chunks, multi-line data, comments and CRLF', async () => {
    const events = [];
    for await (const e of readEventStream(stream(':ping\n\nevent: next\nda', 'ta: {"a":1}\n\r\ndata: x\ndata: y\n\nevent: complete\ndata:\n\n'))) events.push(e);
    expect(events).toEqual([
      { event: 'next', data: '{"a":1}' },
      { event: undefined, data: 'x\ny' },
      { event: 'complete', data: '' },
    ]);
  });
});
