import { extname, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What to answer for a path: a file under the root, or the board's page (its own routing). */
export type StaticTarget =
  | { kind: 'file'; relativePath: string; contentType: string; immutable: boolean }
  | { kind: 'page' }
  | { kind: 'not-found' };

/**
 * Maps a request path onto the built board. Paths with an extension are files (never outside the
 * root); other paths are the board's routes (`/roundtables/…`, `/callback`) and get index.html.
 */
export function staticTargetOf(pathname: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'not-found' };
  }
  if (decoded.includes('\0')) return { kind: 'not-found' };
  const relativePath = normalize(decoded).replace(/^[/\\]+/, '');
  if (relativePath.split(sep).includes('..')) return { kind: 'not-found' };
  const extension = extname(relativePath);
  if (!extension || relativePath === 'index.html') return { kind: 'page' };
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) return { kind: 'not-found' };
  // Vite names what it builds under assets/ by content hash: those never change.
  return { kind: 'file', relativePath, contentType, immutable: relativePath.startsWith('assets/') };
}
