// A local Actions results service (Twirp JSON + blob storage) that the real
// @actions/artifact@6 and @actions/cache@6 (cache service v2) talk to in tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BlobStore, readBody } from './blob-store.js'

const ARTIFACTS = '/twirp/github.actions.results.api.v1.ArtifactService/'
const CACHE = '/twirp/github.actions.results.api.v1.CacheService/'
const BLOB = '/_blob/'

/** An artifact as the service holds it. Scoped to one workflow run. */
export interface ArtifactRecord {
  id: number
  runId: string
  /** The job that uploaded it. */
  jobId: string
  name: string
  size: number
  /** `sha256:<hex>` of the uploaded bytes (the zip, unless `skipArchive`). */
  digest?: string
  mimeType: string
  createdAt: Date
  finalized: boolean
  blobPath: string
}

/** A cache entry. Not scoped to a run: it outlives the run that saved it. */
export interface CacheRecord {
  id: number
  key: string
  version: string
  size: number
  createdAt: Date
  finalized: boolean
  blobPath: string
}

/** A running backend. */
export interface ResultsBackend {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string
  /**
   * The variables a simulated job needs, for `jobId` in `runId` (default `'1'`):
   * `ACTIONS_RESULTS_URL`, `ACTIONS_RUNTIME_TOKEN` (a JWT whose `scp` holds
   * `Actions.Results:<runId>:<jobId>`), `ACTIONS_CACHE_SERVICE_V2`,
   * `ACTIONS_CACHE_MODE`, `GITHUB_SERVER_URL=http://github.localhost` (a
   * 127.0.0.1 server URL makes the artifact client refuse it as GHES),
   * `GITHUB_RUN_ID`, `GITHUB_RUN_ATTEMPT`. The toolkit reads them from
   * `process.env` at call time; `GITHUB_WORKSPACE` and `RUNNER_TEMP` are the
   * caller's (see `withEnv` in ./env.ts).
   */
  env(jobId: string | number, runId?: string): Record<string, string>
  /** Artifacts (finalized ones unless `all`), optionally of one run. */
  artifacts(runId?: string, all?: boolean): ArtifactRecord[]
  /** Cache entries (finalized ones unless `all`). */
  caches(all?: boolean): CacheRecord[]
  /** Bytes of a stored blob (an artifact's zip, a cache's tar.zst). */
  blob(path: string): Buffer | undefined
  close(): Promise<void>
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

type Json = Record<string, unknown>

/**
 * Starts a backend on a random loopback port. It serves from this process's
 * event loop: run the code under test in-process or with async `spawn`, never
 * `spawnSync` (both would hang).
 */
export async function startResultsBackend(): Promise<ResultsBackend> {
  const blobs = new BlobStore()
  const artifacts: ArtifactRecord[] = []
  const caches: CacheRecord[] = []
  let nextId = 1
  let origin = ''

  const artifactService: Record<string, (body: Json) => Json> = {
    CreateArtifact(b) {
      const runId = str(b.workflow_run_backend_id)
      const name = str(b.name)
      if (artifacts.some((a) => a.runId === runId && a.name === name && a.finalized)) {
        throw new TwirpError(409, 'already_exists', `an artifact with this name already exists on the workflow run: ${name}`)
      }
      const id = nextId++
      const blobPath = `${BLOB}artifacts/${id}`
      artifacts.push({
        id,
        runId,
        jobId: str(b.workflow_job_run_backend_id),
        name,
        size: 0,
        mimeType: typeof b.mime_type === 'string' ? b.mime_type : 'application/zip',
        createdAt: new Date(),
        finalized: false,
        blobPath
      })
      return { ok: true, signed_upload_url: signed(blobPath) }
    },
    FinalizeArtifact(b) {
      const a = artifacts.find((x) => x.runId === b.workflow_run_backend_id && x.name === b.name && !x.finalized)
      if (!a) throw new TwirpError(404, 'not_found', `artifact not found: ${str(b.name)}`)
      const blob = blobs.blobs.get(a.blobPath)
      if (!blob) throw new TwirpError(400, 'failed_precondition', 'artifact content was not uploaded')
      a.size = blob.data.length
      // Kept as sent (`sha256:<hex>`): that is what the download compares with.
      a.digest = typeof b.hash === 'string' ? b.hash : undefined
      a.finalized = true
      return { ok: true, artifact_id: String(a.id) }
    },
    ListArtifacts(b) {
      const list = artifacts.filter(
        (a) =>
          a.finalized &&
          a.runId === b.workflow_run_backend_id &&
          (b.name_filter === undefined || a.name === b.name_filter) &&
          (b.id_filter === undefined || String(a.id) === String(b.id_filter))
      )
      return {
        artifacts: list.map((a) => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: a.jobId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt.toISOString(),
          ...(a.digest ? { digest: a.digest } : {})
        }))
      }
    },
    GetSignedArtifactURL(b) {
      const a = artifacts.find((x) => x.finalized && x.runId === b.workflow_run_backend_id && x.name === b.name)
      if (!a) throw new TwirpError(404, 'not_found', `artifact not found: ${str(b.name)}`)
      const file = a.mimeType === 'application/zip' ? `${a.name}.zip` : a.name
      return { signed_url: `${signed(a.blobPath)}&rscd=${encodeURIComponent(`attachment; filename="${file}"`)}` }
    },
    DeleteArtifact(b) {
      const i = artifacts.findIndex((x) => x.finalized && x.runId === b.workflow_run_backend_id && x.name === b.name)
      if (i < 0) throw new TwirpError(404, 'not_found', `artifact not found: ${str(b.name)}`)
      const [a] = artifacts.splice(i, 1)
      blobs.blobs.delete(a.blobPath)
      return { ok: true, artifact_id: String(a.id) }
    }
  }

  const cacheService: Record<string, (body: Json) => Json> = {
    CreateCacheEntry(b) {
      const key = str(b.key)
      const version = str(b.version)
      if (caches.some((c) => c.key === key && c.version === version)) {
        throw new TwirpError(409, 'already_exists', 'cache entry with the same key, version, and scope already exists')
      }
      const id = nextId++
      const blobPath = `${BLOB}caches/${id}`
      caches.push({ id, key, version, size: 0, createdAt: new Date(), finalized: false, blobPath })
      return { ok: true, signed_upload_url: signed(blobPath) }
    },
    FinalizeCacheEntryUpload(b) {
      const c = caches.find((x) => x.key === b.key && x.version === b.version && !x.finalized)
      if (!c) return { ok: false, message: 'no cache entry is being uploaded for this key and version' }
      const blob = blobs.blobs.get(c.blobPath)
      if (!blob || String(blob.data.length) !== String(b.size_bytes)) {
        return { ok: false, message: 'uploaded size does not match size_bytes' }
      }
      c.size = blob.data.length
      c.finalized = true
      return { ok: true, entry_id: String(c.id) }
    },
    GetCacheEntryDownloadURL(b) {
      const hit = findCache(caches, str(b.version), [str(b.key), ...((b.restore_keys as string[] | undefined) ?? [])])
      if (!hit) return { ok: false }
      return { ok: true, signed_download_url: signed(hit.blobPath), matched_key: hit.key }
    }
  }

  function signed(path: string): string {
    // Looks like a SAS URL; `sig` is what the toolkit masks. Nothing checks it.
    return `${origin}${path}?sv=2025-01-05&se=2099-01-01T00%3A00%3A00Z&sp=rcw&sig=fake-signature`
  }

  async function twirp(req: IncomingMessage, res: ServerResponse, service: Record<string, (b: Json) => Json>, method: string) {
    try {
      if (req.method !== 'POST') throw new TwirpError(404, 'bad_route', `no handler for ${req.method}`)
      if (!runtimeScope(req.headers.authorization)) throw new TwirpError(401, 'unauthenticated', 'invalid runtime token')
      const handler = Object.hasOwn(service, method) ? service[method] : undefined
      if (!handler) throw new TwirpError(404, 'bad_route', `no handler for ${method}`)
      const raw = (await readBody(req)).toString('utf8')
      sendJson(res, 200, handler(raw ? (JSON.parse(raw) as Json) : {}))
    } catch (e) {
      const err = e instanceof TwirpError ? e : new TwirpError(500, 'internal', String(e))
      sendJson(res, err.status, { code: err.code, msg: err.message })
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin)
    const p = url.pathname
    let work: Promise<void>
    if (p.startsWith(ARTIFACTS)) work = twirp(req, res, artifactService, p.slice(ARTIFACTS.length))
    else if (p.startsWith(CACHE)) work = twirp(req, res, cacheService, p.slice(CACHE.length))
    else if (p.startsWith(BLOB)) work = blobs.handle(req, res, url)
    else work = Promise.resolve(sendJson(res, 404, { code: 'bad_route', msg: `no route ${p}` }))
    work.catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(e) })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin,
    env(jobId, runId = '1') {
      return {
        ACTIONS_RESULTS_URL: `${origin}/`,
        ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, String(jobId)),
        ACTIONS_CACHE_SERVICE_V2: 'true',
        // A documented mode that both reads and writes; a real runner may set `read`.
        ACTIONS_CACHE_MODE: 'write',
        GITHUB_SERVER_URL: 'http://github.localhost',
        GITHUB_RUN_ID: runId,
        GITHUB_RUN_ATTEMPT: '1'
      }
    },
    artifacts: (runId, all = false) => artifacts.filter((a) => (all || a.finalized) && (runId === undefined || a.runId === runId)),
    caches: (all = false) => caches.filter((c) => all || c.finalized),
    blob: (path) => blobs.blobs.get(path)?.data,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}

