import { csvHeader, hasLineAfterHeader } from './csv-header';
import { csvRows } from './csv-rows';
import type { FormatReader } from './format';
import { CsvFields, normalizeKey } from './generic-fields';
import { genericMapper, lackingColumns } from './generic-records';

/** Generic RFC 4180 CSV with a header naming the documented columns of the kind (README.md). */
export const csv: FormatReader = {
  name: 'csv',
  kinds: ['customers', 'orders', 'interactions', 'relationships'],
  misfit(head, kind) {
    const header = csvHeader(head);
    if (header === null) return 'it has no header line';
    return lackingColumns(new Set(header.map(normalizeKey)), kind);
  },
  hasRows: hasLineAfterHeader,
  read: (lines, kind, options) =>
    csvRows(lines, (header) => {
      const fields = new CsvFields(header);
      const map = genericMapper(kind, options);
      return (row) => {
        fields.fields = row;
        return map(fields);
      };
    }),
};
