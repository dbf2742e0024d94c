import { gzipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildSampleRound } from '../sample'
import type { RoundSnapshot } from '../domain/snapshot'
import {
  ArchiveError,
  ARCHIVE_FORMAT_VERSION,
  canonicalJson,
  decodeArchive,
  encodeArchive,
  sha256Hex,
  sha256HexSync,
  type ArchiveErrorCode,
} from './index'

const info = { appVersion: '0.1.0', exportedBy: '黄雨晴', exportedAt: '2026-11-21T09:30:00.000Z' }
const sample = buildSampleRound()
const CN = /[\u4e00-\u9fa5]/

async function refusal(bytes: Uint8Array, code?: ArchiveErrorCode, opts?: { maxDecompressedBytes: number }): Promise<ArchiveError> {
  try {
    await decodeArchive(bytes, opts)
  } catch (e) {
    expect(e).toBeInstanceOf(ArchiveError)
    const err = e as ArchiveError
    expect(err.message).toMatch(CN)
    if (code) expect(err.code).toBe(code)
    return err
  }
  throw new Error('decodeArchive accepted bad bytes')
}

/** An archive written by hand, so the content can be wrong while the checksum is right. */
async function handMade(content: unknown, over: Record<string, unknown> = {}): Promise<Uint8Array> {
  const c = content as RoundSnapshot
  const counts = Object.fromEntries(Object.entries(c.tables ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.length : 0]))
  const env = {
    format: 'xuncha-round-archive',
    formatVersion: 1,
    ...info,
    roundId: c.round?.id ?? '',
    counts,
    contentSha256: await sha256Hex(canonicalJson(content)),
    content,
    ...over,
  }
  return gzipSync(strToU8(JSON.stringify(env)))
}

const clone = (): RoundSnapshot => structuredClone(sample)

