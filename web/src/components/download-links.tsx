import { useEffect, useState } from 'preact/hooks';

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(rows: readonly object[]): string {
  const header = Object.keys(rows[0] ?? {});
  const lines = [header.join(',')];
  for (const row of rows) lines.push(header.map((key) => csvCell((row as Record<string, unknown>)[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function useBlobUrl(content: string, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([content], { type }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [content, type]);
  return url;
}

/** CSV and JSON downloads of a table: from the API when served, built in the page in the static site. */
export function DownloadLinks({
  rows,
  name,
  apiCsv,
}: {
  rows: readonly object[];
  name: string;
  apiCsv: string | null;
}) {
  const csvUrl = useBlobUrl(apiCsv ? '' : toCsv(rows), 'text/csv');
  const jsonUrl = useBlobUrl(JSON.stringify(rows, null, 1), 'application/json');
  const file = name.replace(/[^A-Za-z0-9._-]+/g, '_');
  return (
    <p class="downloads">
      Download:{' '}
      <a href={apiCsv ?? csvUrl ?? '#'} download={`${file}.csv`} data-testid="download-csv">
        CSV
      </a>{' '}
      <a href={jsonUrl ?? '#'} download={`${file}.json`}>
        JSON
      </a>
    </p>
  );
}
