// The 组长-only acts on the whole round (exporting the clue lists or the round archive, the
// hand-over package, the wipe) are signed with the 组长's own key before they run. The
// signature must verify against this laptop's 组长 anchor, so a member's laptop with 当前用户
// set to the 组长 cannot run them even after making a key of its own for the 组长.
import { ElMessage } from 'element-plus'
import { ACT_LABELS, type SignedAct } from '@shared/signing/acts'
import { signAct } from '@shared/signing/sign'
import { useRoundStore } from '../../stores/round'
import { useSigningStore } from '../../stores/signing'
import { describeError } from '../../util/format'
import { askPin } from './usePinPrompt'

export type LeaderActKind = 'export-clues' | 'export-archive' | 'handover' | 'wipe'

/** Asks the 组长's PIN, signs the act and audits it; false (with the reason shown) when it may not run. */
export async function signLeaderAct(kind: LeaderActKind, detail: string): Promise<boolean> {
  const round = useRoundStore()
  const signing = useSigningStore()
  const user = round.currentUser
  const roundId = round.activeRoundId
  if (!user || !roundId) {
    ElMessage.error('请先在页面顶部选择本机使用人')
    return false
  }
  const key = await askPin(user, `${ACT_LABELS[kind]}（须组长本人签名）`)
  if (!key) return false
  try {
    const act: SignedAct = { act: kind, roundId, memberId: user.id, at: new Date().toISOString(), detail }
    const signature = await signAct(key, act)
    const [verdict] = await signing.verify([{ act, signature }])
    if (!verdict?.ok) {
      ElMessage.error({ message: `${ACT_LABELS[kind]}须由组长本人在组长的电脑上签名，未执行：${verdict?.reason ?? ''}`, duration: 8000 })
      return false
    }
    await signing.recordLeaderAct(act, signature)
    return true
  } catch (e) {
    ElMessage.error(describeError(e))
    return false
  }
}
