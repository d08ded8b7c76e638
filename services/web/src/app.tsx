import { Alert, Anchor, Button, Container, Group, Loader, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Provider as UrqlProvider } from 'urql';

import { useAuth } from './auth/auth-context';
import { ROLE_NAMES, type Claims } from './auth/claims';
import type { BoardConfig } from './config';
import { createApiClient } from './graphql/client';
import { navigate, usePathname } from './navigation';
import { DirectoryPage } from './pages/directory-page';
import { RoundtablePage } from './pages/roundtable-page';
import { RoundtablesPage } from './pages/roundtables-page';
import { pathOf, routeOf, type Route } from './routes';

const NAV: { label: string; route: Route }[] = [
  { label: 'Справочник', route: { page: 'directory' } },
  { label: 'Заседания', route: { page: 'roundtables' } },
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
                    {NAV.map(({ label, route }) => (
                      <Anchor
                        key={label}
                        href={pathOf(route)}
                        onClick={(event) => {
                          event.preventDefault();
                          navigate(pathOf(route));
                        }}
                      >
                        {label}
                      </Anchor>
                    ))}
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
  return (
    <UrqlProvider value={client}>
      {route.page === 'directory' || route.page === 'callback' ? <DirectoryPage /> : null}
      {route.page === 'roundtables' ? <RoundtablesPage /> : null}
      {route.page === 'roundtable' ? (
        <RoundtablePage key={route.id} id={route.id} claims={claims} />
      ) : null}
      {route.page === 'not-found' ? <Text>Такой страницы нет.</Text> : null}
    </UrqlProvider>
  );
}
