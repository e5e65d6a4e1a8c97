/** status-<ts>.log: one line per state change, appended as it happens. */
import { appendFileSync } from 'node:fs'
import type { Reporter } from './reporter.js'
import { statusLine } from './text.js'

export function statusLogReporter(file: string, now: () => Date = () => new Date()): Reporter {
  return {
    event(e) {
      // Synchronous on purpose: the line is on disk before the next state
      // change, so a kill -9 loses nothing that was reported.
      if (e.type === 'task') appendFileSync(file, statusLine(now(), e.id, e.status, e.record.reason) + '\n')
      else if (e.type === 'note') appendFileSync(file, `${now().toISOString()} note ${e.message}\n`)
    }
  }
}
