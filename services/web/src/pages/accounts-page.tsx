import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';

import {
  accountsApi,
  accountState,
  AccountsApiError,
  AUDIT_ACTION,
  type Account,
  type AccountsApi,
  type AuditEntry,
  type ListPage,
  type OneTimeLink,
  type PersonRole,
} from '../accounts-api';
import { useAuth } from '../auth/auth-context';
import { ROLE_NAMES, type Claims } from '../auth/claims';
import { ApiErrorAlert } from '../components/api-error';
import { DataTable } from '../components/data-table';
import { PagerButtons } from '../components/pager-buttons';
import type { BoardConfig } from '../config';
import { saveBlob } from '../documents';
import { useAddresseeOptions } from '../components/addressees-select';
import { dateTime } from '../labels';
import { currentAfter, firstPage, type Pager } from '../paging';

const PAGE_SIZE = 20;
const PERSON_ROLES: PersonRole[] = ['admin', 'secretary', 'member', 'addressee'];

/** What a call to the admin API failed with, as the board's error alert takes it. */
function refusal(error: unknown): AccountsApiError {
  return error instanceof AccountsApiError
    ? error
    : new AccountsApiError([], error instanceof Error ? error : new Error(String(error)));
}

/** A page of a list of the admin API, read again when `version` changes. */
function useListPage<T>(
  load: (first: number, after: string | null) => Promise<ListPage<T>>,
  pager: Pager,
  version: number,
) {
  const [state, setState] = useState<{ page?: ListPage<T>; error?: AccountsApiError }>({});
  const after = currentAfter(pager);
  useEffect(() => {
    let current = true;
    load(PAGE_SIZE, after).then(
      (page) => current && setState({ page }),
      (error: unknown) => current && setState({ error: refusal(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, after, version]);
  return state;
}

/**
 * The tenant's accounts, for an administrator: invitations, roles, disabling, password-reset links,
 * a person's data (export, deletion) and the audit log — the identity provider's admin API.
 */
export function AccountsPage({ config, claims }: { config: BoardConfig; claims?: Claims }) {
  const { accessToken } = useAuth();
  const api = useMemo(() => accountsApi(config.oidcIssuer, accessToken), [config, accessToken]);
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const [pager, setPager] = useState(firstPage);
  const accounts = useListPage(api.accounts, pager, version);
  const [openId, setOpenId] = useState<string>();
  const open = accounts.page?.items.find((account) => account.id === openId);
  const { options: organizationOptions } = useAddresseeOptions();

  return (
    <Stack gap="lg">
      <Title order={1}>Учётные записи</Title>
      <InviteForm api={api} organizations={organizationOptions} onInvited={changed} />
      <section aria-labelledby="accounts-list">
        <Title order={2} size="h3" id="accounts-list" mb="sm">
          Люди ассоциации
        </Title>
        <ApiErrorAlert error={accounts.error} />
        {!accounts.page && !accounts.error ? <Loader aria-label="Загрузка" /> : null}
        {accounts.page ? (
          <>
            <DataTable
              headers={['Логин', 'Имя', 'Роли', 'Состояние', 'Действия']}
              rows={accounts.page.items.map((account) => ({
                key: account.id,
                cells: [
                  account.email,
                  account.displayName,
                  account.roles.map((role) => ROLE_NAMES[role]).join(', '),
                  accountState(account),
                  <Button
                    key="open"
                    size="xs"
                    variant="default"
                    aria-label={`Управление: ${account.email}`}
                    onClick={() => setOpenId(account.id)}
                  >
                    Управление
                  </Button>,
                ],
              }))}
            />
            <PagerButtons
              pager={pager}
              setPager={setPager}
              pageInfo={{
                endCursor: accounts.page.nextCursor,
                hasNextPage: accounts.page.nextCursor !== null,
              }}
            />
          </>
        ) : null}
      </section>
      {open ? (
        <AccountPanel
          key={open.id}
          api={api}
          account={open}
          own={open.id === claims?.subject}
          organizations={organizationOptions}
          onChanged={changed}
          onDeleted={() => {
            setOpenId(undefined);
            changed();
          }}
        />
      ) : null}
      <AuditLog api={api} version={version} />
    </Stack>
  );
}

type Options = { value: string; label: string }[];

/** Roles to tick, and the organisation an addressee speaks for (the API requires one then). */
function RolesFields({
  roles,
  setRoles,
  organizationId,
  setOrganizationId,
  organizations,
}: {
  roles: PersonRole[];
  setRoles: (roles: PersonRole[]) => void;
  organizationId: string | null;
  setOrganizationId: (id: string | null) => void;
  organizations: Options;
}) {
  return (
    <>
      <Checkbox.Group label="Роли" value={roles} onChange={(value) => setRoles(value)}>
        <Group gap="md" mt="xs" wrap="wrap">
          {PERSON_ROLES.map((role) => (
            <Checkbox key={role} value={role} label={ROLE_NAMES[role]} />
          ))}
        </Group>
      </Checkbox.Group>
      {roles.includes('addressee') ? (
        <Select
          label="Организация адресата"
          placeholder="Министерство, ведомство или комитет"
          data={organizations}
          value={organizationId}
          onChange={setOrganizationId}
          searchable
          required
        />
      ) : null}
    </>
  );
}

function InviteForm({
  api,
  organizations,
  onInvited,
}: {
  api: AccountsApi;
  organizations: Options;
  onInvited: () => void;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<PersonRole[]>(['member']);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [link, setLink] = useState<OneTimeLink>();
  const [error, setError] = useState<AccountsApiError>();
  const [sending, setSending] = useState(false);

  const invite = async () => {
    setSending(true);
    setError(undefined);
    try {
      const invited = await api.invite({
        email,
        displayName,
        roles,
        ...(roles.includes('addressee') && organizationId ? { organizationId } : {}),
      });
      setLink(invited);
      setEmail('');
      setDisplayName('');
      onInvited();
    } catch (thrown) {
      setError(refusal(thrown));
    } finally {
      setSending(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" id="invite-title" mb="sm">
        Пригласить
      </Title>
      <form
        aria-label="Приглашение"
        onSubmit={(event) => {
          event.preventDefault();
          void invite();
        }}
      >
        <Stack gap="sm">
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label="Логин (адрес электронной почты)"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              required
              miw={220}
            />
            <TextInput
              label="Имя"
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
              required
              miw={220}
            />
          </Group>
          <RolesFields
            roles={roles}
            setRoles={setRoles}
            organizationId={organizationId}
            setOrganizationId={setOrganizationId}
            organizations={organizations}
          />
          <ApiErrorAlert error={error} />
          <Group>
            <Button type="submit" loading={sending}>
              Пригласить
            </Button>
          </Group>
        </Stack>
      </form>
      {link ? <LinkToHandOver label="Ссылка-приглашение" link={link} /> : null}
    </Paper>
  );
}

/** A one-time link to copy and hand over (no mail is sent yet), with when it stops working. */
function LinkToHandOver({ label, link }: { label: string; link: OneTimeLink }) {
  return (
    <Stack gap="xs" mt="md">
      <Group align="flex-end" wrap="wrap">
        <TextInput label={label} value={link.url} readOnly style={{ flex: 1 }} miw={260} />
        <CopyButton value={link.url}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Скопировано' : 'Копировать'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">
        Действует до {dateTime(link.expiresAt)}, один раз. Передайте её адресату.
      </Text>
    </Stack>
  );
}

/** One account's actions. An administrator's own account is not offered disabling or deletion. */
function AccountPanel({
  api,
  account,
  own,
  organizations,
  onChanged,
  onDeleted,
}: {
  api: AccountsApi;
  account: Account;
  own: boolean;
  organizations: Options;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const [roles, setRoles] = useState<PersonRole[]>(account.roles);
  const [organizationId, setOrganizationId] = useState<string | null>(
    account.organizationId ?? null,
  );
  const [link, setLink] = useState<{ label: string; link: OneTimeLink }>();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<AccountsApiError>();

  const run = async (action: () => Promise<unknown>, words?: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      if (words) setDone(words);
    } catch (thrown) {
      setError(refusal(thrown));
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="account-title">
      <Title order={2} size="h3" id="account-title">
        {account.displayName} ({account.email})
      </Title>
      <Text size="sm" mb="sm">
        Состояние: {accountState(account)}
      </Text>
      <Stack gap="sm">
        <form
          aria-label="Роли"
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api.changeRoles(
                account.id,
                roles,
                roles.includes('addressee') ? (organizationId ?? undefined) : undefined,
              );
              onChanged();
            }, 'Роли изменены.');
          }}
        >
          <Stack gap="sm">
            <RolesFields
              roles={roles}
              setRoles={setRoles}
              organizationId={organizationId}
              setOrganizationId={setOrganizationId}
              organizations={organizations}
            />
            <Group>
              <Button type="submit" variant="default">
                Сохранить роли
              </Button>
            </Group>
          </Stack>
        </form>
        <Group wrap="wrap" gap="xs">
          {own ? null : (
            <Button
              variant="default"
              onClick={() =>
                void run(
                  async () => {
                    await api.setDisabled(account.id, !account.disabled);
                    onChanged();
                  },
                  account.disabled ? 'Учётная запись включена.' : 'Учётная запись отключена.',
                )
              }
            >
              {account.disabled ? 'Включить' : 'Отключить'}
            </Button>
          )}
          {account.pending ? (
            <Button
              variant="default"
              onClick={() =>
                void run(async () =>
                  setLink({ label: 'Ссылка-приглашение', link: await api.reinvite(account.id) }),
                )
              }
            >
              Новая ссылка-приглашение
            </Button>
          ) : null}
          {!account.pending && !account.disabled ? (
            <Button
              variant="default"
              onClick={() =>
                void run(async () =>
                  setLink({
                    label: 'Ссылка для нового пароля',
                    link: await api.passwordReset(account.id),
                  }),
                )
              }
            >
              Ссылка для сброса пароля
            </Button>
          ) : null}
          <Button
            variant="default"
            onClick={() =>
              void run(async () => {
                const data = await api.exportAccount(account.id);
                saveBlob(
                  new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
                  `${account.email}.json`,
                );
              })
            }
          >
            Выгрузить данные (JSON)
          </Button>
          {own ? null : (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              Удалить данные
            </Button>
          )}
        </Group>
        {confirming ? (
          <Alert color="red" title="Удалить данные человека?" role="alertdialog">
            <Text size="sm" mb="sm">
              Учётная запись, её входы и ссылки будут удалены безвозвратно; в журнале записи о ней
              останутся под псевдонимом.
            </Text>
            <Group gap="xs">
              <Button
                color="red"
                onClick={() =>
                  void run(async () => {
                    await api.deleteAccount(account.id);
                    onDeleted();
                  })
                }
              >
                Удалить безвозвратно
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
            </Group>
          </Alert>
        ) : null}
        {done ? (
          <Alert color="green" role="status">
            {done}
          </Alert>
        ) : null}
        <ApiErrorAlert error={error} />
        {link ? <LinkToHandOver label={link.label} link={link.link} /> : null}
      </Stack>
    </Paper>
  );
}

function party(who: { id?: string; login?: string } | undefined): string {
  return who?.login ?? who?.id ?? '—';
}

/** The tenant's audit log, newest first, a page at a time. */
function AuditLog({ api, version }: { api: AccountsApi; version: number }) {
  const [pager, setPager] = useState(firstPage);
  const { page, error } = useListPage<AuditEntry>(api.audit, pager, version);
  return (
    <section aria-labelledby="audit-title">
      <Title order={2} size="h3" id="audit-title" mb="sm">
        Журнал
      </Title>
      <ApiErrorAlert error={error} />
      {!page && !error ? <Loader aria-label="Загрузка" /> : null}
      {page ? (
        <>
          <DataTable
            headers={['Когда', 'Что', 'Кто', 'Чья запись', 'Адрес']}
            rows={page.items.map((entry) => ({
              key: entry.id,
              cells: [
                dateTime(entry.at),
                AUDIT_ACTION[entry.action] ?? entry.action,
                party(entry.actor),
                party(entry.subject),
                entry.ip ?? '—',
              ],
            }))}
          />
          <PagerButtons
            pager={pager}
            setPager={setPager}
            pageInfo={{ endCursor: page.nextCursor, hasNextPage: page.nextCursor !== null }}
          />
        </>
      ) : null}
    </section>
  );
}
