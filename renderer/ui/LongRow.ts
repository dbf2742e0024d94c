// One row of a LongTable: its cells laid out on the table's column grid (CSS variables set on the
// table). A component of its own so that el-table-v2's redraw on every scroll frame stops here:
// the row redraws only when its record, the columns or what its cells read change.
import { defineComponent, h, type PropType, type VNodeChild } from 'vue'

export default defineComponent({
  name: 'LongRow',
  props: {
    row: { type: null as unknown as PropType<unknown>, required: true },
    cols: { type: Array as PropType<string[]>, required: true },
    render: { type: Function as PropType<(p: { col: string; row: unknown }) => VNodeChild>, required: true },
  },
  setup(props) {
    return () =>
      h(
        'div',
        { class: 'long-row' },
        props.cols.map((col) => h('div', { key: col, class: 'long-cell' }, [props.render({ col, row: props.row })])),
      )
  },
})
