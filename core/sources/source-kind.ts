import { isStatusList } from './status-list';

export type FileKind = 'licence-document' | 'json' | 'json-lines' | 'status-list';

/**
 * What a file holds, from its content (never its name): `head` is its start, enough for a first line.
 * JSON whose first line is a whole value followed by more lines is JSON Lines (one answer per line); a
 * file read as `json` whose whole does not parse is tried as JSON Lines too. Null: none of these.
 */
export function fileKind(head: string): FileKind | null {
  const text = head.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const lines = trimmed.split(/\r?\n/);
    if (lines.length > 1 && lines.slice(1).some((line) => /^\s*[[{]/.test(line)) && parses(lines[0])) return 'json-lines';
    return 'json';
  }
  if (isStatusList(text)) return 'status-list';
  if (/经营许可证|增值电信业务|經營許可證/.test(text)) return 'licence-document';
  return null;
}

function parses(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
