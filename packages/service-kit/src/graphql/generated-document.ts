import 'reflect-metadata';

import {
  type FileFormat,
  renderFile,
  renderHtml,
  renderMarkdown,
  type TextDocument,
} from '@kollegia/documents';
import { Arg, Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** A document generated from the data, at the moment it was asked for. */
export interface GeneratedDocument {
  document: TextDocument;
  generatedAt: Date;
}

export const DocumentFormat: Record<FileFormat, FileFormat> = { DOCX: 'DOCX', PDF: 'PDF' };

registerEnumType(DocumentFormat, {
  name: 'DocumentFormat',
  description: 'The file formats a generated document is given in.',
  valuesConfig: {
    DOCX: { description: 'A Word document (Office Open XML), A4.' },
    PDF: { description: 'A PDF, A4, with its fonts embedded.' },
  },
});

/** Shared by every subgraph that generates documents: the same fields, rendered the same way. */
@Directive('@shareable')
@ObjectType('DocumentFile', {
  description:
    'A generated document as a file to save and send: its name, MIME type and bytes in base64.',
})
export class DocumentFileType {
  @Field({ description: 'A file name from the document’s title, with its extension.' })
  fileName: string;

  @Field()
  mimeType: string;

  @Field({ description: 'The file’s bytes, base64-encoded.' })
  base64: string;

  @Field(() => Int, { description: 'The file’s size in bytes.' })
  size: number;
}

/**
 * Each format is rendered only when its field is asked for: a PDF of long minutes takes far
 * longer than the Markdown.
 */
@Directive('@shareable')
@ObjectType('GeneratedDocument', {
  description:
    'A document generated from the data: Markdown, a self-contained HTML page, and DOCX and PDF files.',
})
export class GeneratedDocumentType {
  constructor(generated: GeneratedDocument) {
    this.document = generated.document;
    this.title = generated.document.title;
    this.generatedAt = generated.generatedAt;
  }

  private readonly document: TextDocument;

  @Field()
  readonly title: string;

  @Field({ description: 'CommonMark.' })
  markdown(): string {
    return renderMarkdown(this.document);
  }

  @Field({ description: 'An HTML5 page; every text from the data is escaped.' })
  html(): string {
    return renderHtml(this.document);
  }

  @Field()
  readonly generatedAt: Date;

  @Field(() => DocumentFileType, { description: 'The document as a file: DOCX or PDF.' })
  async file(@Arg('format', () => DocumentFormat) format: FileFormat): Promise<DocumentFileType> {
    const { fileName, mimeType, content } = await renderFile(this.document, format);
    return { fileName, mimeType, base64: content.toString('base64'), size: content.length };
  }
}
