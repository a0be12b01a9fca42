export type { CopyFormat, CopyWriter, Queryable, Row, Store, Tx } from './store';
export { BinaryRows } from './copy-binary';
export { StoreError } from './store';
export { openStore, type OpenStoreOptions } from './open-store';
export { migrate } from './migrate';
export { copyLine, copyText, copyValue } from './copy-text';
export { describeLock, type ServedAdvice } from './data-lock';
export { redact } from './postgres-store';
