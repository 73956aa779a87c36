/**
 * The parts of ECharts the dashboard draws with, and nothing else: bars, lines, the satisfaction
 * scatter with its whiskers (custom) and target line (markLine), axes, tooltips, legend and ARIA.
 * `import * as echarts from 'echarts'` brought every chart type and component (about 1 MB of script).
 */
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
