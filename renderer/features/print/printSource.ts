// What 打印预览 and 打印 need from a screen: how to lay its document out as the PDF that prints.
import type { ExportKind } from '@shared/domain/types'

export interface PrintSource {
  /** What prints, as the user names it (巡察报告, 调阅清单（签名栏留空）…). */
  title: string
  /** The export kind: its marking, and the audit entry. */
  kind: ExportKind
  roundId: string
  /** Lays the document out as a PDF (in the export worker), with the 份号 when printing draws one. */
  layout(copyNumber: number | undefined, onProgress: (fraction: number) => void): Promise<Uint8Array>
  /** Printing draws a 份号 from the round's counter, as exporting this PDF does. */
  numbered: boolean
}
