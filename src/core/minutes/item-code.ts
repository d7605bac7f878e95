/**
 * Item codes as agendas print them in front of a title: "B1 Kent Community Safety Agreement",
 * "A4. Notes of the meeting", "12a Local Plan". A bare number is a code only where the caller
 * knows the line is a title (in minutes a leading "1." is paragraph numbering).
 */

const LETTER_CODE = /^([A-Z]{1,2}\d{1,3}[a-z]?)[.:)]?\s+(?:[-–]\s+)?(\S.*)$/;
const NUMBER_CODE = /^(\d{1,3}[a-z]?)[.:)]\s+(\S.*)$/;

export function splitItemCode(title: string, allowNumber = false): { code?: string; title: string } {
  const m = LETTER_CODE.exec(title) ?? (allowNumber ? NUMBER_CODE.exec(title) : null);
  return m ? { code: m[1], title: (m[2] ?? '').trim() } : { title };
}

/** A table cell holding only the item's number or code, e.g. "5." or "B1". */
export function parseCodeCell(text: string): string | undefined {
  return /^([A-Z]{0,2}\d{1,3}[a-z]?)\.?$/.exec(text.trim())?.[1];
}
