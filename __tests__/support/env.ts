// Temporarily sets process.env for code that reads its configuration from the
// environment at call time (the Actions toolkit does).

/**
 * Sets `vars` (an `undefined` value unsets) and returns a function that puts
 * every touched variable back as it was.
 */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.keys(vars).map((k) => [k, process.env[k]] as const)
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

/** Runs `fn` with `vars` set, then restores the environment (also on failure). */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T> | T): Promise<T> {
  const restore = setEnv(vars)
  try {
    return await fn()
  } finally {
    restore()
  }
}
