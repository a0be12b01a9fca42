/**
 * Thrown by value parsers inside a row mapper and caught by the row driver, which turns it into the row's
 * `RowError`. Mappers stay straight-line code; nothing escapes a reader.
 */
export class FieldError extends Error {
  override readonly name = 'FieldError';

  constructor(
    /** 1-based field position. */
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}
