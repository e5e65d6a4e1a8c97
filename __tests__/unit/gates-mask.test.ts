// src/report/mask.ts: values, their encodings and multi-line secrets masked, also across stream chunks.
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createMasker, maskStream, MASK, safeCut, secretForms } from '../../src/report/mask.js'

const secret = 's3cr' + 'et-Value_42!'

describe('createMasker', () => {
  const mask = createMasker([secret, '', 'abc'])

  it.each([
    ['the raw value', `token=${secret} end`],
    ['base64', `Authorization: Basic ${Buffer.from(secret).toString('base64')}`],
    ['base64 inside a longer value (shift 1)', Buffer.from('u' + secret).toString('base64')],
    ['base64 inside a longer value (shift 2)', Buffer.from('us' + secret).toString('base64')],
    ['basic auth user:secret', Buffer.from(`user:${secret}`).toString('base64')],
    ['base64url', Buffer.from('xy' + secret + '??>').toString('base64url')],
    ['URL encoding', `https://h/?t=${encodeURIComponent(secret)}`],
    ['JSON escaping', JSON.stringify({ v: 'q"' + secret })]
  ])('masks %s', (_name, line) => {
    const masked = mask(line)
    expect(masked).toContain(MASK)
    expect(masked).not.toContain(secret)
    for (const b of [0, 1, 2]) {
      const core = Buffer.from('x'.repeat(b) + secret).toString('base64').slice(4, 16)
      expect(masked).not.toContain(core)
    }
  })

  it('ignores values shorter than 4 characters and empty ones', () => {
    expect(mask('abc and a short line')).toBe('abc and a short line')
    expect(createMasker([])('anything')).toBe('anything')
    expect(createMasker(['']).longest).toBe(0)
  })

  it('masks each line of a multi-line secret on its own', () => {
    const pem = '-----BEGIN KEY-----\nMIIBVwIBADANBgkqhkiG\n-----END KEY-----'
    const m = createMasker([pem])
    expect(m('line: MIIBVwIBADANBgkqhkiG')).toBe(`line: ${MASK}`)
    expect(m(pem)).toBe(MASK)
  })

  it('masks every occurrence, longest form first', () => {
    const m = createMasker(['abcd', 'abcdefgh'])
    expect(m('abcdefgh abcd abcdabcd')).toBe(`${MASK} ${MASK} ${MASK}${MASK}`)
  })

  it('treats regex metacharacters in values literally', () => {
    expect(createMasker(['a.*b(']) ('xa.*b(y aXXb(')).toBe(`x${MASK}y aXXb(`)
  })

  it('never leaves a value in any text that contains it (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 30, unit: 'grapheme' }), fc.string(), fc.string(), (value, before, after) => {
        expect(createMasker([value])(before + value + after)).not.toContain(value)
      })
    )
  })

  it('lists the forms it masks', () => {
    const forms = secretForms(secret)
    expect(forms).toContain(secret)
    // 16 bytes: the last base64 character also depends on what follows, so it is left out.
    expect(forms).toContain(Buffer.from(secret).toString('base64').slice(0, 21))
    expect(forms).toContain(Buffer.from('x' + secret).toString('base64').slice(2, 22))
    expect(forms.every((f, i) => i === 0 || forms[i - 1].length >= f.length)).toBe(true)
  })
})

describe('maskStream', () => {
  const mask = createMasker([secret])
  const through = (chunks: (string | Buffer)[], maxLine?: number) => text(Readable.from(chunks).pipe(maskStream(mask, maxLine)))

  it('masks a secret split across chunks, and a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from(`é ${secret} ü\nnext ${secret}`)
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1))
    expect(await through(chunks)).toBe(`é ${MASK} ü\nnext ${MASK}`)
  })

  it('passes long lines on in pieces without splitting a secret', async () => {
    const line = 'x'.repeat(50) + secret + 'y'.repeat(50)
    const pieces = Array.from({ length: line.length / 7 + 1 }, (_, i) => line.slice(i * 7, i * 7 + 7))
    expect(await through([...pieces, '\n'], 20)).toBe(mask(line) + '\n')
  })

  it('moves a cut back to the start of a secret that spans it', () => {
    const t = `ab${secret}cd`
    expect(safeCut(mask, t, 5)).toBe(2)
    expect(safeCut(mask, t, 1)).toBe(1)
    expect(safeCut(createMasker([]), t, 5)).toBe(t.length)
  })
})
