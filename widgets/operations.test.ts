import { describe, expect, it } from 'vitest';
import { WIDGET_OPERATION_NAMES } from './operation-names.js';
import { widgetOperations } from './operations.js';

describe("the widgets' operation names", () => {
  it('are, per widget, the names of the documents that widget sends: what getToken is told', () => {
    const sent: Record<string, string[]> = {};
    for (const { widget, name } of widgetOperations()) {
      if (!(sent[widget] ??= []).includes(name)) sent[widget].push(name);
    }
    expect(sent).toEqual(WIDGET_OPERATION_NAMES);
  });
});
