import { AgCharts, type AgChartInstance, type AgChartOptions } from 'ag-charts-community';
import { useEffect, useRef } from 'react';
import { registerChartModules } from './registerChartModules';

type AgChartProps = {
  /** Without the container (this component's div); a new object redraws the chart (AG Charts animates the change). */
  options: AgChartOptions;
  /** What the chart shows, for screen readers (the canvas has no text of its own). */
  label: string;
  className?: string;
};

/** An AG Charts chart in a div: created once, updated with new options, destroyed with the component. */
export function AgChart({ options, label, className }: AgChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<AgChartInstance | null>(null);
  useEffect(() => {
    registerChartModules();
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (!container.current) return;
    const full: AgChartOptions = { ...options, container: container.current };
    if (chart.current) void chart.current.update(full);
    else chart.current = AgCharts.create(full);
  }, [options]);
  return <div ref={container} className={className ?? 'chart'} role="img" aria-label={label} />;
}
