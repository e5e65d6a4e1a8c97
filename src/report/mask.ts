/**
 * Masking of secret values in step output and logs: the raw value, each line
 * of a multi-line value, and the encodings a tool is likely to print (base64
 * at every byte alignment, base64url, URL and JSON escaping), which
 * `@actions/core`'s setSecret alone does not cover for our own log files.
 */
import { StringDecoder } from 'node:string_decoder'
import { Transform } from 'node:stream'

/** Replacement for every masked value. */
export const MASK = '***'
/** Values shorter than this are not masked: masking `a` or `no` would destroy logs and hide nothing secret. */
export const MIN_SECRET_LENGTH = 4
/** Encoded forms shorter than this are skipped: short base64 fragments collide with ordinary text. */
export const MIN_ENCODED_LENGTH = 8

/** Base64 of the value as it appears inside a longer base64 string at byte offset 0, 1 and 2. */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const forms: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    // Drop characters that depend on the prefix or on what follows the value.
    const start = shift === 0 ? 0 : Math.ceil((shift * 4) / 3)
    const end = Math.floor(((shift + bytes.length) * 4) / 3)
    const full = shift === 0 && bytes.length % 3 === 0
    forms.push(full ? encoded.replace(/=+$/, '') : encoded.slice(start, end))
  }
  return forms.flatMap((b) => [b, b.replace(/\+/g, '-').replace(/\//g, '_')])
}

/** How a form of a secret is written. */
export type SecretEncoding = 'plain' | 'JSON-escaped' | 'URL-encoded' | 'base64' | 'hex'

/** Every form of one value worth masking or looking for, with its encoding. */
export function secretFormsByEncoding(value: string): { encoding: SecretEncoding; form: string }[] {
  const lines = value.split(/\r?\n/).filter((l) => l.length >= MIN_SECRET_LENGTH)
  const raw = [...new Set([value, ...lines])].filter((v) => v.length >= MIN_SECRET_LENGTH)
  const out: { encoding: SecretEncoding; form: string }[] = []
  for (const v of raw) {
    out.push({ encoding: 'plain', form: v })
    out.push({ encoding: 'JSON-escaped', form: JSON.stringify(v).slice(1, -1) })
    out.push({ encoding: 'URL-encoded', form: encodeURIComponent(v) })
    for (const b of base64Forms(v)) if (b.length >= MIN_ENCODED_LENGTH) out.push({ encoding: 'base64', form: b })
    // Hex, as `xxd -p`, `od` pipelines and hash tools print bytes, in both cases.
    const hex = Buffer.from(v, 'utf8').toString('hex')
    out.push({ encoding: 'hex', form: hex }, { encoding: 'hex', form: hex.toUpperCase() })
  }
  return out
}

/** Every form of one value worth masking, longest first. */
export function secretForms(value: string): string[] {
  return [...new Set(secretFormsByEncoding(value).map((f) => f.form))].sort((a, b) => b.length - a.length)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A masker: the text with every secret form replaced by `***`. */
export type Masker = ((text: string) => string) & {
  /** Length of the longest form masked (0: nothing to mask). */
  readonly longest: number
  /** The pattern used, for callers that need match positions. */
  readonly pattern: RegExp | undefined
}

/**
 * Build a masker for these secret values (empty and short values ignored, see
 * `MIN_SECRET_LENGTH`). Pure: the same text always masks the same way.
 */
export function createMasker(secrets: readonly string[]): Masker {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)
  const pattern = forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined
  const mask = (text: string): string => (pattern ? text.replace(pattern, MASK) : text)
  return Object.assign(mask, { longest: forms[0]?.length ?? 0, pattern })
}

/**
 * A Transform that masks a byte stream line by line: complete lines are
 * masked and passed on at once; a line longer than `maxLine` characters is
 * passed on in pieces, cut where no secret can straddle the cut.
 */
export function maskStream(masker: Masker, maxLine = 64 * 1024): Transform {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  const drain = (final: boolean): string => {
    let out = ''
    const nl = pending.lastIndexOf('\n')
    if (nl >= 0) {
      out += masker(pending.slice(0, nl + 1))
      pending = pending.slice(nl + 1)
    }
    if (final) {
      out += masker(pending)
      pending = ''
    } else if (pending.length > maxLine && pending.length > masker.longest) {
      // Keep the last `longest - 1` characters back: a secret may continue in the next chunk.
      const cut = safeCut(masker, pending, pending.length - Math.max(masker.longest - 1, 0))
      out += masker(pending.slice(0, cut))
      pending = pending.slice(cut)
    }
    return out
  }
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk)
      done(null, drain(false))
    },
    flush(done) {
      pending += decoder.end()
      done(null, drain(true))
    }
  })
}

/** Move `cut` back to the start of any match that spans it, so no secret is split across two pieces. */
export function safeCut(masker: Masker, text: string, cut: number): number {
  if (!masker.pattern) return text.length
  const re = new RegExp(masker.pattern.source, 'g')
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index < cut && m.index + m[0].length > cut) return m.index
    if (m.index >= cut) break
  }
  return cut
}
