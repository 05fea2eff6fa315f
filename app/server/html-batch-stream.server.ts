// React writes a page in 2 KB pieces and calls `flush()` on its destination
// when a batch is complete. Passed on one by one, each piece went through the
// web stream that React Router hands to Express, a gzip call and a socket
// write of its own: some 35 per register page, an eighth of the server's time
// under load (issue 19). This stream holds the pieces and passes each batch on
// as one buffer, so streamed parts (Suspense) still leave as soon as React
// has them.
import { Transform, type TransformCallback } from "node:stream";

/** A batch is passed on once it reaches this size even before React's flush, so memory stays bounded. */
const MAX_BATCH_BYTES = 64 * 1024;

export class HtmlBatchStream extends Transform {
  private pieces: Buffer[] = [];
  private size = 0;

  override _transform(piece: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= MAX_BATCH_BYTES) this.flush();
    done();
  }

  /** React calls this after each batch of writes (renderToPipeableStream's flushBuffered). */
  flush() {
    if (this.size === 0) return;
    const batch = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces, this.size);
    this.pieces = [];
    this.size = 0;
    this.push(batch);
  }

  override _flush(done: TransformCallback) {
    this.flush();
    done();
  }
}
