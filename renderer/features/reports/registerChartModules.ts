import { BarSeriesModule, CategoryAxisModule, DonutSeriesModule, LegendModule, ModuleRegistry, NumberAxisModule } from 'ag-charts-community';

let registered = false;

/** Only the AG Charts Community features the dashboard draws: donuts with a legend, bars on a category axis. */
export function registerChartModules(): void {
  if (registered) return;
  ModuleRegistry.registerModules([DonutSeriesModule, LegendModule, BarSeriesModule, CategoryAxisModule, NumberAxisModule]);
  registered = true;
}
