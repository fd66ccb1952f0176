import { optionLabel, type Level, type Package, type TermId } from '../../core';
import { fmtInt } from '../format';

/** The facts the map shows, as short phrases: used for the caption and the text alternative. */
function facts(pkg: Package, level: Level): string[] {
  const active = (t: TermId) => level.activeTerms.includes(t);
  const parts: string[] = [];
  const depth = Number(pkg.bufferDepthKm);
  const side = active('bufferSide') && pkg.bufferSide === 'both' ? 'across both sides of the line' : 'on the Ukrainian side';
  parts.push(depth > 0 ? `${depth} km zone ${side}` : 'no buffer zone');
  const troops = Number(pkg.peacekeepers);
  if (active('peacekeepers'))
    parts.push(
      troops > 0
        ? `${fmtInt(troops)} peacekeepers${active('mandate') ? ` (${optionLabel('mandate', pkg.mandate).toLowerCase()})` : ''}`
        : 'no peacekeepers',
    );
  if (active('usSupport'))
    parts.push(pkg.usSupport === 'none' ? 'no US support' : `US: ${optionLabel('usSupport', pkg.usSupport).toLowerCase()}`);
  if (active('territory')) parts.push(optionLabel('territory', pkg.territory).toLowerCase());
  if (active('ceasefire')) parts.push(optionLabel('ceasefire', pkg.ceasefire).toLowerCase());
  return parts;
}

export function mapCaption(pkg: Package | null, level: Level, agreed: boolean): string {
  if (!pkg) return 'No package on the table: no zone, and the fighting goes on along the line.';
  const list = facts(pkg, level).join(' · ');
  return `${agreed ? 'Signed' : 'On the table'}: ${list[0].toUpperCase()}${list.slice(1)}`;
}

/** The map's text alternative: the same facts the picture shows, in a sentence. */
export function describeMap(pkg: Package | null, level: Level, agreed: boolean): string {
  const base = 'Map of the front: the line of contact runs from north of Kharkiv, through Donbas, to the Dnipro near Kherson.';
  if (!pkg) return `${base} No package is on the table, so no buffer zone is drawn and fighting continues along the line.`;
  return `${base} The ${agreed ? 'agreement' : 'package on the table'} shows: ${facts(pkg, level).join('; ')}.`;
}
