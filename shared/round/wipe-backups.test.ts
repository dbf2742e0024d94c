import { describe, expect, it } from 'vitest'
import { backupParagraphs, wipeCertificate, type WipeRecord } from './wipe'

const base: WipeRecord = {
  roundId: 'r-1',
  roundName: '2026年第三轮/区农业农村局党委',
  unitName: '区农业农村局党委',
  entryDate: '2026-10-19',
  exitDate: '2026-12-18',
  counts: {
    people: 1,
    interviews: 0,
    documents: 0,
    documentNotes: 0,
    petitions: 0,
    visits: 0,
    workingPapers: 0,
    clues: 0,
    checklist: 0,
    reports: 0,
    attachments: 0,
  },
  archiveFileName: 'a.xcra',
  archiveSha256: 'x',
  keyDestroyedAt: '2026-12-20T08:00:00Z',
  wipedAt: '2026-12-20T08:00:01Z',
  wipedBy: '刘洋（组长）',
  deviceId: 'd',
}

describe('the wipe certificate and the round backups', () => {
  const files = ['自动备份-某轮~r-1-20261201080000.xbak', '自动备份-某轮~r-1-20261202080000.xbak']

  it('lists where the backups are when they were kept', () => {
    const text = backupParagraphs({ ...base, backups: { folder: 'D:\\巡察备份', files } }).join('')
    expect(text).toContain('本次清理未删除备份文件')
    expect(text).toContain('备份文件夹“D:\\巡察备份”')
    expect(text).toContain('~r-1-')
    expect(text).toContain(`共 2 份：${files.join('、')}`)
  })

  it('says how many were deleted, and which could not be', () => {
    const text = backupParagraphs({
      ...base,
      backups: { folder: 'D:\\巡察备份', files, deleted: true, failed: ['自动备份-某轮~r-1-1.xbak'] },
    }).join('')
    expect(text).toContain(`已删除备份文件夹“D:\\巡察备份”中本轮的自动备份 2 份：${files.join('、')}`)
    expect(text).toContain('另有 1 份未能删除，仍在该文件夹：自动备份-某轮~r-1-1.xbak')
    expect(text).not.toContain('未删除备份文件。')
  })

  it('says no folder was chosen, and prints nothing on certificates of earlier versions', () => {
    expect(JSON.stringify(wipeCertificate({ ...base, backups: { files: [] } }))).toContain('本机未选择备份文件夹')
    expect(JSON.stringify(wipeCertificate(base))).not.toContain('备份文件')
  })
})
