/**
 * A tiny ECharts wrapper: one chart per element, resized with the window, labelled for screen readers.
 * ECharts itself is fetched when the first chart mounts, not with the page: the tiles, tables and each
 * chart's figures and "reflects" note show at once, and the canvas is drawn into its place a moment later.
 */
import type { EChartsOption, EChartsType } from 'echarts';
import { useEffect, useRef } from 'react';

const loadECharts = () => import('./echarts-parts').then((module) => module.echarts);

export function EChart({ option, label, height = 280 }: { option: EChartsOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let live = true;
    const resize = () => chart.current?.resize();
    void loadECharts().then((echarts) => {
      if (!live || !element.current) return;
      chart.current = echarts.init(element.current);
      chart.current.setOption({ aria: { enabled: true }, animation: false, ...latest.current }, true);
      window.addEventListener('resize', resize);
    });
    return () => {
      live = false;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
  }, [option]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