/**
 * GitHub's matching: for each key in order, an exact match, then the newest
 * entry whose key starts with it; always for the same version.
 */
function findCache(caches: CacheRecord[], version: string, keys: string[]): CacheRecord | undefined {
  const ready = caches.filter((c) => c.finalized && c.version === version).sort((a, b) => b.id - a.id)
  for (const key of keys) {
    const hit = ready.find((c) => c.key === key) ?? ready.find((c) => c.key.startsWith(key))
    if (hit) return hit
  }
  return undefined
}

/** A JWT-shaped token; the toolkit decodes it without checking the signature. */
function runtimeToken(runId: string, jobId: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const claims = { scp: `Actions.GenericRead:00000000 Actions.Results:${runId}:${jobId}`, iat: now, exp: now + 6 * 3600 }
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.not-a-real-signature`
}

/** The `Actions.Results:<run>:<job>` scope of a bearer token, if any. */
function runtimeScope(authorization: string | undefined): string | undefined {
  const payload = authorization?.match(/^Bearer [^.]+\.([^.]+)\./)?.[1]
  if (!payload) return undefined
  try {
    const scp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string }).scp ?? ''
    return scp.split(' ').find((s) => s.startsWith('Actions.Results:'))
  } catch {
    return undefined
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined ? '' : String(v)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) })
  res.end(text)
}
