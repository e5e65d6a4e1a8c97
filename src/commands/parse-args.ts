// Flag parsing for every command: node's util.parseArgs, strict, its errors turned into UsageErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from '../errors.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** Parsed flags; `help` is set for `--help`/`-h`, which every command accepts. */
export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>
  positionals: string[]
  help: boolean
}

/**
 * Parse `args` for `autopilot <command>`. Unknown flags, missing values and
 * extra positionals throw a UsageError naming the culprit and the valid flags.
 */
export function parseCommandArgs(command: string, args: string[], options: Options, maxPositionals: number): CommandArgs {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } }
  const valid = Object.keys(all)
    .map((name) => `--${name}`)
    .join(', ')
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args, options: all, strict: true, allowPositionals: true })
  } catch (e) {
    const err = e as Error & { code?: string }
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(err.message)?.[1] ?? err.message
      throw new UsageError(`unknown option ${flag} for "autopilot ${command}"; valid options: ${valid}`)
    }
    if (err.code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`autopilot ${command}: ${err.message}`)
    throw e
  }
  const help = parsed.values.help === true
  if (!help && parsed.positionals.length > maxPositionals) {
    throw new UsageError(`autopilot ${command}: unexpected argument "${parsed.positionals[maxPositionals]}"`)
  }
  return { values: parsed.values, positionals: parsed.positionals, help }
}

/** A flag holding a whole number of at least `min`, or undefined when absent; anything else is a UsageError. */
export function wholeNumber(flag: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  if (!(n >= min)) throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${String(value)}"`)
  return n
}
