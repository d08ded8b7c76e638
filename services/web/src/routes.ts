/** The board's pages by path; the server gives index.html for each. */
export type Route =
  | { page: 'directory' }
  | { page: 'roundtables' }
  | { page: 'roundtable'; id: string }
  | { page: 'inbox' }
  | { page: 'conferences' }
  | { page: 'conference'; id: string }
  | { page: 'recommendations' }
  | { page: 'recommendation'; id: string }
  | { page: 'accounts' }
  | { page: 'callback' }
  | { page: 'not-found' };

/** The page of one item, by the path of its list. */
const ONE_OF = {
  roundtables: 'roundtable',
  conferences: 'conference',
  recommendations: 'recommendation',
} as const;

export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '/directory') return { page: 'directory' };
  if (pathname === '/roundtables') return { page: 'roundtables' };
  if (pathname === '/callback') return { page: 'callback' };
  if (pathname === '/accounts') return { page: 'accounts' };
  if (pathname === '/inbox') return { page: 'inbox' };
  if (pathname === '/conferences') return { page: 'conferences' };
  if (pathname === '/recommendations') return { page: 'recommendations' };
  const [, kind, id] =
    /^\/(roundtables|conferences|recommendations)\/([^/]+)$/.exec(pathname) ?? [];
  if (!kind || !id) return { page: 'not-found' };
  try {
    return { page: ONE_OF[kind as keyof typeof ONE_OF], id: decodeURIComponent(id) };
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
    case 'inbox':
      return '/inbox';
    case 'conferences':
      return '/conferences';
    case 'conference':
      return `/conferences/${encodeURIComponent(route.id)}`;
    case 'recommendations':
      return '/recommendations';
    case 'recommendation':
      return `/recommendations/${encodeURIComponent(route.id)}`;
    case 'accounts':
      return '/accounts';
    case 'callback':
      return '/callback';
    case 'not-found':
      return '/';
  }
}
