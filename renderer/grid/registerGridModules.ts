import {
  CellStyleModule,
  ColumnApiModule,
  EventApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowApiModule,
  RowSelectionModule,
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
    ColumnApiModule,
    RowApiModule,
    ScrollApiModule,
    EventApiModule,
    TooltipModule,
  ];
  if (import.meta.env.DEV) modules.push(ValidationModule);
  ModuleRegistry.registerModules(modules);
}
