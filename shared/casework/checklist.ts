// The round's 是否 checklist (guide §9): each item is answered by the 底稿 linked to it; an item
// with no live 底稿 is not yet covered and shows on the 工作台.
import type { ChecklistItem, WorkingPaper } from '../domain/types'

type Paper = Pick<WorkingPaper, 'id' | 'deleted' | 'mergedInto'>

/** Paper ids an item links to that still count (a merged 底稿 counts through the one it went into). */
export function livePaperIds(item: Pick<ChecklistItem, 'paperIds'>, papers: Paper[]): string[] {
  const out = new Set<string>()
  for (const id of item.paperIds) {
    let p = papers.find((x) => x.id === id)
    for (let hops = 0; p?.mergedInto && hops < 10; hops++) p = papers.find((x) => x.id === p!.mergedInto)
    if (p && !p.deleted && !p.mergedInto) out.add(p.id)
  }
  return [...out]
}

export function uncoveredItems<I extends ChecklistItem>(items: I[], papers: Paper[]): I[] {
  return items.filter((i) => !i.deleted && livePaperIds(i, papers).length === 0).sort((a, b) => a.order - b.order)
}

export function checklistCoverage(items: ChecklistItem[], papers: Paper[]): { total: number; covered: number } {
  const live = items.filter((i) => !i.deleted)
  return { total: live.length, covered: live.length - uncoveredItems(live, papers).length }
}

/** Checks a question before it is saved. */
export function checkChecklistQuestion(question: string, nodeId: string): string[] {
  const errors: string[] = []
  if (!question.trim()) errors.push('请填写检查事项')
  else if (!question.includes('是否')) errors.push('检查事项应写成“是否……”的问句')
  if (!nodeId) errors.push('请选择所属分类')
  return errors
}
