import { choiceValue } from '../entry/choice';

/** The index of the choice a cell means (readChoice: `達成 できた`, `Ｓ` read as the choice), -1 for none. */
export function choiceIndex(raw: string, choices: readonly string[]): number {
  const value = choiceValue(raw, choices);
  return value === undefined ? -1 : choices.indexOf(value);
}
