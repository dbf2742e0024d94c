// Whether the window is narrow: a 1366×768 laptop at 125% display scaling is 1093 CSS pixels wide.
// The same breakpoint narrows the sidebar in styles/app.css. Tables of el-table (not LongTable,
// which measures itself) leave out their less needed columns while it holds.
import { onBeforeUnmount, ref } from 'vue'

export const NARROW_WINDOW = '(max-width: 1199px)'

export function useNarrowWindow() {
  const query = globalThis.matchMedia?.(NARROW_WINDOW)
  const narrow = ref(query?.matches ?? false)
  const update = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query?.addEventListener('change', update)
  onBeforeUnmount(() => query?.removeEventListener('change', update))
  return narrow
}
