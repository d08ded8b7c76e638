import { Anchor, type AnchorProps } from '@mantine/core';
import type { ReactNode } from 'react';

import { navigate } from '../navigation';
import { pathOf, type Route } from '../routes';

/**
 * A link to a page of the board: a real `href` (opens in a new tab, can be copied), followed
 * without reloading the board when clicked.
 */
export function RouteLink({
  route,
  children,
  ...anchor
}: { route: Route; children: ReactNode } & AnchorProps) {
  const path = pathOf(route);
  return (
    <Anchor
      {...anchor}
      href={path}
      onClick={(event) => {
        event.preventDefault();
        navigate(path);
      }}
    >
      {children}
    </Anchor>
  );
}
