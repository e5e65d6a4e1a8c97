// The import's own error: input it cannot read, located as file:line.
import { AutopilotError, EXIT } from '../errors.js'

/** Input `autopilot import` cannot read; the message starts with `file:line:`. Exit 2. */
export class ImportError extends AutopilotError {
  override name = 'ImportError'
  constructor(
    readonly file: string,
    readonly line: number,
    message: string
  ) {
    super(`${file}:${line}: ${message}`, EXIT.usage)
  }
}

/** Line (1-based) of character offset `pos` in `text`. */
export function lineAt(text: string, pos: number): number {
  let line = 1
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** JSON.parse with a located ImportError naming the line of the syntax error. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    const msg = (e as Error).message
    const pos = /position (\d+)/.exec(msg)
    const lineCol = /line (\d+)/.exec(msg)
    const line = lineCol ? Number(lineCol[1]) : pos ? lineAt(text, Number(pos[1])) : 1
    throw new ImportError(file, line, `not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}; fix the syntax (comments and unquoted values are not JSON)`)
  }
}
