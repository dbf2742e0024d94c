// Link buttons and tags for the cells of a virtualised table, drawn with Element Plus's own
// classes but without a component instance each: el-table-v2 re-renders every visible cell on
// each scroll frame, and an el-button per action (five a row) made that the slowest part.
import { h, type FunctionalComponent } from 'vue'

type Kind = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** Looks and behaves like `<el-button link :type size>`; other attributes (data-testid, onClick) pass through. */
export const CellButton: FunctionalComponent<{ type?: Kind; size?: 'small' }> = (props, { slots, attrs }) =>
  h(
    'button',
    {
      ...attrs,
      type: 'button',
      class: ['el-button', 'is-link', props.type && `el-button--${props.type}`, props.size && `el-button--${props.size}`],
    },
    h('span', slots.default?.()),
  )
CellButton.props = ['type', 'size']
CellButton.inheritAttrs = false

/** Looks like `<el-tag :type size="small">`. */
export const CellTag: FunctionalComponent<{ type?: Kind }> = (props, { slots, attrs }) =>
  h(
    'span',
    { ...attrs, class: ['el-tag', 'el-tag--small', 'el-tag--light', `el-tag--${props.type ?? 'primary'}`] },
    h('span', { class: 'el-tag__content' }, slots.default?.()),
  )
CellTag.props = ['type']
CellTag.inheritAttrs = false
