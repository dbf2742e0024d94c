// How the exported package is named to the user (toast and audit): what is in it, not one report.
import type { Manifest } from './package'

export function packageLabel(manifest: Pick<Manifest, 'files'>): string {
  const count = (kind: Manifest['files'][number]['kind']) => manifest.files.filter((f) => f.kind === kind).length
  const reports = count('report-pdf')
  const parts = [
    reports ? `${reports} 份报告（PDF${count('report-docx') ? '、Word' : ''}）` : '',
    count('combined-pdf') ? '合订本' : '',
    count('attachment-xlsx') ? `${count('attachment-xlsx')} 张附表` : '',
  ].filter(Boolean)
  return `“1+3”报告包（${parts.join('、')}，共 ${manifest.files.length} 个文件）`
}
