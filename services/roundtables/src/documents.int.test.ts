import { createEvent, organizationRenamedV1 } from '@kollegia/events';
import { errorCode, expectEventually } from '@kollegia/testing';

import {
  aLiveRoundtable,
  cast,
  CLOSE_ITEM,
  CONCLUDE,
  dataOf,
  industrialRussiaConference,
  organizationRegistered,
  OTHER_TENANT,
  personRegistered,
  PROPOSE,
  RECORD,
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

async function namesStored(count: number) {
  await expectEventually(
    async () =>
      expect(await rt.app.runtime.connection.collection('party_names').countDocuments()).toBe(
        count,
      ),
    { timeoutMs: 20_000 },
  );
}

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
    const who = cast();
    await rt.publish([
      organizationRegistered(
        who.association,
        'Ассоциация кластеров и технопарков России',
        'АКИТ РФ',
      ),
      organizationRegistered(
        who.ministry,
        'Министерство промышленности и торговли Российской Федерации',
        'Минпромторг России',
      ),
      organizationRegistered(
        who.ntiOffice,
        'Проектный офис Национальной технологической инициативы',
        'Проектный офис НТИ',
      ),
      personRegistered(who.moderator, 'Петров Алексей Николаевич'),
      personRegistered(who.speaker, 'Иванова Мария Сергеевна'),
      // The same id in another workspace, under another name: never printed here.
      organizationRegistered(who.ministry, 'Чужое министерство', 'Чужое', OTHER_TENANT),
    ]);
    await namesStored(6);

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
      addresseeIds: [who.ministry, 'org-not-yet-known'],
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
    expect(document.markdown).toContain(
      '*Адресаты:* Минпромторг России; организация org-not-yet-known',
    );
    expect(document.html).toContain('<ol start="2">');

    // A rename reaches the documents; a replayed older event does not undo it.
    await rt.publish([
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
      organizationRegistered(who.ministry, 'Старое имя', 'Старое'),
      // Published last on the same partition: once it is stored, the replay above was handled.
      organizationRegistered(
        who.duma,
        'Комитет Государственной Думы по экономической политике',
        'Комитет ГД',
      ),
    ]);
    await namesStored(7);
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
      .collection('party_names')
      .findOne({ _id: `${TENANT}/ORGANIZATION/${who.ministry}` as never });
    expect(names).toMatchObject({ shortName: 'Минпромторг РФ', version: 3 });
  });

  it('should refuse the minutes of a round table still sitting with CONFLICT', async () => {
    const { roundtable } = await aLiveRoundtable(rt);
    const response = await rt.gql(MINUTES, { id: roundtable.id });
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.errors?.[0]?.extensions?.currentState).toBe('LIVE');
  });
});
