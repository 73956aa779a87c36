/**
 * Sends one form's command: its own Idempotency-Key (kept until the command succeeds, so a double click or
 * a retry appends once), If-Match with the revision the form was filled against (a stale form gets 412 and
 * says so), and the API's validation problems put next to the fields they name, worded in the page's language
 * by the rule each broke and the field's label (field-error-words.ts), never in the API's English.
 */
import { Form, type FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { call, ProblemError } from '../api/client';
import { refusalWords } from '../components/problem-message';
import { I18n, useI18n } from '../i18n/i18n';
import { fieldErrorWords } from './field-error-words';
import { isStaleRefusal } from './stale';
import { FieldLabelMap } from './field-labels';

export interface CommandResult {
  data: Record<string, unknown>;
  etag: string | null;
}

/** Words a success from the answer; by default the revision written (an account has none). */
type Saved = (answer: Record<string, unknown>) => string;

/** What a form does beyond sending: `saved` words a success, `labels` are its fields' labels, `onStale` reloads the record. */
interface CommandOptions {
  saved?: Saved;
  labels?: FieldLabelMap;
  /**
   * Reloads the record a 412 or a lost race (409) found changed, so that the form's next submission carries its new revision: the
   * user's input stays in the form, to be checked against the record and sent again, not typed again.
   */
  onStale?: () => void;
}

export function useCommand(form: FormInstance, onDone?: (result: CommandResult) => void, { saved, labels, onStale }: CommandOptions = {}) {
  const i18n = useI18n();
  const { t } = i18n;
  const key = useRef(crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const send = useCallback(
    async (path: string, body: Record<string, unknown>, ifMatch?: string) => {
      setBusy(true);
      setMessage(null);
      let answered: Awaited<ReturnType<typeof call<Record<string, unknown>>>>;
      try {
        const headers: Record<string, string> = { 'Idempotency-Key': key.current };
        if (ifMatch) headers['If-Match'] = ifMatch;
        answered = await call<Record<string, unknown>>('POST', path, { body, headers });
      } catch (error) {
        const stale = error instanceof ProblemError && isStaleRefusal(error.problem);
        if (stale) onStale?.();
        return setMessage(stale && onStale ? { type: 'warning', text: t('common.staleReloaded') } : refusal(error, form, i18n, labels));
      } finally {
        setBusy(false);
      }
      // Saved: what follows (the caller's onDone included) is the page's own work, never said as "unreachable".
      key.current = crypto.randomUUID();
      const { data, response } = answered;
      const answer = data ?? {}; // 204 No Content answers nothing
      const revision = String(answer.revision ?? response.headers.get('etag') ?? '');
      setMessage({ type: 'success', text: saved ? saved(answer) : t('common.saved', { revision }) });
      form.resetFields();
      onDone?.({ data: answer, etag: response.headers.get('etag') });
    },
    [form, onDone, saved, t, i18n, labels, onStale],
  );
  return { send, busy, message };
}

/** A command form's own antd form and command, and the props its FormShell takes from them. */
export function useCommandForm(onDone?: (result: CommandResult) => void, saved?: Saved, onStale?: () => void) {
  const [form] = Form.useForm();
  const labels = useRef<FieldLabelMap>(new Map()).current;
  const { send, busy, message } = useCommand(form, onDone, { saved, labels, onStale });
  return { send, shell: { form, busy, message, labels } };
}

/** What a failed send says: stale (412), the fields the API named, the refusal in words, or no answer at all. */
function refusal(error: unknown, form: FormInstance, i18n: I18n, labels?: FieldLabelMap): { type: 'error' | 'warning'; text: string } {
  const { t } = i18n;
  // No answer at all (offline, the service down): said, and safe to send again with the same key.
  if (!(error instanceof ProblemError)) return { type: 'error', text: t('common.unreachable') };
  const { problem } = error;
  if (problem.status === 412) return { type: 'warning', text: t('common.stale') };
  form.setFields(fieldErrors(problem.errors ?? [], i18n, labels));
  // Named by its code in the page's language (problem-message.ts); a Chinese page never shows the API's English
  // detail, which may echo what was sent. The service's own failures plainly.
  if (problem.status >= 500) return { type: 'error', text: t('common.failed') };
  const words = refusalWords(problem, i18n) ?? t('common.unnamedProblem', { code: problem.code ?? String(problem.status) });
  return { type: 'error', text: t('common.refused', { detail: words }) };
}

/** Each refused field's words, gathered per field (a field may break more than one rule). */
function fieldErrors(errors: { field: string; rule?: string }[], i18n: I18n, labels?: FieldLabelMap) {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const words = fieldErrorWords(error, labels?.get(error.field), i18n);
    const said = byField.get(error.field) ?? [];
    if (!said.includes(words)) byField.set(error.field, [...said, words]);
  }
  return [...byField].map(([field, words]) => ({ name: field.split('.'), errors: words }));
}
