// Ctrl+K (⌘K on a Mac) opens the search box wherever the user is.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

export function useSearchShortcut(open: Ref<boolean>, enabled: () => boolean) {
  function onKey(e: KeyboardEvent) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k' && enabled()) {
      e.preventDefault()
      open.value = true
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
