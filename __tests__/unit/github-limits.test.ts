// truncateMarkdown: what every report goes through before GitHub's size caps.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { truncateMarkdown, LIMITS } from '../../src/github/limits.js'

const NOTE = '_(truncated)_'

describe('truncateMarkdown', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateMarkdown('short', 5, NOTE)).toBe('short')
  })

  it('cuts at a line end and appends the note', () => {
    const text = 'abcdefghij\n'.repeat(20)
    const out = truncateMarkdown(text, 100, NOTE)
    expect(out).toBe(`${Array(7).fill('abcdefghij').join('\n')}\n\n${NOTE}`)
  })

  it('closes a code fence left open by the cut, with the same fence', () => {
    const text = `intro\n~~~~sh\n${'echo hi\n'.repeat(100)}~~~~\nafter\n`
    const out = truncateMarkdown(text, 200, NOTE)
    expect(out.length).toBeLessThanOrEqual(200)
    expect(out.endsWith(`\n~~~~\n\n${NOTE}`)).toBe(true)
  })

  it('does not reopen a fence that was closed before the cut', () => {
    const text = `\`\`\`\ncode\n\`\`\`\n${'text\n'.repeat(100)}`
    const out = truncateMarkdown(text, 100, NOTE)
    expect(out.endsWith(`text\n\n${NOTE}`)).toBe(true)
  })

  it('counts UTF-8 bytes for the job summary and never splits a character', () => {
    const text = '€'.repeat(1000) // 3 bytes each
    const out = truncateMarkdown(text, 100, NOTE, 'bytes')
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100)
    expect(out).toMatch(/^€+\n\n_\(truncated\)_$/)
    const emoji = truncateMarkdown('😀'.repeat(100), 51, NOTE)
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })

  it('returns only a cut note when the cap is smaller than the note', () => {
    expect(truncateMarkdown('x'.repeat(50), 5, NOTE)).toBe('_(tru')
  })

  it('never exceeds the cap (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 0, max: 300 }), fc.constantFrom<'chars' | 'bytes'>('chars', 'bytes'), (text, max, unit) => {
        const out = truncateMarkdown(text, max, NOTE, unit)
        const size = unit === 'chars' ? out.length : Buffer.byteLength(out)
        const inSize = unit === 'chars' ? text.length : Buffer.byteLength(text)
        if (inSize <= max) return out === text
        return size <= max
      })
    )
  })

  it('has GitHub\'s caps', () => {
    expect(LIMITS).toEqual({ jobSummaryBytes: 1_048_576, commentChars: 65_536, pullRequestBodyChars: 65_536 })
  })
})
