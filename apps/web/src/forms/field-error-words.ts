/**
 * A field the API refused, in the page's language: the rule it broke (FieldError `rule`) in words, after the
 * field's own label when the form shows it. Never the API's English `message`, which a Chinese page must not
 * show; a rule the page does not know (newer than it, or a refusal that names none) is said generically.
 */
import type { Words } from '../components/problem-message';

/** The parts of an API FieldError (api/client.ts Problem) the words rest on. */
export interface RefusedField {
  field: string;
  rule?: string;
}

export function fieldErrorWords({ rule }: RefusedField, label: string | undefined, { t, has }: Words): string {
  const key = `fieldRule.${rule}`;
  const words = rule && has(key) ? t(key) : t('fieldRule.unknown');
  return label ? t('fieldError.labelled', { label, words }) : words;
}
