import { optionIndex, type Level, type LogEntry } from '../core';
import { toBid, type Bid } from './valuation';

/**
 * The record of the talks with the package on the table before and after each entry, as option
 * indices per active term. The log keeps proposals whole and counter-offers as their changes, so the
 * table is rebuilt as it goes; the opponent model and the reasons a party gives both read it this way.
 * `from` and `start` resume a walk: the entries from index `from` on, with `start` on the table.
 */
export function walkTables(
  level: Level,
  log: readonly LogEntry[],
  visit: (entry: LogEntry, before: Bid | null, after: Bid | null) => void,
  from = 0,
  start: Bid | null = null,
): Bid | null {
  const terms = level.activeTerms;
  let table: Bid | null = start;
  for (let n = from; n < log.length; n++) {
    const e = log[n];
    const before = table;
    if (e.kind === 'propose') table = toBid(level, e.package);
    else if (e.kind === 'counter') {
      const next: Bid = before ? Int8Array.from(before) : toBid(level, level.defaultPackage);
      for (const ch of e.changes) {
        const k = terms.indexOf(ch.term);
        if (k >= 0) next[k] = optionIndex(ch.term, ch.to);
      }
      table = next;
    } else if (e.kind === 'reject' && e.withdrawn) table = null;
    visit(e, before, table);
  }
  return table;
}
