// Hands a finished export to the user: checks the bytes by reading them back, saves through
// the bridge (Electron re-reads the written file), audits it with its fingerprint and 份号,
// and tells the user where it went. A refusal or failure changes nothing and says why.
import { ElMessage } from 'element-plus'
import type { ExportKind } from '@shared/domain/types'
import type { FileFilter } from '@shared/bridge/contract'
import { bridge } from '../../platform/bridge'
import { appContext } from '../../services/app'
import { nextCopyNumber as nextCopy, recordExport } from '../../services/exports'
import { fontUse, standInNote } from '@shared/export/fonts'
import { officeFontSet } from '../../services/officeFonts'
import { formatBytes } from '../../util/format'

const FILTERS: Record<string, FileFilter> = {
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  pdf: { name: 'PDF 文档', extensions: ['pdf'] },
  docx: { name: 'Word 文档', extensions: ['docx'] },
  zip: { name: 'ZIP 压缩包', extensions: ['zip'] },
}

/** The round's next 份号 (copy number), from the counter kept on the round record. */
export const nextCopyNumber = (roundId: string): Promise<number> => nextCopy(appContext, roundId)

export interface ExportDelivery {
  kind: ExportKind
  /** What the user exported, when the kind alone would misname it (the whole package, not one report). */
  label?: string
  fileName: string
  bytes: Uint8Array
  /** What the read-back found, e.g. "3 个工作表，共 120 行" or "共 2 页". */
  verified: string
  roundId: string
  copyNumber?: number
}

export async function deliverExport(d: ExportDelivery): Promise<boolean> {
  const extension = d.fileName.split('.').pop() ?? ''
  const result = await bridge().saveFile({
    suggestedName: d.fileName,
    filters: FILTERS[extension] ? [FILTERS[extension]] : [],
    data: d.bytes,
  })
  if (!result.saved) return false
  // PDFs (alone or in the package zip) say which typeface roles used a bundled stand-in.
  const fonts = extension === 'pdf' || extension === 'zip' ? await fontNote() : ''
  await recordExport(appContext, d)
  ElMessage.success({
    message: `已导出${d.label ?? d.kind}：${result.location ?? d.fileName}（${formatBytes(result.size ?? d.bytes.byteLength)}，${d.verified}）${fonts ? `。${fonts}` : ''}`,
    duration: 8000,
  })
  return true
}

/** Which roles the PDFs just exported set in a stand-in (the set the export workers hold). */
async function fontNote(): Promise<string> {
  try {
    return standInNote(fontUse((await officeFontSet()).fonts))
  } catch {
    return ''
  }
}
