/**
 * Tab-separated text as Excel and LibreOffice copy and paste it: a field holding a tab, a line
 * break or a quote is quoted, its quotes doubled; lines end with CRLF.
 */
export function toTsv(lines: string[][]): string {
  const field = (text: string) => (/[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return lines.map((line) => line.map(field).join('\t')).join('\r\n');
}

/** The lines and fields of pasted tab-separated text (quoted fields may hold tabs and line breaks); a final line break ends the last line. */
export function parseTsv(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === '\t') {
      line.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      line.push(field);
      lines.push(line);
      line = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || line.length) {
    line.push(field);
    lines.push(line);
  }
  return lines;
}
