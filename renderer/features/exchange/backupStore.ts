// What the 备份与恢复 card shows, shared by the backups and the import (which backs up first):
// the chosen backup folder (Electron; main remembers it), how many automatic backups to keep,
// and where the last backup went. Saving a backup itself is services/backups.ts.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupFolderStatus } from '@shared/bridge/contract'
import { bridge } from '../../platform/bridge'
import { appContext } from '../../services/app'
import { deliverBackup, type PreparedBackup } from '../../services/backups'

export const useBackupStore = defineStore('backups', () => {
  const folder = ref<BackupFolderStatus>({ chosen: false })
  const keep = ref(10)
  const lastBackup = ref('')

  /** Saves a prepared backup (into the folder when one is chosen, unless `ask`), audits it; resolves to where it went. */
  async function deliver(prepared: PreparedBackup, reason: string, options: { ask?: boolean } = {}): Promise<string> {
    const done = await deliverBackup(appContext, bridge(), prepared, reason, { ...options, keep: keep.value })
    if (done.folder) folder.value = done.folder
    lastBackup.value = done.note
    return done.location
  }

  return { folder, keep, lastBackup, deliver }
})
