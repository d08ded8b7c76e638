import { createEvent, organizationRenamedV1 } from '@kollegia/events';
import { errorCode, expectEventually, uniqueId } from '@kollegia/testing';

import {
  aLiveRoundtable,
  announceMembers,
  cast,
  CLOSE_ITEM,
  CONCLUDE,
  dataOf,
  industrialRussiaConference,
  organizationAnnounced,
  OTHER_TENANT,
  personAnnounced,
  PROPOSE,
  RECORD,
  REGISTER,
  SCHEDULE_CONFERENCE,
  startRoundtables,
  TENANT,
  WITHDRAW,
  type Roundtables,
} from './test/harness';

let rt: Roundtables;

beforeAll(async () => {
  rt = await startRoundtables('documents', { clock: () => new Date('2016-11-10T09:14:30Z') });
});

afterAll(() => rt.stop());

const MINUTES = `query($id: ID!) { roundtableMinutes(id: $id) { title markdown html generatedAt } }`;
const RESOLUTIONS = `query($id: ID!) { conferenceResolutions(id: $id) { title markdown html } }`;

/** Proposes, then returns the round table at its new version. */
async function propose(
  roundtable: { id: string; version: number },
  input: Record<string, unknown>,
) {
  return dataOf(await rt.gql(PROPOSE, { id: roundtable.id, v: roundtable.version, input }))
    .proposeResolution;
}