describe('round archive', () => {
  it('round-trips the sample round losslessly', async () => {
    const bytes = await encodeArchive(sample, info)
    expect(bytes[0]).toBe(0x1f)
    const out = await decodeArchive(bytes)
    expect(out.snapshot).toStrictEqual(sample)
    expect(out.info).toEqual(info)
    expect(out.formatVersion).toBe(ARCHIVE_FORMAT_VERSION)
    expect(out.counts.interviews).toBe(sample.tables.interviews.length)
    expect(out.counts.reports).toBe(0)
    // Also from an ArrayBuffer, and the output is the same bytes every time.
    expect((await decodeArchive(bytes.slice().buffer)).snapshot).toStrictEqual(sample)
    expect(await encodeArchive(sample, info)).toEqual(bytes)
  })

  it('keeps edge values: empty strings, nulls, booleans, nested arrays, tombstones, odd text', async () => {
    const s = clone()
    const iv = s.tables.interviews[0]!
    Object.assign(iv, { notes: '', deleted: true, outline: '引号"反斜杠\\换行\n制表\t emoji 🌾 \u2028' })
    s.tables.workingPapers[0]!.amount = null
    s.tables.workingPapers[1]!.amount = 0.1 + 0.2
    s.round.framework.nodes[1]!.children[0]!.children = [{ id: 'x', title: '嵌套', children: [] }]
    const out = await decodeArchive(await encodeArchive(s, info))
    expect(out.snapshot).toStrictEqual(s)
    expect(out.snapshot.tables.attachments[0]!.data).toBe(sample.tables.attachments[0]!.data)
  })

  it('writes the documented envelope', async () => {
    const json = JSON.parse(new TextDecoder().decode((await import('fflate')).gunzipSync(await encodeArchive(sample, info))))
    expect(Object.keys(json)).toEqual([
      'format',
      'formatVersion',
      'exportedAt',
      'exportedBy',
      'appVersion',
      'roundId',
      'counts',
      'contentSha256',
      'content',
    ])
    expect(json.format).toBe('xuncha-round-archive')
    expect(json.roundId).toBe(sample.round.id)
    expect(json.contentSha256).toBe(await sha256Hex(canonicalJson({ round: sample.round, tables: sample.tables })))
  })

  it('refuses random bytes, plain JSON and empty files', async () => {
    let x = 12345
    const random = Uint8Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 255)
    expect((await refusal(random, 'corrupt')).message).toBe('文件已损坏或不是巡察工作台的轮次归档文件')
    await refusal(strToU8(JSON.stringify({ round: {} })), 'corrupt')
    await refusal(new Uint8Array(0), 'truncated')
    // gzip header, then garbage
    await refusal(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...random.slice(0, 200)]))
  })

  it('refuses truncated archives at any point', async () => {
    const bytes = await encodeArchive(sample, info)
    for (const at of [1, 5, 12, 100, Math.floor(bytes.length / 2), bytes.length - 9, bytes.length - 4, bytes.length - 1]) {
      const err = await refusal(bytes.subarray(0, at), 'truncated')
      expect(err.message).toBe('文件不完整（可能在复制时被截断）')
    }
    // A complete gzip of incomplete JSON.
    const text = new TextDecoder().decode((await import('fflate')).gunzipSync(bytes))
    await refusal(gzipSync(strToU8(text.slice(0, text.length - 1000))), 'truncated')
  })

  it('refuses corrupted gzip data (CRC)', async () => {
    const bytes = (await encodeArchive(sample, info)).slice()
    bytes[bytes.length - 6]! ^= 0xff // CRC-32 in the trailer
    await refusal(bytes, 'corrupt')
  })

  it('refuses other JSON and wrong formats', async () => {
    const err = await refusal(gzipSync(strToU8(JSON.stringify({ name: 'package', version: '1.0.0' }))), 'foreign')
    expect(err.message).toBe('这不是巡察工作台的轮次归档文件')
    await refusal(gzipSync(strToU8('[1,2,3]')), 'foreign')
    await refusal(gzipSync(strToU8('"xuncha-round-archive"')), 'foreign')
    await refusal(await handMade(clone(), { format: 'xuncha-member-package' }), 'foreign')
  })

  it('refuses newer and older format versions', async () => {
    const newer = await refusal(await handMade(clone(), { formatVersion: 2 }), 'too-new')
    expect(newer.message).toBe('该归档由较新版本的巡察工作台导出（格式版本 2），请升级后再导入')
    await refusal(await handMade(clone(), { formatVersion: 0 }), 'too-old')
    await refusal(await handMade(clone(), { formatVersion: '1' }), 'invalid')
  })

  it('refuses tampered content', async () => {
    const good = await handMade(clone())
    const tampered = clone()
    tampered.tables.clues[0]!.summary = '已被改动的内容'
    const bad = await handMade(tampered, {
      contentSha256: JSON.parse(new TextDecoder().decode((await import('fflate')).gunzipSync(good))).contentSha256,
    })
    expect((await refusal(bad, 'checksum')).message).toBe('归档内容校验失败，文件可能被篡改或损坏')
    await expect(decodeArchive(good)).resolves.toBeTruthy()
  })

  it('accepts archives from other writers (keys unsorted, pretty-printed)', async () => {
    const content = clone()
    const env = {
      format: 'xuncha-round-archive',
      formatVersion: 1,
      ...info,
      roundId: content.round.id,
      counts: Object.fromEntries(Object.entries(content.tables).map(([k, v]) => [k, v.length])),
      contentSha256: await sha256Hex(canonicalJson(content)),
      content,
    }
    const out = await decodeArchive(gzipSync(strToU8(JSON.stringify(env, null, 2))))
    expect(out.snapshot).toStrictEqual(sample)
  })

  it('refuses structural errors, naming what is wrong', async () => {
    const cases: [string, (s: RoundSnapshot & Record<string, unknown>) => unknown, RegExp][] = [
      ['missing round', (s) => ({ tables: s.tables }), /round/],
      ['table not an array', (s) => ({ ...s, tables: { ...s.tables, interviews: {} } }), /谈话.*不是列表/],
      [
        'missing table',
        (s) => {
          const { attachments: _a, ...rest } = s.tables
          return { ...s, tables: rest }
        },
        /缺少.*附件/,
      ],
      ['unknown table', (s) => ({ ...s, tables: { ...s.tables, memos: [] } }), /未知的数据表：memos/],
      [
        'record without id',
        (s) => {
          delete (s.tables.documents[3] as Partial<{ id: string }>).id
          return s
        },
        /调阅资料.*第 4 条记录缺少文本型 id/,
      ],
      [
        'numeric id',
        (s) => {
          ;(s.tables.petitions[0] as unknown as { id: number }).id = 7
          return s
        },
        /信访.*id/,
      ],
      [
        'foreign roundId',
        (s) => {
          s.tables.interviews[2]!.roundId = 'another-round'
          return s
        },
        /谈话.*roundId.*another-round/,
      ],
      [
        'duplicate id',
        (s) => {
          s.tables.clues[1]!.id = s.tables.clues[0]!.id
          return s
        },
        /问题线索.*重复/,
      ],
      [
        'record not an object',
        (s) => {
          ;(s.tables.checklist as unknown[])[0] = 'x'
          return s
        },
        /检查清单.*不是对象/,
      ],
      [
        'bad person kind',
        (s) => {
          ;(s.tables.people[0] as unknown as { kind: string }).kind = 'robot'
          return s
        },
        /kind/,
      ],
      [
        'wrong field type',
        (s) => {
          ;(s.tables.workingPapers[0] as unknown as { evidence: string }).evidence = 'none'
          return s
        },
        /evidence.*列表/,
      ],
    ]
    for (const [name, mutate, message] of cases) {
      const err = await refusal(await handMade(mutate(clone() as RoundSnapshot & Record<string, unknown>)), 'invalid')
      expect(err.message, name).toMatch(message)
    }
    const wrongCount = await refusal(
      await handMade(clone(), { counts: { ...(await decodeArchive(await handMade(clone()))).counts, clues: 99 } }),
      'invalid',
    )
    expect(wrongCount.message).toMatch(/clues.*99/)
    await refusal(await handMade(clone(), { roundId: 'other' }), 'invalid')
  })

  it('refuses to encode a snapshot it could not read back', async () => {
    const s = clone()
    s.tables.interviews[0]!.roundId = 'x'
    await expect(encodeArchive(s, info)).rejects.toBeInstanceOf(ArchiveError)
  })

  it('refuses archives that inflate beyond the limit (zip bomb)', async () => {
    const bomb = gzipSync(new Uint8Array(8 * 1024 * 1024).fill(32))
    expect(bomb.length).toBeLessThan(64 * 1024)
    const err = await refusal(bomb, 'too-large', { maxDecompressedBytes: 1024 * 1024 })
    expect(err.message).toMatch(/上限/)
  })

  it('decodes a large archive (~10,000 records)', async () => {
    const s = clone()
    const base = sample.tables.interviews.filter((i) => i.record)
    let n = 0
    const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
    s.tables.interviews = Array.from({ length: 6000 }, (_, k) => ({ ...structuredClone(base[k % base.length]!), id: id() }))
    s.tables.documentNotes = Array.from({ length: 4000 }, (_, k) => ({
      ...sample.tables.documentNotes[k % sample.tables.documentNotes.length]!,
      id: id(),
    }))
    const bytes = await encodeArchive(s, info)
    const t0 = performance.now()
    const out = await decodeArchive(bytes)
    const ms = performance.now() - t0
    console.info(
      `large archive: ${(bytes.length / 1e6).toFixed(1)} MB gzip, ${out.counts.interviews + out.counts.documentNotes} records, decoded in ${ms.toFixed(0)} ms`,
    )
    expect(out.counts.interviews).toBe(6000)
    expect(out.snapshot).toStrictEqual(s)
  }, 60_000)
})

