// ECharts on a canvas, sized by its container. Only the chart kinds we use are bundled.
// The container may appear later (v-if), so the chart follows the element ref.
import { onBeforeUnmount, watch, type Ref } from 'vue'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export function useChart(el: Ref<HTMLElement | undefined>, option: () => echarts.EChartsCoreOption) {
  let chart: echarts.ECharts | undefined
  const resize = new ResizeObserver(() => chart?.resize())
  const dispose = () => {
    resize.disconnect()
    chart?.dispose()
    chart = undefined
  }
  watch(
    [el, option],
    ([node, next], [previousNode]) => {
      if (node !== previousNode) dispose()
      if (!node) return
      if (!chart) {
        chart = echarts.init(node)
        resize.observe(node)
      }
      chart.setOption(next, true)
    },
    { flush: 'post' },
  )
  onBeforeUnmount(dispose)
}
