// Step names derived from commands: cut at a word, never inside a quote (issue 17).
import { describe, expect, it } from 'vitest'
import { shortName } from '../../src/run/step-runner.js'

describe('shortName', () => {
  it('keeps a short first line whole', () => {
    expect(shortName('npm test\nnpm run lint')).toBe('npm test')
  })

  it('cuts a long command at a word boundary with an ellipsis', () => {
    const name = shortName('npx prettier --check src/some/very/long/path/file.ts src/another/one.ts', 40)
    expect(name).toBe('npx prettier --check…')
    expect([...name].length).toBeLessThanOrEqual(40)
  })

  it('ends before a quote the cut would open, rather than in the middle of it', () => {
    expect(shortName('echo "a quoted message that goes on for quite a while" > out.txt', 30)).toBe('echo…')
  })
})
