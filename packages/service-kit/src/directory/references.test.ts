import type { DirectoryEntry } from './directory';
import { addedReferences, isPublic, shownReference, shownReferences } from './references';

const ministry = { kind: 'ORGANIZATION', id: 'org-1' } as const;
const internalOffice = { kind: 'ORGANIZATION', id: 'org-2' } as const;
const person = { kind: 'PERSON', id: 'person-1' } as const;
const ghost = { kind: 'PERSON', id: 'person-ghost' } as const;
const officeClerk = { kind: 'PERSON', id: 'person-2' } as const;
const official = { kind: 'PERSON', id: 'person-3' } as const;

const entries: Record<string, DirectoryEntry> = {
  'org-1': { ...ministry, name: 'Минпромторг России', published: true },
  'org-2': { ...internalOffice, name: 'Рабочий офис', published: false },
  'person-1': { ...person, name: 'Иванова Мария Сергеевна' },
  'person-2': {
    ...officeClerk,
    name: 'Сидоров Павел Олегович',
    organizationId: 'org-2',
    organizationPublished: false,
  },
  'person-3': {
    ...official,
    name: 'Петров Алексей Николаевич',
    organizationId: 'org-1',
    organizationPublished: true,
  },
};

describe('what readers are shown of members', () => {
  it('should show partners and addressees published organisations and the people of none or of a published one only', () => {
    expect(isPublic(entries['org-1']!)).toBe(true);
    expect(isPublic(entries['org-2']!)).toBe(false);
    expect(isPublic(entries['person-1']!)).toBe(true);
    expect(isPublic(entries['person-2']!)).toBe(false);
    expect(isPublic(entries['person-3']!)).toBe(true);
  });

  it('should show internal readers every member the directory knows', () => {
    for (const ref of [ministry, internalOffice, person]) {
      expect(shownReference(ref, entries[ref.id], false)).toBe(ref);
    }
  });

  it('should hide an unpublished organisation from readers of published material, silently', () => {
    expect(shownReference(ministry, entries['org-1'], true)).toBe(ministry);
    expect(shownReference(internalOffice, entries['org-2'], true)).toBeNull();
    expect(shownReference(person, entries['person-1'], true)).toBe(person);
    expect(shownReference(officeClerk, entries['person-2'], true)).toBeNull();
    expect(shownReference(officeClerk, entries['person-2'], false)).toBe(officeClerk);
  });

  it('should answer a reference the directory does not know with NOT_FOUND for internal readers and null for the others', () => {
    expect(() => shownReference(ghost, undefined, false)).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: 'person person-ghost is not in the directory',
      }),
    );
    expect(shownReference(ghost, undefined, true)).toBeNull();
  });

  it('should leave unknown members out of a list, and hidden ones for readers of published material', () => {
    const refs = [ministry, ghost, internalOffice, person, officeClerk];
    const found = refs.map((ref) => entries[ref.id]);
    expect(shownReferences(refs, found, false)).toEqual([
      ministry,
      internalOffice,
      person,
      officeClerk,
    ]);
    expect(shownReferences(refs, found, true)).toEqual([ministry, person]);
  });

  it('should name the references a change adds, by field, and no others', () => {
    expect(
      addedReferences(
        { moderator: [person], addresseeIds: [ministry] },
        { moderator: [ghost], addresseeIds: [ministry, internalOffice], responsible: [person] },
      ),
    ).toEqual({ moderator: [ghost], addresseeIds: [internalOffice], responsible: [] });
  });
});
