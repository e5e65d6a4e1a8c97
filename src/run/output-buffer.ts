/**
 * Captured output of a step: split into lines (so a secret is never cut in two
 * before masking), masked, and capped to a head and a tail with a note saying
 * how much of the middle was cut.
 */
import { safeCut, type Masker } from '../report/mask.js'

export class OutputBuffer {
  private pending = ''
  private head: string[] = []
  private headBytes = 0
  private tail: string[] = []
  private tailBytes = 0
  private cutBytes = 0
  private readonly decoder = new TextDecoder('utf-8')

  constructor(
    private readonly maxBytes: number,
    private readonly mask: (line: string) => string,
    private readonly onLine?: (line: string) => void
  ) {}

  write(chunk: Buffer): void {
    this.pending += this.decoder.decode(chunk, { stream: true })
    let nl: number
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      this.push(this.pending.slice(0, nl + 1))
      this.pending = this.pending.slice(nl + 1)
    }
    // A line with no end in sight is flushed in pieces so memory stays bounded,
    // cut where no secret can straddle the cut (else both halves escape the mask).
    if (this.pending.length > 64 * 1024) {
      const cut = this.flushPoint(this.pending)
      this.push(this.pending.slice(0, cut))
      this.pending = this.pending.slice(cut)
    }
  }

  /** The kept text: head, a cut note if anything was dropped, tail. */
  finish(): string {
    this.pending += this.decoder.decode()
    if (this.pending) this.push(this.pending)
    this.pending = ''
    const note = this.cutBytes > 0 ? `\n[... ${this.cutBytes} bytes of output cut ...]\n` : ''
    return this.head.join('') + note + this.tail.join('')
  }

  private push(raw: string): void {
    const line = this.mask(raw)
    this.onLine?.(line.replace(/\n$/, ''))
    const bytes = Buffer.byteLength(line)
    const half = Math.floor(this.maxBytes / 2)
    if (this.headBytes + bytes <= half && this.cutBytes === 0 && this.tail.length === 0) {
      this.head.push(line)
      this.headBytes += bytes
      return
    }
    this.tail.push(line)
    this.tailBytes += bytes
    while (this.tailBytes > half && this.tail.length > 1) {
      const dropped = this.tail.shift()!
      const n = Buffer.byteLength(dropped)
      this.tailBytes -= n
      this.cutBytes += n
    }
    if (this.tailBytes > half) {
      // One huge line: keep its end, measured in bytes like the cap.
      const only = this.tail[0]
      const keep = lastBytes(only, half)
      this.cutBytes += Buffer.byteLength(only) - Buffer.byteLength(keep)
      this.tail[0] = keep
      this.tailBytes = Buffer.byteLength(keep)
    }
  }

  /** Where a long unfinished line can be cut: before the last `longest - 1` characters, moved back off any secret. */
  private flushPoint(text: string): number {
    const masker = this.mask as Partial<Masker>
    if (!masker.pattern || !masker.longest) return text.length
    let cut = safeCut(masker as Masker, text, text.length - (masker.longest - 1))
    // Never between the two halves of a surrogate pair.
    if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1])) cut--
    return cut
  }
}

/** The end of `text` that fits in `max` UTF-8 bytes, starting on a character boundary. */
function lastBytes(text: string, max: number): string {
  const bytes = Buffer.from(text)
  if (bytes.length <= max) return text
  let start = bytes.length - max
  while (start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++
  return bytes.subarray(start).toString('utf8')
}
