/**
 * The per-day usage ledger as a set of entries, one per contributor (a job
 * of a run: run id, attempt, a leg id), each holding only that contributor's
 * own charges. Parallel legs each write their own entry and never overwrite
 * another's; the day's usage is the sum of every entry seen. Merging is a
 * union by contributor (the higher `seq` wins), so the same entry seen twice,
 * through an artifact and through the cache, counts once. Pure functions.
 */
import type { Usage } from './manifest.js'
import type { UsageLedger } from './store.js'
import { addUsage } from '../agents/budget.js'

/** One contributor's own charges on one UTC day. */
export interface LedgerEntry {
  /** Bumped on every save by the contributor: the newest copy of an entry wins. */
  seq: number
  perAgent: Record<string, Usage>
}

/** Every contributor's entry of one UTC day. */
export interface LedgerBook {
  day: string
  entries: Record<string, LedgerEntry>
}

/** Reads a stored book; a ledger written before books existed counts as one contributor. */
export function asBook(stored: unknown, day: string): LedgerBook {
  const s = stored as Partial<LedgerBook & UsageLedger> | undefined
  if (!s || s.day !== day) return { day, entries: {} }
  if (s.entries) return { day, entries: { ...s.entries } }
  return s.perAgent ? { day, entries: { earlier: { seq: 0, perAgent: s.perAgent } } } : { day, entries: {} }
}

/** a ∪ b by contributor, the higher seq winning; books of other days are ignored. */
export function mergeBooks(day: string, ...books: LedgerBook[]): LedgerBook {
  const entries: Record<string, LedgerEntry> = {}
  for (const b of books) {
    if (b.day !== day) continue
    for (const [who, e] of Object.entries(b.entries)) {
      if (!entries[who] || entries[who].seq < e.seq) entries[who] = e
    }
  }
  return { day, entries }
}

/** The day's usage: every entry summed. */
export function totalOf(book: LedgerBook): UsageLedger {
  const perAgent: Record<string, Usage> = {}
  for (const e of Object.values(book.entries)) {
    for (const [agent, u] of Object.entries(e.perAgent)) perAgent[agent] = perAgent[agent] ? addUsage(perAgent[agent], u) : { ...u }
  }
  return { day: book.day, perAgent }
}

/**
 * What a contributor charged itself: the engine hands the store the whole
 * ledger (what it loaded plus its own charges), so its own part is that minus
 * the base it was given for the same day (after midnight the base is empty).
 */
export function ownPart(ledger: UsageLedger, base: UsageLedger | undefined): Record<string, Usage> {
  const out: Record<string, Usage> = {}
  for (const [agent, u] of Object.entries(ledger.perAgent)) {
    const b = base && base.day === ledger.day ? base.perAgent[agent] : undefined
    const own: Usage = {
      calls: u.calls - (b?.calls ?? 0),
      inputTokens: u.inputTokens - (b?.inputTokens ?? 0),
      outputTokens: u.outputTokens - (b?.outputTokens ?? 0)
    }
    if (u.costUsd !== undefined) own.costUsd = Math.round((u.costUsd - (b?.costUsd ?? 0)) * 1e6) / 1e6
    if (own.calls > 0 || own.inputTokens > 0 || own.outputTokens > 0 || (own.costUsd ?? 0) > 0) out[agent] = own
  }
  return out
}
