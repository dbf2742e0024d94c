/**
 * Default roles of a cadre, guessed from the 职务 text of a roster. These are only defaults: the
 * team corrects them in the app afterwards. The rules, in order:
 *
 * 1. 退休 anywhere in the post (退休干部（原副局长）) → 退休干部, no flags.
 * 2. The post is split into parts at 、，；/ spaces and 兼 (党组书记、局长 → 党组书记 | 局长). Text in
 *    brackets (正处级, 原副局长) and parts starting with 原/前 (former posts) are ignored, and so are
 *    posts in 机关党委, 党总支, 党支部, 机关纪委, 工会, 团委, 妇委会 (these do not make a 班子成员).
 * 3. 一把手: a part ending in 党组书记 / 党委书记 / 党工委书记 (not 副书记), or 主要负责人. Only one
 *    person per roster is the 一把手: the first such row (see parseRoster); later ones become 班子成员.
 * 4. 纪检组长/纪委书记: a part containing 纪检组长, 纪检组组长, 纪检监察组长, 纪检监察组组长, 纪委书记
 *    or 纪工委书记 (not 副).
 * 5. 班子成员: the 一把手, the discipline chief, and anyone with 党组成员 / 党委委员 / 党委常委 /
 *    党组副书记 / 党委副书记 / 班子成员, a bare head or deputy-head post (局长, 副局长, 主任, 副主任,
 *    院长, 副院长, 校长, 副校长, 副书记, 总经理, 副总经理…; “bare” because 办公室副主任 is a middle
 *    manager, not a deputy head of the unit), or a 总师 (总工程师, 总会计师, 总经济师…).
 * 6. Otherwise 中层正职 when a part ends in 科长 / 处长 / 主任 / 所长 / 队长 / 站长 / 部长 / 股长 /
 *    经理 / 馆长 / 负责人 … without 副, and 中层副职 when it has 副 (财务科副科长, 办公室副主任).
 * 7. Otherwise 一般干部 (科员, 一级主任科员, 调研员…).
 *
 * A 班子成员 who also heads an office (副局长兼办公室主任) counts as 班子成员 only.
 */
import type { CadreCategory } from '../domain/types'
import { CADRE_CATEGORIES } from '../domain/types'

export interface PostRoles {
  topLeader: boolean
  disciplineChief: boolean
  leadershipMember: boolean
  midLevelHead: boolean
  midLevelDeputy: boolean
  retired: boolean
}

const NO_ROLES: PostRoles = {
  topLeader: false,
  disciplineChief: false,
  leadershipMember: false,
  midLevelHead: false,
  midLevelDeputy: false,
  retired: false,
}

const SEPARATORS = /[、，,；;/|\s]+|兼任|兼/
const FORMER = /^(原|前任|前)/
const BRANCH_BODY = /机关党委|党总支|党支部|机关纪委|工会|团委|妇委会|妇联/
const TOP = /(党组|党委|党工委)书记$|主要负责人/
const DISCIPLINE = /纪检(监察)?组组?长|纪(工)?委书记/
const LEADERSHIP_ANYWHERE = /(党组|党委|党工委)(成员|委员|常委|副书记)$|班子成员/
const HEADS = '局长|主任|书记|院长|校长|行长|总经理|董事长|经理|馆长|社长|所长|秘书长|主席|县长|区长|市长|镇长|乡长|检察长'
const BARE_HEAD = new RegExp(`^(常务)?副?(${HEADS})$`)
const CHIEF_OFFICERS = /^(总工程师|总会计师|总经济师|总审计师|总规划师|总农艺师|总畜牧师|总督学|总师)$/
const MID_LEVEL = /(科长|处长|主任|所长|队长|站长|部长|股长|经理|馆长|庭长|局长|院长|组长|负责人)$/

/** Roles suggested by one post text. */
export function rolesFromPost(post: string): PostRoles {
  const text = post.normalize('NFKC')
  if (/退休/.test(text)) return { ...NO_ROLES, retired: true }
  const parts = text
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ' ')
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !FORMER.test(p) && !BRANCH_BODY.test(p))

  const topLeader = parts.some((p) => TOP.test(p) && !/副/.test(p))
  const disciplineChief = parts.some((p) => DISCIPLINE.test(p) && !/副/.test(p))
  const leadershipMember =
    topLeader || disciplineChief || parts.some((p) => LEADERSHIP_ANYWHERE.test(p) || BARE_HEAD.test(p) || CHIEF_OFFICERS.test(p))
  const middle = leadershipMember ? [] : parts.filter((p) => MID_LEVEL.test(p))
  const midLevelHead = middle.some((p) => !/副/.test(p))
  const midLevelDeputy = !midLevelHead && middle.length > 0
  return { topLeader, disciplineChief, leadershipMember, midLevelHead, midLevelDeputy, retired: false }
}

/** The interviewee category the roles suggest. */
export function categoryFromRoles(roles: PostRoles): CadreCategory {
  if (roles.retired) return '退休干部'
  if (roles.topLeader) return '一把手'
  if (roles.leadershipMember) return '班子成员'
  if (roles.midLevelHead) return '中层正职'
  if (roles.midLevelDeputy) return '中层副职'
  return '一般干部'
}

const CATEGORY_ALIASES: Record<string, CadreCategory> = {
  主要负责人: '一把手',
  主要领导: '一把手',
  班子: '班子成员',
  领导班子: '班子成员',
  领导班子成员: '班子成员',
  班子副职: '班子成员',
  中层干部正职: '中层正职',
  中层干部副职: '中层副职',
  中层正职干部: '中层正职',
  中层副职干部: '中层副职',
  干部: '一般干部',
  一般工作人员: '一般干部',
  工作人员: '一般干部',
  退休: '退休干部',
  退休人员: '退休干部',
  群众: '服务对象/群众',
  服务对象: '服务对象/群众',
}

/** A 对象类别 cell read as a CadreCategory (a few common variants accepted); null when not one. */
export function parseCategory(text: string): CadreCategory | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '').replace(/["“”]/g, '')
  const exact = (CADRE_CATEGORIES as readonly string[]).find((c) => c === t)
  return (exact as CadreCategory | undefined) ?? CATEGORY_ALIASES[t] ?? null
}

/** Flags that follow from a category given in the file (the discipline chief still comes from the post). */
export function rolesFromCategory(category: CadreCategory, post: PostRoles): PostRoles {
  const topLeader = category === '一把手'
  return {
    topLeader,
    disciplineChief: post.disciplineChief && category !== '退休干部',
    leadershipMember: topLeader || category === '班子成员' || (post.disciplineChief && category !== '退休干部'),
    midLevelHead: category === '中层正职',
    midLevelDeputy: category === '中层副职',
    retired: category === '退休干部',
  }
}
