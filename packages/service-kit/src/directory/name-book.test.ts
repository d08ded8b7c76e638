import { NameBook } from './name-book';

const entries = [
  {
    kind: 'ORGANIZATION' as const,
    id: 'org-minprom',
    name: 'Министерство промышленности и торговли Российской Федерации',
    shortName: 'Минпромторг России',
    published: true,
  },
  {
    kind: 'ORGANIZATION' as const,
    id: 'org-closed',
    name: 'Закрытый консорциум',
    published: false,
  },
  { kind: 'PERSON' as const, id: 'person-1', name: 'Иванова Мария Сергеевна' },
];

describe('NameBook', () => {
  it('should print an organisation by its short name, or by its full name where a letter is addressed', () => {
    const names = new NameBook(entries);
    expect(names.organization('org-minprom')).toBe('Минпромторг России');
    expect(names.organizationFullName('org-minprom')).toBe(
      'Министерство промышленности и торговли Российской Федерации',
    );
    expect(names.organization('org-closed')).toBe('Закрытый консорциум');
    expect(names.party({ kind: 'PERSON', id: 'person-1' })).toBe('Иванова Мария Сергеевна');
    expect(names.organizationFullName('org-unknown')).toBe('организация org-unknown');
  });

  it('should print no name a reader of published material may not see, in either form', () => {
    const names = new NameBook(entries, true);
    expect(names.organizationFullName('org-minprom')).toBe(
      'Министерство промышленности и торговли Российской Федерации',
    );
    expect(names.organization('org-closed')).toBe('организация');
    expect(names.organizationFullName('org-closed')).toBe('организация');
    expect(names.organizationFullName('org-unknown')).toBe('организация');
    expect(names.omitsOrganization('org-closed')).toBe(true);
  });
});
