// Every deletion asks first, then says what happened — or why it failed, changing nothing.
import { ElMessage, ElMessageBox } from 'element-plus'
import { describeError } from '../../util/format'

export async function confirmRemoval(question: string, remove: () => Promise<unknown>, done: string, confirmText = '删除'): Promise<void> {
  try {
    await ElMessageBox.confirm(question, confirmText, { type: 'warning', confirmButtonText: confirmText, cancelButtonText: '取消' })
  } catch {
    return
  }
  try {
    await remove()
    ElMessage.success(done)
  } catch (e) {
    ElMessage.error(`${confirmText}失败：${describeError(e)}`)
  }
}
