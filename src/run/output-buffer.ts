/**
 * Captured output of a step: split into lines (so a secret is never cut in two
 * before masking), masked, and capped to a head and a tail with a note saying
 * how much of the middle was cut.
 */
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
    // A line with no end in sight is flushed in pieces so memory stays bounded.
    if (this.pending.length > 64 * 1024) {
      this.push(this.pending)
      this.pending = ''
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
      // One huge line: keep its end.
      const only = this.tail[0]
      const keep = only.slice(-half)
      this.cutBytes += Buffer.byteLength(only) - Buffer.byteLength(keep)
      this.tail[0] = keep
      this.tailBytes = Buffer.byteLength(keep)
    }
  }
}
