// Recognising roster header cells. Personnel offices name the same column many ways; each field's
// canonical label comes from CADRE_LABELS, the rest are aliases seen in real rosters.
import { CADRE_LABELS } from '../domain/labels'
import type { RosterField } from './types'

/** Header aliases per field, before normalisation. The CADRE_LABELS label is always accepted too. */
const ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '干部姓名'],
  gender: ['性别'],
  birth: ['出生年月', '出生日期', '出生时间', '出生年月日'],
  post: ['职务', '现任职务', '现职务', '职务（岗位）', '现任职务（岗位）', '现任岗位'],
  duties: ['分工', '工作分工', '分管工作', '分管范围', '职责分工', '分管领域'],
  inPostSince: ['任现职时间', '任职时间', '现职时间', '任现职务时间', '任现职年月', '任现职务年月'],
  department: ['部门', '所在部门', '处室', '科室', '单位', '所在单位', '所在处室', '所在科室', '部门（处室）'],
  politicalStatus: ['政治面貌', '政治身份', '党派'],
  ethnicity: ['民族'],
  education: ['学历', '文化程度', '最高学历', '学历学位', '全日制学历', '全日制教育'],
  nativePlace: ['籍贯', '籍贯（出生地）'],
  category: ['类别', '对象类别', '干部类别', '人员类别'],
  notes: ['备注'],
}

/** Columns that are recognised but never imported. */
const IGNORED = ['序号', '编号', '序']

/**
 * Header text for comparison: NFKC (full-width → half-width, （）→ ()), no whitespace of any kind
 * (spaces, full-width spaces, line breaks), no required-field star or trailing colon.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/[:：]$/, '')
}

/** The same without anything in brackets: 出生年月(年.月) → 出生年月. */
function withoutBrackets(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
}

const LOOKUP = new Map<string, RosterField | 'ignore'>()
for (const [field, aliases] of Object.entries(ALIASES) as [RosterField, readonly string[]][]) {
  for (const alias of [CADRE_LABELS[field], ...aliases]) LOOKUP.set(normalizeHeader(alias), field)
}
for (const alias of IGNORED) LOOKUP.set(normalizeHeader(alias), 'ignore')

/** The field a header cell names: a field, 'ignore' for 序号, or null when not recognised. */
export function headerField(text: string): RosterField | 'ignore' | null {
  const exact = normalizeHeader(text)
  if (exact === '') return null
  return LOOKUP.get(exact) ?? LOOKUP.get(withoutBrackets(exact)) ?? null
}

/** The canonical labels of the name column, for the “no header” message. */
export const NAME_HEADER = CADRE_LABELS.name
