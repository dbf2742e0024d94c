// The built-in sample round, so a new user can see the app working.
import { describeError } from '../../util/format'
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { buildSampleRound } from '@shared/sample'
import { todayIso } from '@shared/util/dates'
import { useRoundStore } from '../../stores/round'

export function useSampleRound() {
  const store = useRoundStore()
  const loading = ref(false)

  async function loadSample() {
    const snapshot = buildSampleRound({ today: todayIso() })
    if (store.rounds.some((r) => r.id === snapshot.round.id)) {
      try {
        await ElMessageBox.confirm('示例轮次已存在。重新载入将恢复示例数据，你在示例轮次中的改动会被覆盖。', '重新载入示例轮次', {
          type: 'warning',
          confirmButtonText: '重新载入',
          cancelButtonText: '取消',
        })
      } catch {
        return
      }
    }
    loading.value = true
    try {
      await store.installRound(snapshot, { action: 'import', table: 'rounds', recordId: snapshot.round.id, detail: '载入示例轮次' })
      ElMessage.success(`已载入示例轮次“${snapshot.round.name}”（示例数据，仅供熟悉软件）`)
    } catch (e) {
      ElMessage.error(`载入示例轮次失败：${describeError(e)}`)
    } finally {
      loading.value = false
    }
  }
  return { loading, loadSample }
}
