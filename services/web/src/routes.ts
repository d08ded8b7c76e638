/** The board's pages by path; the server gives index.html for each. */
export type Route =
  | { page: 'directory' }
  | { page: 'roundtables' }
  | { page: 'roundtable'; id: string }
  | { page: 'callback' }
  | { page: 'not-found' };

export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '/directory') return { page: 'directory' };
  if (pathname === '/roundtables') return { page: 'roundtables' };
  if (pathname === '/callback') return { page: 'callback' };
  const roundtable = /^\/roundtables\/([^/]+)$/.exec(pathname);
  if (!roundtable?.[1]) return { page: 'not-found' };
  try {
    return { page: 'roundtable', id: decodeURIComponent(roundtable[1]) };
  } catch {
    return { page: 'not-found' };
  }
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'directory':
      return '/';
    case 'roundtables':
      return '/roundtables';
    case 'roundtable':
      return `/roundtables/${encodeURIComponent(route.id)}`;
    case 'callback':
      return '/callback';
    case 'not-found':
      return '/';
  }
}
