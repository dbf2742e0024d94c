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

describe('the wipe certificate and the backups it leaves', () => {
  it('says where the round’s backups are and names the files the audit log recorded', () => {
    const text = backupParagraphs({
      ...base,
      backups: { folder: 'D:\\巡察备份', files: ['自动备份-某轮~r-1-20261201080000.xbak', '某轮-备份-202612010900.xbak'] },
    }).join('')
    expect(text).toContain('不删除本机数据库以外的文件')
    expect(text).toContain('备份文件夹“D:\\巡察备份”')
    expect(text).toContain('~r-1-')
    expect(text).toContain('共 2 份：自动备份-某轮~r-1-20261201080000.xbak、某轮-备份-202612010900.xbak')
    const doc = wipeCertificate({ ...base, backups: { files: [] } })
    expect(JSON.stringify(doc)).toContain('本机未选择备份文件夹')
    expect(JSON.stringify(wipeCertificate(base))).not.toContain('备份文件')
  })
})
