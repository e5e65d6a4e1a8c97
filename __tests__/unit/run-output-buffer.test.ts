// OutputBuffer: captured step output split into lines, masked, and capped to a head and a tail.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OutputBuffer, stripControl } from '../../src/run/output-buffer.js'
import { createMasker } from '../../src/report/mask.js'

const identity = (s: string) => s

/** Feeds `chunks` to a fresh buffer; returns its text and the lines it reported. */
function capture(chunks: (Buffer | string)[], maxBytes = 1024 * 1024, mask: (s: string) => string = identity) {
  const lines: string[] = []
  const buffer = new OutputBuffer(maxBytes, mask, (l) => lines.push(l))
  for (const c of chunks) buffer.write(typeof c === 'string' ? Buffer.from(c) : c)
  return { text: buffer.finish(), lines }
}

/** Splits `buf` at the given byte offsets. */
function splitAt(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b)
  const out: Buffer[] = []
  let from = 0
  for (const p of points) {
    out.push(buf.subarray(from, p))
    from = p
  }
  out.push(buf.subarray(from))
  return out
}

describe('OutputBuffer', () => {
  it('keeps small output whole and reports each line without its newline', () => {
    expect(capture(['one\ntw', 'o\n', 'three'])).toEqual({ text: 'one\ntwo\nthree', lines: ['one', 'two', 'three'] })
  })

  it('keeps a head and a tail and says how many bytes of the middle were cut', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line-${String(i).padStart(2, '0')}\n`) // 8 bytes each
    const { text } = capture([lines.join('')], 100)
    // 50 bytes for the head (6 whole lines), 50 for the tail (6 whole lines), 8 lines cut.
    expect(text).toBe(`${lines.slice(0, 6).join('')}\n[... 64 bytes of output cut ...]\n${lines.slice(14).join('')}`)
  })

  it('keeps the end of one huge line', () => {
    const { text } = capture(['x'.repeat(450) + 'THE-END'], 100)
    expect(text).toBe(`\n[... 407 bytes of output cut ...]\n${'x'.repeat(43)}THE-END`)
  })

  it('decodes multibyte characters split across chunks, at every split point', () => {
    const whole = Buffer.from('héllo wörld 😀 ✓\nñ€\n')
    for (let i = 0; i <= whole.length; i++) {
      for (let j = i; j <= whole.length; j++) {
        expect(capture([whole.subarray(0, i), whole.subarray(i, j), whole.subarray(j)]).text).toBe(whole.toString())
      }
    }
  })

  it('masks a secret split across chunks, and reports only the masked line', () => {
    const mask = createMasker(['SECRETVALUE'])
    const r = capture(['the value is SEC', 'RETVAL', 'UE, really\nnext\n'], 1024, mask)
    expect(r.text).toBe('the value is ***, really\nnext\n')
    expect(r.lines).toEqual(['the value is ***, really', 'next'])
  })

  it('masks a secret that straddles the point where an endless line is flushed (64 KiB)', () => {
    const mask = createMasker(['SECRETVALUE'])
    const filler = 'x'.repeat(64 * 1024 - 3)
    // The first chunk ends in the middle of the secret and has no newline: the buffer must flush part of it.
    const r = capture([`${filler}SECR`, 'ETVALUE and more\n'], 1024 * 1024, mask)
    // (Booleans, so a failure does not print 64 KiB.)
    expect(r.text === `${filler}*** and more\n`).toBe(true)
    expect(r.lines.length).toBeGreaterThan(1)
    expect(r.lines.join('') === `${filler}*** and more`).toBe(true)
  })

  it('keeps the end of a huge multibyte line within the cap, starting on a whole character', () => {
    const { text } = capture(['é'.repeat(100) + '😀'], 21)
    expect(text).toBe(`\n[... 194 bytes of output cut ...]\n${'é'.repeat(3)}😀`)
  })

  it('property: under the cap, any chunking gives back the exact text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.nat(1200), { maxLength: 6 }), (s, cuts) => {
        const buf = Buffer.from(s)
        expect(capture(splitAt(buf, cuts)).text).toBe(stripControl(buf.toString()))
      })
    )
  })

  it('property: the kept text never exceeds the cap, and is only cut with a note', () => {
    const note = /\n\[\.\.\. (\d+) bytes of output cut \.\.\.\]\n/
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 120 }), { maxLength: 12 }),
        fc.integer({ min: 16, max: 200 }),
        (parts, maxBytes) => {
          const raw = parts.join('')
          const input = stripControl(raw)
          const { text } = capture(parts, maxBytes)
          const m = note.exec(text)
          const kept = m ? text.replace(note, '') : text
          expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(maxBytes)
          if (!m) expect(text).toBe(input)
          else {
            // The cut is counted as written (control characters it held included), or after stripping.
            const accounted = Buffer.byteLength(kept) + Number(m[1])
            expect(accounted).toBeGreaterThanOrEqual(Buffer.byteLength(input))
            expect(accounted).toBeLessThanOrEqual(Buffer.byteLength(raw))
          }
        }
      )
    )
  })

  it('strips terminal control sequences, so a secret hidden between escapes is still masked', () => {
    const mask = createMasker(['hunter2-secret'])
    const { text, lines } = capture(['\u001b[2J\u001b]0;title\u0007red \u001b[31mhunter2-\u001b[0msecret\r\b done\n'], 1024, mask)
    expect(text).toBe('red *** done\n')
    expect(lines).toEqual(['red *** done'])
  })

  it('caps before it masks: 100 MB of short lines ends in seconds, the kept tail masked', () => {
    const mask = createMasker(['hunter2-secret', 'another-value-1', 'third-value-22'])
    const line = Buffer.from('hunter2-secret x\n')
    const chunk = Buffer.concat(Array.from({ length: 4096 }, () => line)) // 68 KiB
    const lines: string[] = []
    const buffer = new OutputBuffer(64 * 1024, mask, (l) => lines.push(l))
    const started = Date.now()
    for (let sent = 0; sent < 100 * 1024 * 1024; sent += chunk.length) buffer.write(chunk)
    const text = buffer.finish()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(text).not.toContain('hunter2')
    expect(Buffer.byteLength(text)).toBeLessThan(64 * 1024 + 100)
    expect(text).toMatch(/\[\.\.\. \d+ bytes of output cut \.\.\.\]/)
    // Live lines stop once the head is full, with one note.
    expect(lines.length).toBeLessThan(6000)
    expect(lines.at(-1)).toContain('not shown live')
  })

  it('masks a secret that straddles the start of the kept tail', () => {
    const mask = createMasker(['0123456789abcdefSECRET'])
    for (let pad = 0; pad < 30; pad++) {
      const text = capture(['x'.repeat(200) + '\n', 'y'.repeat(pad) + '0123456789abcdefSECRET' + 'z'.repeat(40)], 100, mask).text
      expect(text, `pad ${pad}`).not.toMatch(/SECRET|abcdef/)
    }
  })
})
