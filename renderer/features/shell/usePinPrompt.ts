// Asking the acting member for their personal PIN before a signed act (one dialog for the app,
// PinDialog.vue in App.vue). 当前用户 only says who types: the act is signed with the key of the
// member it names, which is on this laptop only if that member set a PIN here.
import { shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import type { TeamMember } from '@shared/domain/types'
import type { SigningKey } from '@shared/signing/sign'

export interface PinRequest {
  member: TeamMember
  /** What the PIN is asked for, e.g. "组长审签：底稿 DG-2026-003". */
  purpose: string
  /** Only set the PIN up (from the header or the 巡察组 page), nothing to sign. */
  setupOnly?: boolean
  resolve: (key: SigningKey | undefined) => void
}

export const pinRequest = shallowRef<PinRequest>()

/** The member's signing key opened with their PIN, or undefined when they cancel. */
export function askPin(member: TeamMember | undefined, purpose: string): Promise<SigningKey | undefined> {
  if (!member) {
    ElMessage.error('请先在页面顶部选择本机使用人')
    return Promise.resolve(undefined)
  }
  pinRequest.value?.resolve(undefined)
  return new Promise((resolve) => (pinRequest.value = { member, purpose, resolve }))
}

/** Sets the member's PIN up on this laptop (resolves when the dialog closes). */
export function setUpPin(member: TeamMember): Promise<unknown> {
  pinRequest.value?.resolve(undefined)
  return new Promise(
    (resolve) =>
      (pinRequest.value = {
        member,
        purpose: `${member.name}：签字、审核、移交等操作时输入的本人签名密码，不同于本机口令`,
        setupOnly: true,
        resolve,
      }),
  )
}
