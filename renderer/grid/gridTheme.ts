import { themeQuartz } from 'ag-grid-community';

/** The office look: compact rows, the app's font and accent colour. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1d6fd8',
  headerBackgroundColor: '#f3f5f8',
  oddRowBackgroundColor: '#fafbfc',
  borderColor: '#dde1e7',
  rowHeight: 34,
  headerHeight: 36,
  spacing: 6,
  wrapperBorderRadius: 0,
});
