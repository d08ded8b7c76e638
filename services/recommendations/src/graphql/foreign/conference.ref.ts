import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The roundtables service's `Conference`, referenced by id; this subgraph contributes its
 * recommendations, their counts and the progress report. The report prints the conference's
 * title, which roundtables owns: the gateway fetches it there first (`@requires`).
 */
@Directive('@key(fields: "id")')
@ObjectType('Conference')
export class ConferenceRef {
  @Field(() => ID)
  id: string;

  /** Present only in a reference for a field that requires it. */
  @Directive('@external')
  @Field(() => String)
  title?: string;
}

/** A reference as the gateway sends it: the id, and the title where a field requires it. */
export const resolveConferenceReference = (reference: { id: string; title?: string }) => ({
  id: reference.id,
  ...(reference.title === undefined ? {} : { title: reference.title }),
});
