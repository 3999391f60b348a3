/** A body that could not be decoded at all (before any row is validated). */
export class ParseError extends Error {
  constructor(
    message: string,
    /** 1-based row (data line) where decoding failed, when known. */
    readonly row?: number,
  ) {
    super(message);
    this.name = "ParseError";
  }
}