describe('format version 1, frozen', () => {
  // A version 1 envelope written by hand. Never change it: every future app must read it.
  const V1 =
    '{"format":"xuncha-round-archive","formatVersion":1,"exportedAt":"2026-11-21T09:30:00.000Z","exportedBy":"黄雨晴","appVersion":"0.1.0","roundId":"r-1",' +
    '"counts":{"people":1,"interviews":0,"documents":0,"documentNotes":0,"petitions":0,"visits":0,"workingPapers":0,"clues":0,"checklist":0,"reports":0,"attachments":0},' +
    '"contentSha256":"c2b6d19a740ebb4185d050294fae19d20ebe0668931fd631f26f71603c5c8f16",' +
    '"content":{"round":{"id":"r-1","name":"十二届区委第三轮巡察","entryDate":"2026-10-19","exitDate":"2026-12-18","framework":{"key":"custom","name":"自定义","nodes":[]}},' +
    '"tables":{"people":[{"id":"p-1","roundId":"r-1","kind":"cadre","name":"张卫东","deleted":true}],"interviews":[],"documents":[],"documentNotes":[],"petitions":[],"visits":[],"workingPapers":[],"clues":[],"checklist":[],"reports":[],"attachments":[]}}}'

  it('still decodes', async () => {
    const out = await decodeArchive(gzipSync(strToU8(V1)))
    expect(out.formatVersion).toBe(1)
    expect(out.snapshot.tables.people[0]).toMatchObject({ name: '张卫东', deleted: true })
  })
})

describe('hash helpers', () => {
  it('canonicalJson sorts keys recursively without whitespace (pinned: the archive checksum depends on it)', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: null, e: '中' }], c: true }, u: undefined })).toBe(
      '{"a":{"c":true,"d":[3,{"e":"中","f":null}]},"b":1}',
    )
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]')
  })

  it('sha256HexSync agrees with WebCrypto', async () => {
    for (const text of ['', 'abc', '巡察工作台'.repeat(50), 'x'.repeat(55), 'x'.repeat(64)]) {
      expect(sha256HexSync(text)).toBe(await sha256Hex(text))
    }
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
