import { Field, ObjectType } from 'type-graphql';

@ObjectType('GeneratedDocument', {
  description: 'A document generated from the data, in Markdown and as a self-contained HTML page.',
})
export class GeneratedDocumentType {
  @Field()
  title: string;

  @Field({ description: 'CommonMark.' })
  markdown: string;

  @Field({ description: 'An HTML5 page; every text from the data is escaped.' })
  html: string;

  @Field()
  generatedAt: Date;
}