describe('generated documents', () => {
  it('should list every adopted resolution with its addressees’ names in the minutes and the conference resolutions', async () => {
    const who = await cast(rt);
    await announceMembers(rt, [
      organizationAnnounced({
        id: who.ministry,
        name: 'Министерство промышленности и торговли Российской Федерации',
        shortName: 'Минпромторг России',
      }),
      // The same id in another workspace, under another name: never printed here.
      organizationAnnounced({
        id: who.ministry,
        name: 'Чужое министерство',
        shortName: 'Чужое',
        tenant: OTHER_TENANT,
      }),
    ]);

    const conference = dataOf(
      await rt.gql(SCHEDULE_CONFERENCE, { input: industrialRussiaConference([who.association]) }),
    ).scheduleConference;
    const sitting = (title: string) =>
      aLiveRoundtable(rt, { conferenceId: conference.id, who, title });
    const { roundtable: a } = await sitting('Индустрия 4.0 в ТЭК и ОПК');
    const { roundtable: b } = await sitting(
      'Кластеры и молодёжное технологическое предпринимательство',
    );

    const text = '<script>alert(1)</script> **не жирный** # не заголовок\n1. не список';
    dataOf(
      await rt.gql(RECORD, {
        id: a.id,
        input: { speaker: { kind: 'PERSON', id: who.speaker }, agendaItemId: a.agenda[0].id, text },
      }),
    );
    let stateA = { id: a.id as string, version: (a.version as number) + 1 };
    stateA = await propose(stateA, {
      kind: 'RECOMMENDATION',
      text: 'Обратиться в Минпромторг России и Проектный офис НТИ с предложением отобрать совместные проекты кластеров (постановление № 779).',
      addresseeIds: [who.ministry, who.ntiOffice],
      responsible: { kind: 'ORGANIZATION', id: who.association },
      dueDate: '2017-06-30',
    });
    const withdrawn = await propose(stateA, { kind: 'DECISION', text: 'Снятое предложение' });
    stateA = dataOf(
      await rt.gql(WITHDRAW, {
        id: a.id,
        v: withdrawn.version,
        r: withdrawn.resolutions[1].id,
        reason: 'Дубль',
      }),
    ).withdrawResolution;
    stateA = dataOf(
      await rt.gql(CLOSE_ITEM, { id: a.id, v: stateA.version, item: a.agenda[0].id }),
    ).closeAgendaItem;
    dataOf(await rt.gql(CONCLUDE, { id: a.id, v: stateA.version }));

    let stateB = { id: b.id as string, version: b.version as number };
    stateB = await propose(stateB, {
      kind: 'QUESTION_TO_REGULATOR',
      text: 'Предложить создать временную рабочую группу по диверсификации предприятий ОПК.',
      addresseeIds: [who.ministry],
    });
    stateB = await propose(stateB, {
      kind: 'RECOMMENDATION',
      text: 'Продолжить работу с органами власти по поддержке молодёжного технологического предпринимательства.',
      addresseeIds: [who.ministry, who.duma],
    });
    dataOf(await rt.gql(CONCLUDE, { id: b.id, v: stateB.version }));

    const minutes = dataOf(await rt.gql(MINUTES, { id: a.id })).roundtableMinutes;
    expect(minutes.title).toBe('Протокол круглого стола «Индустрия 4.0 в ТЭК и ОПК»');
    expect(minutes.markdown).toContain('**Модератор:** Петров Алексей Николаевич');
    expect(minutes.markdown).toContain('Иванова Мария Сергеевна (АКИТ РФ) — спикер');
    expect(minutes.markdown).toContain('**12:14 Иванова Мария Сергеевна (АКИТ РФ):**');
    expect(minutes.markdown).toContain('Минпромторг России; Проектный офис НТИ');
    expect(minutes.markdown).toContain('*Ответственный:* АКИТ РФ');
    expect(minutes.markdown).toContain('*Срок:* 30 июня 2017 г.');
    expect(minutes.markdown).toContain('**Мероприятие:** Промышленная Россия 4.0');
    expect(minutes.markdown).toContain('Снятое предложение');
    expect(minutes.markdown).not.toContain('Чужое');
    // What a participant said never becomes markup.
    expect(minutes.markdown).toContain(
      '\\<script\\>alert(1)\\</script\\> \\*\\*не жирный\\*\\* # не заголовок\\',
    );
    expect(minutes.markdown).toContain('1\\. не список');
    expect(minutes.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **не жирный**');
    expect(minutes.html).not.toContain('<script>');
    expect(minutes.html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);

    const document = dataOf(await rt.gql(RESOLUTIONS, { id: conference.id })).conferenceResolutions;
    expect(document.title).toBe(
      'Рекомендации по итогам конференции «Промышленная Россия 4.0: механизмы опережающего развития»',
    );
    expect(document.markdown).toContain('Москва, 10 ноября 2016 г.');
    expect(document.markdown).toContain('**Организаторы:** АКИТ РФ');
    expect(document.markdown).toContain('Принято рекомендаций и решений: 3.');
    expect(document.markdown).not.toContain('Снятое предложение');
    const numbered = document.markdown.match(/^\d+\. \*\*[^*]+\.\*\*/gm);
    expect(numbered).toEqual([
      '1. **Рекомендация.**',
      '2. **Вопрос регулятору.**',
      '3. **Рекомендация.**',
    ]);
    expect(document.markdown).toContain('*Адресаты:* Минпромторг России\n3. ');
    expect(document.markdown).toContain('*Адресаты:* Минпромторг России; Комитет Госдумы');
    expect(document.html).toContain('<ol start="2">');

    // A rename reaches the documents; a replayed older event does not undo it.
    await announceMembers(rt, [
      createEvent(
        organizationRenamedV1,
        {
          subject: who.ministry,
          tenantId: TENANT,
          aggregateVersion: 3,
          correlationId: 'c',
          actor: 'system:members',
        },
        {
          id: who.ministry,
          name: 'Министерство промышленности и торговли РФ',
          shortName: 'Минпромторг РФ',
          previousName: 'Министерство промышленности и торговли Российской Федерации',
          previousShortName: 'Минпромторг России',
        },
      ),
      organizationAnnounced({ id: who.ministry, name: 'Старое имя', shortName: 'Старое' }),
      // Published last on the same partition: once it is stored, the replay above was handled.
      personAnnounced({ id: who.expert, fullName: 'Сидоров Игорь Петрович' }),
    ]);
    await expectEventually(
      async () => {
        const renamed = dataOf(
          await rt.gql(RESOLUTIONS, { id: conference.id }),
        ).conferenceResolutions;
        expect(renamed.markdown).toContain('*Адресаты:* Минпромторг РФ; Проектный офис НТИ');
        expect(renamed.markdown).not.toContain('Старое');
      },
      { timeoutMs: 20_000 },
    );
    const names = await rt.app.runtime.connection
      .collection('directory')
      .findOne({ _id: `${TENANT}/ORGANIZATION/${who.ministry}` as never });
    expect(names).toMatchObject({ shortName: 'Минпромторг РФ', version: 3 });
  });

  it('should print partners and addressees no name of an unpublished organisation or of its people, and hide them in the participants', async () => {
    const who = await cast(rt);
    const hidden = uniqueId('org');
    const insider = uniqueId('person');
    // Works for the unpublished organisation: as internal to partners as the organisation itself.
    const clerk = uniqueId('person');
    await announceMembers(rt, [
      organizationAnnounced({
        id: hidden,
        name: 'Внутренний консорциум «Закрытый»',
        shortName: 'Консорциум «Закрытый»',
        published: false,
      }),
      personAnnounced({ id: insider, fullName: 'Закрытов Пётр Ильич' }),
      personAnnounced({ id: clerk, fullName: 'Тайнов Семён Львович', organizationId: hidden }),
    ]);
    let { roundtable } = await aLiveRoundtable(rt, { who });
    for (const input of [
      { personId: insider, organizationId: hidden, role: 'SPEAKER' },
      { organizationId: hidden, role: 'OBSERVER' },
      { personId: clerk, role: 'SPEAKER' },
    ]) {
      roundtable = dataOf(
        await rt.gql(REGISTER, { id: roundtable.id, v: roundtable.version, input }),
      ).registerParticipant;
    }
    dataOf(
      await rt.gql(RECORD, {
        id: roundtable.id,
        input: { speaker: { kind: 'PERSON', id: insider }, text: 'Наш консорциум готов.' },
      }),
    );
    dataOf(
      await rt.gql(RECORD, {
        id: roundtable.id,
        input: { speaker: { kind: 'PERSON', id: clerk }, text: 'Сроки согласуем.' },
      }),
    );
    roundtable = await propose(
      { id: roundtable.id, version: roundtable.version + 2 },
      {
        kind: 'RECOMMENDATION',
        text: 'Поручить консорциуму подготовить предложения.',
        addresseeIds: [hidden, who.ministry],
        responsible: { kind: 'ORGANIZATION', id: hidden },
      },
    );
    dataOf(await rt.gql(CONCLUDE, { id: roundtable.id, v: roundtable.version }));

    const internal = dataOf(await rt.gql(MINUTES, { id: roundtable.id })).roundtableMinutes;
    expect(internal.markdown).toContain('Закрытов Пётр Ильич (Консорциум «Закрытый») — спикер');
    expect(internal.markdown).toContain('**12:14 Тайнов Семён Львович:** Сроки согласуем.');
    const SEATS = `query($id: ID!) { roundtable(id: $id) { participants { person { id } organization { id } }
      resolutions { addressees { id } responsible { ... on Organization { id } } } } }`;
    for (const role of ['partner', 'addressee'] as const) {
      const minutes = dataOf(
        await rt.gql(MINUTES, { id: roundtable.id }, { role }),
      ).roundtableMinutes;
      for (const text of [minutes.markdown, minutes.html]) {
        expect(text).not.toMatch(/Закрыт(ый|ого)|Консорциум|Внутренний|Тайнов/);
        expect(text).not.toContain(hidden);
        expect(text).not.toContain(clerk);
      }
      expect(minutes.markdown).toContain('Закрытов Пётр Ильич — спикер');
      expect(minutes.markdown).toContain('организация — наблюдатель');
      expect(minutes.markdown).toContain('**12:14 Закрытов Пётр Ильич:** Наш консорциум готов.');
      expect(minutes.markdown).toContain('участник — спикер');
      expect(minutes.markdown).toContain('**12:14 участник:** Сроки согласуем.');

      const seats = await rt.gql(SEATS, { id: roundtable.id }, { role });
      expect(seats.errors).toBeUndefined();
      const { participants, resolutions } = dataOf(seats).roundtable;
      expect(participants.slice(-3)).toEqual([
        { person: { id: insider }, organization: null },
        { person: null, organization: null },
        { person: null, organization: null },
      ]);
      expect(resolutions).toEqual([{ addressees: [{ id: who.ministry }], responsible: null }]);
    }
  });

  it('should refuse the minutes of a round table still sitting with CONFLICT', async () => {
    const { roundtable } = await aLiveRoundtable(rt);
    const response = await rt.gql(MINUTES, { id: roundtable.id });
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.errors?.[0]?.extensions?.currentState).toBe('LIVE');
  });
});
