import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { AttachmentsInput } from "../../shared/files/AttachmentsInput";
import { useUploadAttachments } from "../../shared/files/useUpload";
import { ProblemList } from "../../shared/ProblemList";
import type { Problem } from "../../shared/problems";
import type { Person } from "../operators";
import { useRunAction, type ActionValues } from "./runAction";
import { ACTION_FORMS, type ActionForm, type OperatorAction } from "./transitions";

interface ActionPanelProps {
  id: string;
  action: OperatorAction;
  practiceId: string;
  number: string;
  operators: readonly Person[];
  /** The step was taken: the sentence to announce. */
  onDone(announcement: string): void;
  onCancel(): void;
}

/** The form of one step: who to give the practice to, the words and files; asked again when it cannot be undone. */
export function ActionPanel({ id, action, practiceId, number, operators, onDone, onCancel }: ActionPanelProps) {
  const { t } = useTranslation("operator");
  const fieldId = useId();
  const form: ActionForm = ACTION_FORMS[action];
  const run = useRunAction();
  const uploadAttachments = useUploadAttachments();
  const [text, setText] = useState("");
  const [operatorId, setOperatorId] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function send() {
    setConfirming(false);
    setBusy(true);
    const fileIds = form.files ? await uploadAttachments(practiceId, files, form.files) : [];
    if (!Array.isArray(fileIds)) {
      setProblems([fileIds]);
      setBusy(false);
      return;
    }
    const values: ActionValues = { text: text.trim(), operatorId, fileIds };
    const result = await run(action, practiceId, values);
    setBusy(false);
    setProblems(result.problems);
    if (!result.problems.length) onDone(t(`actions.${action}.done`, { number }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.destructive) setConfirming(true);
    else void send();
  }

  const missing = (form.text === "required" && !text.trim()) || (form.operator && !operatorId);
  const textLabel = form.text === "none" ? null : t(`actions.${action}.text`);
  // The payload's errors name the input field: the words are `message` or `reason` by mutation.
  const labels = { operatorId: t("actions.operator"), ...(textLabel ? { message: textLabel, reason: textLabel } : {}) };
  return (
    <form id={id} onSubmit={submit} className="card card-bg p-3 mt-3" aria-labelledby={`${fieldId}-title`} noValidate data-testid="action-panel">
      <h3 id={`${fieldId}-title`} className="h5">
        {t(`actions.${action}.title`)}
      </h3>
      <p>{t(`actions.${action}.intro`)}</p>
      <ProblemList problems={problems} labels={labels} />
      {form.operator && (
        <div className="mb-3">
          <label htmlFor={`${fieldId}-operator`} className="form-label d-block fw-semibold">
            {t("actions.operator")}
          </label>
          <select id={`${fieldId}-operator`} className="form-select" required value={operatorId}
            onChange={(event) => setOperatorId(event.target.value)}>
            <option value="">{t("actions.chooseOperator")}</option>
            {operators.map((person) => (
              <option key={person.id} value={person.id}>
                {person.fullName}
              </option>
            ))}
          </select>
        </div>
      )}
      {form.text !== "none" && (
        <div className="mb-3">
          <label htmlFor={`${fieldId}-text`} className="form-label d-block fw-semibold">
            {textLabel}
            {form.text === "optional" && ` ${t("actions.optional")}`}
          </label>
          <textarea id={`${fieldId}-text`} className="form-control" rows={3} required={form.text === "required"}
            value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      )}
      {form.files && <AttachmentsInput files={files} onChange={setFiles} />}
      <div className="d-flex gap-2">
        <button type="submit" className={`btn ${form.destructive ? "btn-danger" : "btn-primary"}`} disabled={busy || missing}>
          {t(`actions.${action}.submit`)}
        </button>
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel} disabled={busy}>
          {t("actions.cancel")}
        </button>
      </div>
      <p role="status" className="mb-0 mt-2">{busy ? t("actions.sending") : ""}</p>
      {form.destructive && (
        <ConfirmDialog
          open={confirming}
          title={t(`actions.${action}.title`)}
          confirmLabel={t(`actions.${action}.confirm`)}
          busy={busy}
          onConfirm={() => void send()}
          onClose={() => setConfirming(false)}
        >
          <p>{t(`actions.${action}.question`, { number })}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
