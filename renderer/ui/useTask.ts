// One way to run a long job from a button: it needs the active round, shows that it is busy and
// its progress, and says in Chinese why it failed ("导出失败：…"). Replaces a hand-written run()
// per export composable.
import { computed, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { describeError } from '../util/format'

export interface TaskOptions {
  /** Refuse to start without it, with this message (e.g. no active round). */
  requires?: () => string | undefined
  /** While one job runs: 'ignore' a second click silently, 'warn' with a message, or 'allow' it. */
  whenBusy?: 'ignore' | 'warn' | 'allow'
  /** Prefix of the failure message. */
  failure?: string
}

export function useTask(options: TaskOptions = {}) {
  /** Which job runs ('' when none): a view can show the spinner on the right button. */
  const busy = ref('')
  const running = computed(() => busy.value !== '')
  /** 0–100 for a progress bar; jobs set it through `report`. */
  const progress = ref(0)

  async function run(what: string, job: () => Promise<unknown>): Promise<void> {
    const refused = options.requires?.()
    if (refused) return void ElMessage.error(refused)
    if (busy.value) {
      if (options.whenBusy === 'ignore') return
      if (options.whenBusy === 'warn') return void ElMessage.warning('上一个导出尚未完成，请稍候')
    }
    busy.value = what
    progress.value = 0
    try {
      await job()
    } catch (e) {
      ElMessage.error(`${options.failure ?? '导出失败'}：${describeError(e)}`)
    } finally {
      busy.value = ''
    }
  }

  /** A progress callback for the export workers (fraction 0–1). */
  const report = (fraction: number) => (progress.value = Math.round(fraction * 100))

  return { busy, running, progress, run, report }
}
