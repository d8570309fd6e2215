import {
  CellApiModule,
  CellStyleModule,
  ColumnApiModule,
  CustomEditorModule,
  EventApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';

/** Only the AG Grid Community features the app uses; validation (helpful warnings) in development only. */
export function registerGridModules(): void {
  const modules: Module[] = [
    InfiniteRowModelModule,
    TextFilterModule,
    RowSelectionModule,
    LocaleModule,
    CellStyleModule,
    // rowClassRules: the Giao dịch grid marks overdue and today's rows.
    RowStyleModule,
    // getCellValue: Ctrl+C copies cells as they are shown.
    CellApiModule,
    ColumnApiModule,
    RowApiModule,
    ScrollApiModule,
    EventApiModule,
    TooltipModule,
    // In-cell editing (renderer/grid/editing/): the app's own editors, refreshCells for their saving marks.
    CustomEditorModule,
    RenderApiModule,
  ];
  if (import.meta.env.DEV) modules.push(ValidationModule);
  ModuleRegistry.registerModules(modules);
}
