// In-memory stand-in for the Azure blob endpoints the toolkit's signed URLs point at:
// block uploads (`?comp=block`, `?comp=blocklist`), single-shot `PUT`s and plain `GET`s.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'

/** One committed blob. */
export interface Blob {
  data: Buffer
  contentType: string
}

/**
 * Blobs keyed by URL path. Only the requests `@azure/storage-blob` sends from
 * `BlockBlobClient.uploadStream` / `uploadFile` and the toolkit's plain `GET`
 * are understood; anything else answers 400 so a protocol change shows up.
 */
export class BlobStore {
  readonly blobs = new Map<string, Blob>()
  private readonly staged = new Map<string, Map<string, Buffer>>()

  /** Serves one request under the blob prefix. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname
    const comp = url.searchParams.get('comp')
    if (req.method === 'GET' || req.method === 'HEAD') {
      const blob = this.blobs.get(path)
      if (!blob) return reply(res, 404, { 'x-ms-error-code': 'BlobNotFound' })
      return reply(
        res,
        200,
        {
          'content-type': blob.contentType,
          'content-length': String(blob.data.length),
          'x-ms-blob-type': 'BlockBlob',
          // Azure answers a SAS URL's `rscd` as Content-Disposition; the artifact
          // client names a raw (unzipped) download after it.
          ...(url.searchParams.get('rscd') ? { 'content-disposition': url.searchParams.get('rscd') as string } : {})
        },
        req.method === 'GET' ? blob.data : undefined
      )
    }
    if (req.method !== 'PUT') return reply(res, 405, {})
    const body = await readBody(req)
    if (comp === 'block') {
      const id = url.searchParams.get('blockid')
      if (!id) return reply(res, 400, { 'x-ms-error-code': 'InvalidQueryParameterValue' })
      let blocks = this.staged.get(path)
      if (!blocks) this.staged.set(path, (blocks = new Map()))
      blocks.set(id, body)
      return reply(res, 201, azureHeaders())
    }
    if (comp === 'blocklist') {
      const blocks = this.staged.get(path) ?? new Map<string, Buffer>()
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2])
      const parts: Buffer[] = []
      for (const id of ids) {
        const block = blocks.get(id)
        if (!block) return reply(res, 400, { 'x-ms-error-code': 'InvalidBlockList' })
        parts.push(block)
      }
      this.staged.delete(path)
      this.commit(path, Buffer.concat(parts), req)
      return reply(res, 201, azureHeaders())
    }
    if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      this.commit(path, body, req)
      return reply(res, 201, azureHeaders())
    }
    return reply(res, 400, { 'x-ms-error-code': 'UnsupportedRequest' })
  }

  private commit(path: string, data: Buffer, req: IncomingMessage): void {
    const type = req.headers['x-ms-blob-content-type']
    this.blobs.set(path, { data, contentType: typeof type === 'string' ? type : 'application/octet-stream' })
  }
}

function azureHeaders(): Record<string, string> {
  return {
    etag: `"0x${randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2025-01-05',
    'x-ms-request-server-encrypted': 'true'
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function reply(res: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer): void {
  res.writeHead(status, { 'content-length': body ? String(body.length) : '0', ...headers })
  res.end(body)
}

export { readBody }
