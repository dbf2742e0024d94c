import { describe, expect, it } from 'vitest'
import type { ManifestEntry } from './package'
import { packageLabel } from './package-label'

const entry = (kind: ManifestEntry['kind']): ManifestEntry => ({ file: `${kind}.x`, kind, title: '', bytes: 1, sha256: '' })

describe('packageLabel', () => {
  it('names the whole package and what it holds, not one report', () => {
    const files = [...Array(4)]
      .flatMap(() => [entry('report-pdf'), entry('report-docx')])
      .concat(entry('combined-pdf'), entry('attachment-xlsx'), entry('attachment-xlsx'))
    const label = packageLabel({ files })
    expect(label).toBe('“1+3”报告包（4 份报告（PDF、Word）、合订本、2 张附表，共 11 个文件）')
    expect(label).not.toContain('巡察报告')
  })
})
