import { Alert, Button, Container, Group, Loader, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { Provider as UrqlProvider } from 'urql';

import { useAuth } from './auth/auth-context';
import {
  mayAdministerAccounts,
  mayUseInbox,
  readsInternal,
  ROLE_NAMES,
  type Claims,
} from './auth/claims';
import type { BoardConfig } from './config';
import { createApiClient } from './graphql/client';
import { usePathname } from './navigation';
import { routeOf, type Route } from './routes';
import { RouteLink } from './components/route-link';

// Each page is a chunk of its own, loaded when it is first opened: a first visit fetches the shell
// and the one page it lands on (measured in the README, "Numbers").
const DirectoryPage = lazy(() =>
  import('./pages/directory-page').then((page) => ({ default: page.DirectoryPage })),
);
const RoundtablesPage = lazy(() =>
  import('./pages/roundtables-page').then((page) => ({ default: page.RoundtablesPage })),
);
const RoundtablePage = lazy(() =>
  import('./pages/roundtable-page').then((page) => ({ default: page.RoundtablePage })),
);
const InboxPage = lazy(() =>
  import('./pages/inbox-page').then((page) => ({ default: page.InboxPage })),
);
const ConferencesPage = lazy(() =>
  import('./pages/conferences-page').then((page) => ({ default: page.ConferencesPage })),
);
const ConferencePage = lazy(() =>
  import('./pages/conference-page').then((page) => ({ default: page.ConferencePage })),
);
const RecommendationsPage = lazy(() =>
  import('./pages/recommendations-page').then((page) => ({ default: page.RecommendationsPage })),
);
const RecommendationPage = lazy(() =>
  import('./pages/recommendation-page').then((page) => ({ default: page.RecommendationPage })),
);
const AccountsPage = lazy(() =>
  import('./pages/accounts-page').then((page) => ({ default: page.AccountsPage })),
);

// What a role may use only (`offered`; every role otherwise): an addressee's clerk is not offered
// the association's directory, and only an addressee has an inbox.
const NAV: { label: string; route: Route; offered?: (claims: Claims | undefined) => boolean }[] = [
  { label: 'Входящие', route: { page: 'inbox' }, offered: mayUseInbox },
  { label: 'Справочник', route: { page: 'directory' }, offered: readsInternal },
  { label: 'Конференции', route: { page: 'conferences' } },
  { label: 'Заседания', route: { page: 'roundtables' } },
  { label: 'Рекомендации', route: { page: 'recommendations' } },
  { label: 'Учётные записи', route: { page: 'accounts' }, offered: mayAdministerAccounts },
];

/** The board: a header with the pages and the signed-in person, and the page of the path. */
export function App({ config }: { config: BoardConfig }) {
  const auth = useAuth();
  const { state } = auth;
  return (
    <>
      <header>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={2} size="h3">
              Коллегия
            </Title>
            {state.status === 'signed-in' ? (
              <Group gap="xs" wrap="wrap">
                <nav aria-label="Разделы">
                  <Group gap="sm">
                    {NAV.filter(({ offered }) => offered?.(state.claims) ?? true).map(
                      ({ label, route }) => (
                        <RouteLink key={label} route={route}>
                          {label}
                        </RouteLink>
                      ),
                    )}
                  </Group>
                </nav>
                <Text size="sm">{whoIs(state.user.profile.name, state.claims)}</Text>
                <Button size="xs" variant="default" onClick={() => void auth.signOut()}>
                  Выйти
                </Button>
              </Group>
            ) : null}
          </Group>
        </Container>
      </header>
      <main>
        <Container size="lg" pb="xl">
          {state.status === 'loading' ? <Loader aria-label="Загрузка" /> : null}
          {state.status === 'signed-out' ? (
            <SignedOut reason={state.reason} signIn={() => void auth.signIn()} />
          ) : null}
          {state.status === 'signed-in' ? <SignedIn config={config} claims={state.claims} /> : null}
        </Container>
      </main>
    </>
  );
}

function whoIs(name: string | undefined, claims: Claims | undefined): string {
  const roles = claims?.roles.map((role) => ROLE_NAMES[role]).join(', ') ?? '';
  return [name, roles].filter(Boolean).join(' — ');
}

function SignedOut({ reason, signIn }: { reason: string | undefined; signIn: () => void }) {
  return (
    <>
      <Title order={1} mb="md">
        Вход
      </Title>
      {reason ? (
        <Alert color="yellow" mb="md" role="status">
          {reason}
        </Alert>
      ) : null}
      <Text mb="md">Войдите, чтобы открыть доску ассоциации.</Text>
      <Button onClick={signIn}>Войти</Button>
    </>
  );
}

function SignedIn({ config, claims }: { config: BoardConfig; claims: Claims | undefined }) {
  const auth = useAuth();
  const { accessToken, endSession } = auth;
  const client = useMemo(
    () =>
      createApiClient(config, accessToken, () =>
        endSession('Сервер не принял вход: войдите снова.'),
      ),
    [config, accessToken, endSession],
  );
  const route = routeOf(usePathname());
  // An addressee's clerk starts at the inbox: the directory is not offered to it.
  const clerk = mayUseInbox(claims) && !readsInternal(claims);
  return (
    <UrqlProvider value={client}>
      <Suspense fallback={<Loader aria-label="Загрузка" />}>
        {(route.page === 'directory' || route.page === 'callback') && !clerk ? (
          <DirectoryPage />
        ) : null}
        {route.page === 'inbox' ||
        ((route.page === 'directory' || route.page === 'callback') && clerk) ? (
          <InboxPage claims={claims} />
        ) : null}
        {route.page === 'conferences' ? <ConferencesPage /> : null}
        {route.page === 'conference' ? <ConferencePage key={route.id} id={route.id} /> : null}
        {route.page === 'roundtables' ? <RoundtablesPage /> : null}
        {route.page === 'roundtable' ? (
          <RoundtablePage key={route.id} id={route.id} claims={claims} />
        ) : null}
        {route.page === 'recommendations' ? <RecommendationsPage /> : null}
        {route.page === 'recommendation' ? (
          <RecommendationPage key={route.id} id={route.id} claims={claims} />
        ) : null}
        {route.page === 'accounts' && mayAdministerAccounts(claims) ? (
          <AccountsPage config={config} claims={claims} />
        ) : null}
        {route.page === 'not-found' ? <Text>Такой страницы нет.</Text> : null}
      </Suspense>
    </UrqlProvider>
  );
}
