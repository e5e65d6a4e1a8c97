/**
 * The setup layer (src/run/setup-layer.ts) in the Actions cache: the plan job
 * runs setup once and saves the layer; every task job restores it instead of
 * installing. One entry per setup key, saved and restored as the same
 * relative path (`<key>`) from the layers folder, so the cache version (a hash
 * of the path list) is the same in every job.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type * as cacheModule from '@actions/cache'
import type { LayerCache } from '../run/setup.js'
import { inCacheDir } from './actions-store.js'

type CacheApi = Pick<typeof cacheModule, 'saveCache' | 'restoreCache'>

/** Cache key of a layer: shared by every plan whose setup and key files are the same. */
export const layerCacheKey = (key: string) => `autopilot-setup-${key}`

export interface ActionsLayerCacheOptions {
  cache: CacheApi
  warn(message: string): void
  /** Called once per restore with whether the cache held the layer. */
  onRestore?(hit: boolean): void
  /** Whether a failed save is worth a warning (the plan job's is: every task job will install). */
  warnOnFailedSave: boolean
}

export function actionsLayerCache(o: ActionsLayerCacheOptions): LayerCache {
  return {
    async restore(key, root) {
      const hit = await inCacheDir(
        root,
        false,
        async () => {
          // A half-restored folder from an earlier try would look like the layer's content.
          await rm(join(root, key), { recursive: true, force: true })
          return (await o.cache.restoreCache([key], layerCacheKey(key))) !== undefined
        },
        o.warn
      )
      o.onRestore?.(hit === true)
      return hit === true
    },
    async save(key, root) {
      const id = await inCacheDir(root, false, () => o.cache.saveCache([key], layerCacheKey(key)), o.warn)
      if ((id === undefined || id === -1) && o.warnOnFailedSave) {
        o.warn(`autopilot: the setup layer ${key.slice(0, 12)} was not saved to the Actions cache; each task job will run setup itself`)
      }
    }
  }
}
