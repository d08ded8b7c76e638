/**
 * Forward paging by cursor with a way back: the cursors of the pages seen so far. The first page
 * has no cursor; the API's connections take `after`.
 */
export interface Pager {
  /** `after` of each page seen, the current one last. */
  readonly trail: readonly (string | null)[];
}

export const firstPage: Pager = { trail: [null] };

export function currentAfter(pager: Pager): string | null {
  return pager.trail[pager.trail.length - 1] ?? null;
}

export function pageNumber(pager: Pager): number {
  return pager.trail.length;
}

export function nextPage(pager: Pager, endCursor: string | null | undefined): Pager {
  return endCursor ? { trail: [...pager.trail, endCursor] } : pager;
}

export function previousPage(pager: Pager): Pager {
  return pager.trail.length > 1 ? { trail: pager.trail.slice(0, -1) } : pager;
}
