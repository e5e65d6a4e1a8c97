/**
 * Warnings for plan globs that look like folders but match only a file of that
 * name (`docs`, `src/humanize/`): real users wrote these and every change
 * under the folder was then denied by the paths gate.
 */
import picomatch from 'picomatch'
import type { PlanPath, RawProblem } from './path.js'
import type { Plan } from './schema.js'

/** Extension-less names that are usually files, not folders. */
const FILE_NAMES = new Set(
  ['makefile', 'dockerfile', 'license', 'licence', 'readme', 'gemfile', 'rakefile', 'procfile', 'jenkinsfile', 'vagrantfile',
    'codeowners', 'notice', 'authors', 'changelog', 'copying', 'brewfile', 'justfile', 'containerfile', 'pipfile', 'caddyfile']
)

/** Why `glob` looks like a folder written without `/**`, or undefined. */
export function folderGlobProblem(glob: string): string | undefined {
  if (picomatch.scan(glob).isGlob) return undefined
  if (glob.endsWith('/')) {
    return `"${glob}" ends with "/" and matches no file; write "${glob}**" for everything under the folder`
  }
  const last = glob.split('/').pop() ?? glob
  if (last.includes('.') || FILE_NAMES.has(last.toLowerCase())) return undefined
  return `"${glob}" matches only a file named "${last}", not what is inside a folder of that name; write "${glob}/**" if you mean the folder`
}

/** One warning per folder-like glob in `paths`, `allow-paths`, `deny-paths` and `allow-protected`. */
export function pathWarnings(plan: Plan): RawProblem[] {
  const lists: [PlanPath, string[] | undefined][] = [
    [['gates', 'allow-paths'], plan.gates['allow-paths']],
    [['gates', 'deny-paths'], plan.gates['deny-paths']],
    [['gates', 'allow-protected'], plan.gates['allow-protected']],
    ...plan.tasks.map((t, i): [PlanPath, string[] | undefined] => [['tasks', i, 'paths'], t.paths])
  ]
  return lists.flatMap(([at, globs]) =>
    (globs ?? []).flatMap((g, j) => {
      const message = folderGlobProblem(g)
      return message ? [{ path: [...at, j], message }] : []
    })
  )
}
