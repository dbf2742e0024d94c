// Two small text attachments (实测记录, 租金对比表) with correct size and SHA-256.
import type { Attachment, IsoDate } from '../domain/types'
import { sha256HexSync } from '../archive/sha256'
import { formatDateCN } from '../util/dates'
import { meta, type SampleContext } from './context'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out +=
      B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!)
  }
  return out
}

function attachment(ctx: SampleContext, date: IsoDate, by: string, name: string, mime: string, text: string): Attachment {
  const bytes = new TextEncoder().encode(text)
  return { ...meta(ctx, date, by, '18:05'), name, mime, size: bytes.length, sha256: sha256HexSync(bytes), data: base64(bytes) }
}

export function buildAttachments(
  ctx: SampleContext,
  roadDate: IsoDate,
  rentDate: IsoDate,
): { attachments: Attachment[]; refs: Map<string, string> } {
  const m = ctx.member
  const road = attachment(
    ctx,
    roadDate,
    m.zy1!,
    '青石村产业路实测记录.txt',
    'text/plain',
    [
      '青石村产业路硬化工程实测记录',
      `测量日期：${formatDateCN(roadDate)}`,
      '测量人员：赵敏、王立新（巡察组），刘志刚（青石村党支部书记）在场',
      '测量工具：测距轮（编号CL-02）',
      '起点：青石村村委会东侧路口（K0+000）',
      '终点：村民组口水泥路端头（K1+860）',
      '实测长度：1.86公里；路面宽度：4.4—4.6米',
      '验收资料载明长度：2.3公里；差额：0.44公里',
      '在场人员签字：赵敏 王立新 刘志刚',
      '',
    ].join('\n'),
  )
  const rent = attachment(
    ctx,
    rentDate,
    m.zy2!,
    '农机服务站门面租金收缴对比表.csv',
    'text/csv',
    [
      '门面编号,承租人,合同年租金（元）,2024年入账金额（元）,差额（元）,收取方式',
      '1号,区丰禾农机专业合作社,24000,24000,0,转账',
      '2号,区丰禾农机专业合作社,24000,24000,0,转账',
      '3号,个体户杨某,21000,12000,9000,转账+现金',
      '4号,个体户杨某,21000,12000,9000,转账+现金',
      '5号,个体户陈某,18000,0,18000,现金',
      '6号,个体户陈某,18000,0,18000,现金',
      '合计,,126000,72000,54000,',
      '',
    ].join('\n'),
  )
  return {
    attachments: [road, rent],
    refs: new Map([
      ['road-txt', road.id],
      ['rent-csv', rent.id],
    ]),
  }
}
