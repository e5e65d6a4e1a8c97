/**
 * Prompt assembly for agent steps: the plan's intent, the task, the step's
 * instructions, the rules the gates will enforce, and on a retry the tail of
 * the previous failure. Deterministic (same inputs, same bytes) and bounded:
 * the step prompt and the failure tail are cut to fit, the rules never are.
 */
import type { Plan, Step, Task } from '../plan/schema.js'

/** Default bound on the assembled prompt, in UTF-8 bytes. */
export const DEFAULT_PROMPT_MAX_BYTES = 64 * 1024

export interface PromptInput {
  plan: Plan
  task: Task
  step: Step
  /** The step's instructions: `prompt`, or the content of `prompt-file`. */
  stepPrompt: string
  /** The end of the previous attempt's output, on a retry or an escalation. */
  failureTail?: string
  maxBytes?: number
}

const enc = new TextEncoder()
const bytes = (s: string): number => enc.encode(s).length

/** The first `max` bytes of `s`, not splitting a character. */
function headBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s
  const b = enc.encode(s).subarray(0, Math.max(0, max))
  return new TextDecoder().decode(b).replace(/\uFFFD$/, '')
}

/** The last `max` bytes of `s`, not splitting a character. */
function tailBytes(s: string, max: number): string {
  const all = enc.encode(s)
  if (all.length <= max) return s
  return new TextDecoder().decode(all.subarray(all.length - Math.max(0, max))).replace(/^\uFFFD/, '')
}

function cutHead(s: string, max: number): string {
  if (bytes(s) <= max) return s
  const note = `\n[... ${bytes(s) - max} more bytes cut by autopilot ...]`
  return headBytes(s, Math.max(0, max - bytes(note))) + note
}

function cutTail(s: string, max: number): string {
  if (bytes(s) <= max) return s
  const note = `[... ${bytes(s) - max} earlier bytes cut by autopilot ...]\n`
  return note + tailBytes(s, Math.max(0, max - bytes(note)))
}

function list(items: string[]): string {
  return items.map((i) => `  - \`${i}\``).join('\n')
}

/** The rules section: what the gates will check, stated up front. Never truncated. */
function rules(plan: Plan, task: Task, step: Step): string {
  const allowed = [...new Set([...(task.paths ?? []), ...plan.gates['allow-paths']])]
  const lines = [
    '## Rules (autopilot enforces these on your changes)',
    '- Work only inside the current directory, a git worktree made for this task.',
    '- Do not commit, push, create branches or tags, or rewrite history: autopilot commits your changes.',
    allowed.length
      ? `- Change only files matching these globs; any other change fails the task:\n${list(allowed)}`
      : '- No paths are allowed for this task: any file change fails it.'
  ]
  if (plan.gates['deny-paths'].length) lines.push(`- Never change files matching:\n${list(plan.gates['deny-paths'])}`)
  lines.push(
    '- Do not edit workflows (`.github/`), plans (`.ai/plans/`), `.env` files, keys, dependency manifests or lock files unless the task says so.',
    plan.gates['allow-deletes'] ? '- You may delete files.' : '- Do not delete files.',
    `- Keep the change small: at most ${plan.gates['max-changed-files']} files and ${plan.gates['max-changed-lines']} changed lines.`,
    '- Never write secrets, tokens or credentials into files or output.'
  )
  const expect = step.expect
  if (expect?.changes === true) lines.push('- This step must change files: finishing without a change is a failure.')
  if (expect?.changes === false) lines.push('- This step must not change any file.')
  const checks = task.checks.map((c) => (typeof c === 'string' ? c : c.run))
  if (checks.length) lines.push(`- After you finish, these commands must pass without changing files:\n${list(checks)}`)
  return lines.join('\n')
}

/**
 * Assemble the prompt for an agent step. Sections, in order: header, intent,
 * instructions, rules, previous failure. When over `maxBytes`, the failure
 * tail is cut first (keeping its end), then the instructions (keeping their
 * start); if the fixed sections alone exceed the bound, they are returned whole.
 */
export function assemblePrompt(input: PromptInput): string {
  const { plan, task, step } = input
  const max = input.maxBytes ?? DEFAULT_PROMPT_MAX_BYTES
  const title = task.name ? `${task.name} (task \`${task.id}\`)` : `task \`${task.id}\``
  const header = `# ${title}\n\nPart of "${plan.title}" (issue #${plan.issue}), run unattended by autopilot.`
  const intent = plan.intent.trim() ? `## Intent of the whole plan\n\n${plan.intent.trim()}` : ''
  const rulesText = rules(plan, task, step)
  const instrHead = '## Your instructions\n\n'
  const failHead = '## The previous attempt failed\n\nEnd of its output:\n\n```text\n'
  const failFoot = '\n```\n\nFind the cause and fix it; do not repeat the same approach blindly.'
  const join = (instr: string, fail?: string): string =>
    [header, intent, instrHead + instr.trim(), rulesText, fail === undefined ? '' : failHead + fail + failFoot]
      .filter((s) => s !== '')
      .join('\n\n') + '\n'

  const stepPrompt = input.stepPrompt
  const tail = input.failureTail?.trim() ? input.failureTail.trimEnd() : undefined
  const full = join(stepPrompt, tail)
  if (bytes(full) <= max) return full

  // Room for the variable parts once the fixed ones are in.
  const fixed = bytes(join('', tail === undefined ? undefined : ''))
  let room = Math.max(0, max - fixed)
  const instr = stepPrompt.trim()
  // The failure tail gets at most a quarter of the room, or what the instructions leave.
  let tailText: string | undefined
  if (tail !== undefined) {
    const tailRoom = Math.max(Math.floor(room / 4), room - bytes(instr))
    tailText = cutTail(tail, Math.min(tailRoom, bytes(tail)))
    room -= bytes(tailText)
  }
  return join(cutHead(instr, room), tailText)
}
