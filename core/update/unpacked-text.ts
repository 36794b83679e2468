import { isGzip } from './gunzip';

/** Why a file's text could not be read: it inflates past the limit, its compression or its UTF-8 is broken. */
export class UnpackError extends Error {
  constructor(
    readonly problem: 'too-large' | 'bad-compression' | 'not-utf8',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The text of a registry file (gzip-compressed or not), decoded chunk by chunk as it is decompressed, so
 * that neither the decompressed bytes nor the whole text are ever held. Throws UnpackError once more than
 * `maxBytes` have come out (a file that inflates without end costs no more than the limit).
 */
export async function* unpackedText(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): AsyncGenerator<string> {
  const file = new Blob([bytes]);
  const stream: ReadableStream<Uint8Array> = isGzip(bytes) ? file.stream().pipeThrough(new DecompressionStream('gzip')) : file.stream();
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new UnpackError('bad-compression', (error as Error).message);
      }
      if (chunk.done) break;
      total += chunk.value.length;
      if (total > maxBytes) throw new UnpackError('too-large', `more than ${maxBytes} bytes`);
      yield decode(decoder, chunk.value);
    }
    yield decode(decoder);
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch (error) {
    throw new UnpackError('not-utf8', (error as Error).message);
  }
}
