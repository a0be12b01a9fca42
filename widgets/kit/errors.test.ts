import { describe, expect, it } from 'vitest';
import { RapportError, describeFailure } from './errors.js';

describe('describeFailure', () => {
  it('reads the HTTP status whatever the code: a GraphQL refusal body still says so', () => {
    const say = (e: unknown) => describeFailure(e, 'segments').sentence;
    expect(say(new RapportError('GRAPHQL', 'token expired', 401))).toBe('This page is not allowed to show these segments.');
    expect(say(new RapportError('GRAPHQL', 'wrong origin', 403))).toBe('This page is not allowed to show these segments.');
    expect(say(new RapportError('GRAPHQL', 'boom', 500))).toBe('The Rapport server ran into a problem.');
    expect(say(new RapportError('HTTP', 'answered 502', 502))).toBe('The Rapport server ran into a problem.');
    expect(say(new RapportError('GRAPHQL', 'Too many requests', 429))).toBe('The Rapport server is busy with this page; try again in a moment.');
    expect(say(new RapportError('UNCONFIGURED', 'no token'))).toBe('This widget has an endpoint but no credentials yet.');
    expect(say(new RapportError('GRAPHQL', 'no field x'))).toBe('Could not load segments.');
  });
});
