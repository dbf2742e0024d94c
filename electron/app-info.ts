import { app } from 'electron'
import type { AppInfo } from '@shared/bridge/contract'

export const APP_NAME = '巡察工作台'

export function appInfo(): AppInfo {
  return {
    name: APP_NAME,
    version: app.getVersion(),
    target: 'electron',
    platform: process.platform,
    versions: {
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    },
  }
}
