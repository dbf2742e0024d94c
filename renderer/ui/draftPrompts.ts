// The two questions about unsaved work, worded once for every form and editor.
import { ElMessageBox } from 'element-plus'
import { formatDateTimeCN } from '@shared/util/dates'

type KeepChoice = 'keep' | 'discard' | 'stay'
/** The question on screen: a second close request (Esc pressed twice) gets the same answer, not a second box. */
let asking: Promise<KeepChoice> | undefined

/** Leaving changed work: keep it as a draft, give it up, or stay (Esc / × on the question = stay). */
export function askKeepDraft(what: string, title: string, keepLabel = '保留草稿并关闭'): Promise<KeepChoice> {
  asking ??= ElMessageBox.confirm(`${what}有尚未保存的内容。保留为草稿后，下次打开时可以恢复。`, title, {
    confirmButtonText: keepLabel,
    cancelButtonText: '放弃修改',
    distinguishCancelAndClose: true,
    type: 'warning',
  })
    .then(
      () => 'keep' as const,
      (action: string) => (action === 'cancel' ? ('discard' as const) : ('stay' as const)),
    )
    .finally(() => (asking = undefined))
  return asking
}

/** A draft was found on opening: restore it or give it up; there is no third way out. */
export function offerDraft(savedAt: string, note = ''): Promise<boolean> {
  return ElMessageBox.confirm(`有一份 ${formatDateTimeCN(savedAt)} 未保存的草稿。${note}`, '恢复草稿', {
    confirmButtonText: '恢复草稿',
    cancelButtonText: '放弃草稿',
    type: 'info',
    showClose: false,
    closeOnClickModal: false,
    closeOnPressEscape: false,
  }).then(
    () => true,
    () => false,
  )
}
