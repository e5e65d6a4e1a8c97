// Extracts the few GitHub REST operations autopilot uses from GitHub's official
// OpenAPI description into __tests__/support/github-api.json, which the fake
// GitHub (__tests__/support/fake-github.ts) serves and validates requests against.
//
// Why a script: @octokit/openapi is ~385 MB (api.github.com.json alone is 13 MB),
// too big to depend on; the extract is small and committed.
//
// Re-run (e.g. to pick up API changes or to add an operation to OPERATIONS):
//   npm i --prefix /tmp/oa @octokit/openapi
//   node scripts/extract-github-api.mjs [/tmp/oa/node_modules/@octokit/openapi/generated/api.github.com.json]
//
// What it does: keeps only the listed operations and every component they
// reference (transitively), drops documentation-only keys (descriptions,
// examples, x-github...) to keep the file small, and drops `nullable` where the
// schema has no `type` (ajv rejects `"nullable" cannot be used without "type"`).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The operations autopilot calls (GitHub operationIds). */
const OPERATIONS = [
  'pulls/list',
  'pulls/create',
  'pulls/update',
  'pulls/get',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/add-labels',
  'issues/get',
  'repos/get',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'repos/get-collaborator-permission-level'
]

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
// Keys that only document; never needed to route or validate.
const DOC_KEYS = new Set(['description', 'externalDocs', 'x-github', 'x-octokit', 'tags', 'example', 'examples', 'x-githubEnterpriseOverlays'])

const source =
  process.argv[2] ?? '/tmp/oa/node_modules/@octokit/openapi/generated/api.github.com.json'
const root = dirname(dirname(fileURLToPath(import.meta.url)))
const target = join(root, '__tests__/support/github-api.json')

const spec = JSON.parse(readFileSync(source, 'utf8'))

/**
 * Deep-copies `node` without documentation keys; collects `$ref`s into `refs`.
 * `kind` says what `node` is: a `properties` map (its keys are field names, and
 * a field may well be called `description`: keep them all), a `responses` map
 * (each child is a Response object, whose `description` OpenAPI requires), a
 * Response object, or anything else.
 */
function clean(node, refs, kind = 'node') {
  if (Array.isArray(node)) return node.map((n) => clean(n, refs))
  if (node === null || typeof node !== 'object') return node
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    let childKind = 'node'
    if (kind === 'properties') childKind = 'node'
    else if (kind === 'responses') childKind = 'response'
    else {
      if (DOC_KEYS.has(key) && !(kind === 'response' && key === 'description')) continue
      if (key === '$ref' && typeof value === 'string') refs.add(value)
      if (key === 'nullable' && !('type' in node)) continue
      if (key === 'properties') childKind = 'properties'
      if (key === 'responses') childKind = 'responses'
    }
    out[key] = clean(value, refs, childKind)
  }
  return out
}

const refs = new Set()
const paths = {}
const found = new Set()
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!HTTP_METHODS.has(method) || !OPERATIONS.includes(op.operationId)) continue
    found.add(op.operationId)
    paths[path] ??= item.parameters ? { parameters: clean(item.parameters, refs) } : {}
    paths[path][method] = clean(op, refs)
  }
}
const missing = OPERATIONS.filter((id) => !found.has(id))
if (missing.length) throw new Error(`operations not found in ${source}: ${missing.join(', ')}`)

// Follow references transitively: '#/components/<section>/<name>'.
const components = {}
const done = new Set()
while (refs.size) {
  const [ref] = refs
  refs.delete(ref)
  if (done.has(ref)) continue
  done.add(ref)
  const m = /^#\/components\/([^/]+)\/(.+)$/.exec(ref)
  if (!m) throw new Error(`unsupported $ref ${ref}`)
  const [, section, name] = m
  const value = spec.components[section]?.[name]
  if (value === undefined) throw new Error(`dangling $ref ${ref}`)
  ;(components[section] ??= {})[name] = clean(value, refs, section === 'responses' ? 'response' : 'node')
}

const out = {
  openapi: spec.openapi,
  info: { ...spec.info, description: `Extract of ${OPERATIONS.length} operations by scripts/extract-github-api.mjs` },
  servers: spec.servers,
  paths,
  components
}
const text = JSON.stringify(out, null, 1)
writeFileSync(target, text + '\n')
console.log(`${target}: ${found.size} operations, ${done.size} components, ${(text.length / 1024).toFixed(0)} KiB`)
