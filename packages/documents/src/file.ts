import { linesOf, type TextDocument } from './document';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

/** The file formats a document is sent in. */
export type FileFormat = 'DOCX' | 'PDF';

export const FILE_TYPES: Record<FileFormat, { mimeType: string; extension: string }> = {
  DOCX: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  PDF: { mimeType: 'application/pdf', extension: 'pdf' },
};

/** A document as a file a secretary can save and send. */
export interface DocumentFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

// Most file systems allow 255 bytes for a name; a Cyrillic letter takes two in UTF-8.
const NAME_LENGTH = 100;

/**
 * A file name from a document's title: what no common file system allows (`/\:*?"<>|`, control
 * characters, dots and spaces at the end) is dropped, and a long title is cut at a word boundary.
 */
export function fileName(title: string, format: FileFormat): string {
  let name = linesOf(title.replace(/[/\\:*?"<>|\p{Cc}]/gu, ' ')).join(' ');
  if (name.length > NAME_LENGTH) {
    const cut = name.slice(0, NAME_LENGTH + 1);
    const space = cut.lastIndexOf(' ');
    name = space > 0 ? cut.slice(0, space) : cut.slice(0, NAME_LENGTH);
  }
  name = name.replace(/[.\s]+$/, '');
  return `${name || 'document'}.${FILE_TYPES[format].extension}`;
}

const RENDER: Record<FileFormat, (document: TextDocument) => Promise<Buffer>> = {
  DOCX: renderDocx,
  PDF: renderPdf,
};

/** The document rendered to a file of the format, named after its title. */
export async function renderFile(
  document: TextDocument,
  format: FileFormat,
): Promise<DocumentFile> {
  return {
    fileName: fileName(document.title, format),
    mimeType: FILE_TYPES[format].mimeType,
    content: await RENDER[format](document),
  };
}
