/**
 * Captured output of a step: split into lines, cleaned of terminal control
 * sequences, masked, and capped to a head and a tail with a note saying how
 * much of the middle was cut. The cap comes before the mask (issue #10,
 * point 8): only the head is masked as it arrives; the tail is kept raw and
 * masked once at the end, so hostile output (100 MB of short lines) costs at
 * most the cap in masking, whatever its size.
 */
import stripAnsi from 'strip-ansi'
import { safeCut, type Masker } from '../report/mask.js'

/**
 * Terminal control left after ANSI sequences are gone: C0 controls but tab and
 * newline, DEL, and C1 controls. A step's output must not move the cursor,
 * rewrite earlier lines of a log being read, or hide a secret between escapes.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** `text` without terminal control sequences (ANSI escapes, then any other control but tab and newline). */
export function stripControl(text: string): string {
  return stripAnsi(text).replace(CONTROL, '')
}

export class OutputBuffer {
  private pending = ''
  private head: string[] = []
  private headBytes = 0
  private headOpen = true
  /** Raw pieces after the head: the last ones are kept (bounded), masked together in `finish`. */
  private tail: string[] = []
  private tailLength = 0
  private cutBytes = 0
  private readonly decoder = new TextDecoder('utf-8')

  constructor(
    private readonly maxBytes: number,
    private readonly mask: (line: string) => string,
    private readonly onLine?: (line: string) => void
  ) {}

  private get half(): number {
    return Math.floor(this.maxBytes / 2)
  }

  /** Extra raw characters kept before the tail so a secret cut by the cap is still whole when masked. */
  private get margin(): number {
    return Math.max((this.mask as Partial<Masker>).longest ?? 0, 64)
  }

  write(chunk: Buffer): void {
    this.pending += this.decoder.decode(chunk, { stream: true })
    if (!this.headOpen) {
      this.appendTail(this.pending)
      this.pending = ''
      return
    }
    let nl: number
    while (this.headOpen && (nl = this.pending.indexOf('\n')) >= 0) {
      this.pushHead(this.pending.slice(0, nl + 1))
      this.pending = this.pending.slice(nl + 1)
    }
    // A line with no end in sight is flushed in pieces so memory stays bounded,
    // cut where no secret can straddle the cut (else both halves escape the mask).
    if (this.headOpen && this.pending.length > 64 * 1024) {
      const cut = this.flushPoint(this.pending)
      this.pushHead(this.pending.slice(0, cut))
      this.pending = this.pending.slice(cut)
    }
    if (!this.headOpen) {
      this.appendTail(this.pending)
      this.pending = ''
    }
  }

  /** The kept text: head, a cut note if anything was dropped, tail. */
  finish(): string {
    this.pending += this.decoder.decode()
    if (this.pending) {
      if (this.headOpen) this.pushHead(this.pending)
      else this.appendTail(this.pending)
    }
    this.pending = ''
    // Masked whole (margin included), then cut to the cap: a secret straddling the cut is masked first.
    let tail = this.mask(stripControl(this.tail.join('')))
    if (Buffer.byteLength(tail) > this.half) {
      const kept = keepLastLines(tail, this.half)
      this.cutBytes += Buffer.byteLength(tail) - Buffer.byteLength(kept)
      tail = kept
    }
    this.tail = []
    this.tailLength = 0
    const note = this.cutBytes > 0 ? `\n[... ${this.cutBytes} bytes of output cut ...]\n` : ''
    return this.head.join('') + note + tail
  }

  private pushHead(raw: string): void {
    const line = this.mask(stripControl(raw))
    const bytes = Buffer.byteLength(line)
    if (this.headBytes + bytes > this.half) {
      // The head is full: from here on, output is only kept raw at the end, and not shown live.
      this.headOpen = false
      this.onLine?.(`[output beyond ${this.half} bytes is not shown live; its end is kept in the step's log]`)
      this.appendTail(raw)
      return
    }
    this.onLine?.(line.replace(/\n$/, ''))
    this.head.push(line)
    this.headBytes += bytes
  }

  /** Appends raw text to the tail, dropping whole pieces from its start once the rest still covers the cap plus a margin. */
  private appendTail(raw: string): void {
    if (!raw) return
    const limit = this.half + this.margin
    if (raw.length > limit) {
      // Only the end of one huge piece can be kept; never cut a surrogate pair (keep it whole).
      let start = raw.length - limit
      if (/[\uDC00-\uDFFF]/.test(raw[start])) start--
      this.cutBytes += Buffer.byteLength(raw.slice(0, start))
      raw = raw.slice(start)
    }
    this.tail.push(raw)
    this.tailLength += raw.length
    while (this.tail.length > 1 && this.tailLength - this.tail[0].length >= limit) {
      const dropped = this.tail.shift()!
      this.tailLength -= dropped.length
      this.cutBytes += Buffer.byteLength(dropped)
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

/** The end of `text` within `max` UTF-8 bytes: from a line start when one is in reach, else from a character boundary. */
function keepLastLines(text: string, max: number): string {
  const bytes = Buffer.from(text)
  if (bytes.length <= max) return text
  let start = bytes.length - max
  while (start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++
  const rest = bytes.subarray(start)
  const nl = rest.indexOf(0x0a)
  // Whole lines when the kept part holds a line break (and is not the last character), else one huge line's end.
  return nl >= 0 && nl < rest.length - 1 ? rest.subarray(nl + 1).toString('utf8') : rest.toString('utf8')
}
