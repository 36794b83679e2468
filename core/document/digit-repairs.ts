// Where a scan must hold digits (a date, a licence number's serial), the recogniser still reads some of
// them as letters that look alike, and puts spaces inside runs of digits. Outside those places the same
// letters are real text, so these repairs run only on text already known to be a date or a serial.
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1' };

/** A text with its digits repaired, and the repairs made in words for the review report (none when it was clean). */
export interface DigitRepair {
  text: string;
  repairs: string[];
}

function replaceLookalikes(text: string, repairs: string[]): string {
  const seen = new Set<string>();
  const out = text.replace(/[OolI]/g, (c) => {
    seen.add(`${c}→${LOOKALIKES[c]}`);
    return LOOKALIKES[c];
  });
  if (seen.size > 0) repairs.push(`letters read as digits (${[...seen].join(', ')})`);
  return out;
}

function closeSpacesInDigits(text: string, repairs: string[]): string {
  const out = text.replace(/(?<=\d)[ \t]+(?=\d)/g, '');
  if (out !== text) repairs.push('spaces inside a number removed');
  return out;
}

const DATE_SHAPED = /[\dOolI][\dOolI \t]*[年\-/.][\dOolI \t]*[月\-/.][\dOolI \t]*日?/g;
const DATE = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/g;

/**
 * The dates in a date field's text (`YYYY年M月D日`, `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.MM.DD`, with or
 * without leading zeros), after repairing the digits of each; a validity range gives two.
 */
export function readDates(text: string): { dates: { year: number; month: number; day: number }[]; repairs: string[] } {
  const repairs: string[] = [];
  const repaired = text.replace(DATE_SHAPED, (shape) => closeSpacesInDigits(replaceLookalikes(shape, repairs), repairs));
  const dates = [...repaired.matchAll(DATE)].map((m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
  return { dates, repairs: [...new Set(repairs)] };
}

// A licence number's category and dash, then eight places of its serial, each a digit or a look-alike.
const SERIAL = /(B\s?[12]\s?[-—–]\s?)([\dOolI](?:[ \t]?[\dOolI]){7})(?![\dA-Za-z])/g;

/** A line with the serial of any licence number in it repaired, and what was repaired. */
export function repairSerials(line: string): DigitRepair {
  const repairs: string[] = [];
  const text = line.replace(SERIAL, (_, head: string, serial: string) => head + replaceLookalikes(serial, repairs));
  return { text, repairs };
}
