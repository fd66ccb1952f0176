import { h } from '../dom';
import { settings, updateSettings, type Settings } from '../settings';
import { openDialog } from '../widgets/dialog';

/** Settings as a dialog, reachable from the menu and the table. Every change applies and is saved at once. */
export function openSettingsDialog(): void {
  const s = settings();
  const group = <K extends keyof Settings>(key: K, legend: string, options: { value: Settings[K]; label: string; hint?: string }[]) =>
    h(
      'fieldset',
      { class: 'choices' },
      h('legend', null, legend),
      ...options.map((o) =>
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'radio',
            name: `setting-${key}`,
            value: String(o.value),
            checked: s[key] === o.value,
            onchange: () => updateSettings({ [key]: o.value } as Partial<Settings>),
          }),
          ` ${o.label}`,
          o.hint ? h('span', { class: 'hint block' }, o.hint) : null,
        ),
      ),
    );
  openDialog({
    title: 'Settings',
    wide: true,
    body: [
      h(
        'div',
        { class: 'settings-grid' },
        group('motion', 'Motion', [
          { value: 'system', label: 'Follow my system setting' },
          { value: 'reduce', label: 'Reduce motion', hint: 'Computer moves appear at once; nothing slides or pulses.' },
          { value: 'full', label: 'Full motion' },
        ]),
        group('pace', 'Pace of the computer parties', [
          { value: 'relaxed', label: 'Relaxed' },
          { value: 'normal', label: 'Normal' },
          { value: 'quick', label: 'Quick' },
        ]),
        group('sound', 'Sound cues', [
          { value: true, label: 'On', hint: 'Soft tones when it is your move and when an event arrives.' },
          { value: false, label: 'Off' },
        ]),
        group('textSize', 'Text size', [
          { value: 'standard', label: 'Standard' },
          { value: 'large', label: 'Large', hint: 'For projectors and reading at a distance.' },
        ]),
      ),
    ],
    actions: [{ label: 'Done', primary: true }],
  });
}
