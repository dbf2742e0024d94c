// The filter of every person picker (el-select with filter-method): what is typed matches a name
// by its characters or its pinyin (shared/search/pinyin.ts), and optionally other text (职务).
// The list is whole again when the dropdown closes, so the chosen person's label always shows.
import { computed, reactive, ref } from 'vue'
import { personMatches } from '@shared/search/pinyin'

export function usePersonFilter<P extends { name: string }>(people: () => readonly P[], alsoIn?: (p: P) => string) {
  const query = ref('')
  const list = computed(() => {
    const q = query.value.trim()
    if (q === '') return people()
    return people().filter((p) => personMatches(p.name, q) || (alsoIn !== undefined && alsoIn(p).includes(q)))
  })
  return reactive({
    list,
    /** For :filter-method. */
    filter: (q: string) => {
      query.value = q ?? ''
    },
    /** For @visible-change: a closed dropdown lists everyone again. */
    reset: (open?: boolean) => {
      if (!open) query.value = ''
    },
  })
}

/** A team member as the pickers list them: 张卫东（组长）. */
export const withRole = (m: { name: string; role: string }) => `${m.name}（${m.role}）`
