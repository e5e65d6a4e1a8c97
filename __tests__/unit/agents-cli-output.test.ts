// Finding a CLI's own JSON document in output that also carries log lines and other JSON.
import { describe, expect, it } from 'vitest'
import { findJsonDocument, lastJsonObject } from '../../src/agents/cli-output.js'

describe('findJsonDocument', () => {
  it('takes a pretty-printed document after log text that contains braces', () => {
    const text = 'Loaded {3} extensions\nwarning: x\n{\n  "a": {\n    "b": "}{"\n  }\n}\n'
    expect(findJsonDocument(text)).toEqual({ a: { b: '}{' } })
  })

  it('returns the last accepted document, skipping JSON that is not the CLI\'s own', () => {
    const text = '{"type":"result","n":1}\n{"error":{"code":429}}\nnoise\n'
    expect(findJsonDocument(text, (d) => d.type === 'result')).toEqual({ type: 'result', n: 1 })
    expect(lastJsonObject(text)).toEqual({ error: { code: 429 } })
  })

  it('ignores a brace in the middle of a line and an unterminated document', () => {
    expect(findJsonDocument('log: {"type":"result"}\n{"type":"result", "cut')).toBeUndefined()
  })

  it('reads JSON Lines one object at a time', () => {
    expect(findJsonDocument('{"a":1}\n{"a":2}\n')).toEqual({ a: 2 })
  })
})
