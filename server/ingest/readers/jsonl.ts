import { jsonRows } from './json-rows';
import type { FormatReader } from './format';
import { firstContentIndex } from './head';
import { JsonFields } from './generic-fields';
import { genericMapper } from './generic-records';

/** JSON Lines: one object per line with the generic columns of the kind, camelCase or snake_case (README.md). */
export const jsonl: FormatReader = {
  name: 'jsonl',
  kinds: ['customers', 'orders', 'interactions', 'relationships'],
  misfit(head) {
    const i = firstContentIndex(head);
    return i !== -1 && head.lines[i]!.trimStart().startsWith('{') ? null : 'its first line is not a JSON object';
  },
  hasRows: (head) => firstContentIndex(head) !== -1,
  read: (lines, kind, options) => {
    const map = genericMapper(kind, options);
    return jsonRows(lines, (object) => map(new JsonFields(object)));
  },
};
