// Locks after the configured minutes without keyboard, mouse or touch input.
import { onBeforeUnmount, onMounted } from 'vue'
import { useSessionStore } from '../../stores/session'

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

export function useIdleLock() {
  const session = useSessionStore()
  let last = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined
  const touch = () => (last = Date.now())

  onMounted(() => {
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true })
    timer = setInterval(() => {
      if (session.status === 'unlocked' && Date.now() - last >= session.autoLockMinutes * 60_000) void session.lock('空闲自动锁定')
    }, 5_000)
  })
  onBeforeUnmount(() => {
    for (const e of ACTIVITY) window.removeEventListener(e, touch)
    clearInterval(timer)
  })
}
