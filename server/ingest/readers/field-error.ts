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
    /** The field's name where the format names it (a reject report's `field` column). */
    readonly field?: string,
  ) {
    super(message);
  }
}
