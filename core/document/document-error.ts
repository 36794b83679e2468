/** A licence document that cannot be turned into a record; names the file and the field at fault. */
export class DocumentError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${source}: ${field}: ${detail}`);
    this.name = 'DocumentError';
  }
}
