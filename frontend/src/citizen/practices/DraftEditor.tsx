import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import { FormView, withFileLinks } from "../../forms";
import {
  PracticesSaveDraftDocument,
  PracticesSubmitDocument,
  type PracticesDetailFragment,
} from "../../gql/graphql";
import { problemsOf, type Problem } from "../../shared/problems";
import { newIdempotencyKey } from "../../shared/idempotency";
import { blockingCode, type BlockingCode } from "./blocking";
import { BlockedNotice } from "./BlockedNotice";
import { DeleteDraftButton } from "./DeleteDraftButton";
import { useUpload } from "../../shared/files/useUpload";

type Json = Record<string, unknown>;

interface DraftEditorProps {
  serviceId: string;
  serviceName: string;
  definition: Json;
  /** The draft being resumed; none for a new application (created on the first save or upload). */
  draft?: PracticesDetailFragment;
  /** How a new application starts: the citizen's profile in the form, the fields they cannot change. */
  start?: { data: unknown; lockedFields: string[] };
  onSubmitted(practice: PracticesDetailFragment): void;
  /** After "Elimina bozza" (offered once there is a draft). */
  onDeleted(): void;
}

/**
 * The service's form with "Salva bozza", "Invia" and "Elimina bozza": drafts and submission
 * through the API. "Invia" sends the data with the submission, and the server keeps them in the
 * draft even when it refuses it, so what was typed survives a reload.
 */
export function DraftEditor({ serviceId, serviceName, definition, draft, start, onSubmitted, onDeleted }: DraftEditorProps) {
  const { t, i18n } = useTranslation("practices");
  const [, saveDraft] = useMutation(PracticesSaveDraftDocument);
  const [, submit] = useMutation(PracticesSubmitDocument);
  const upload = useUpload();
  const [initialData] = useState<Json>(() =>
    draft ? withFileLinks(draft.data as Json, draft.files) : ((start?.data as Json | undefined) ?? {}),
  );
  const data = useRef<Json>(initialData);
  const practiceId = useRef<string | null>(draft?.id ?? null);
  /** The draft's id once there is one, for "Elimina bozza". */
  const [draftId, setDraftId] = useState<string | null>(draft?.id ?? null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [blocked, setBlocked] = useState<BlockingCode | null>(null);
  const [busy, setBusy] = useState<"save" | "submit" | null>(null);
  const [saved, setSaved] = useState(false);
  /** A submission was refused, and the draft holds what was sent. */
  const [kept, setKept] = useState(false);

  /** Shows what the server said: a reason that stops the application outright, or the problems. */
  const report = useCallback((found: Problem[]) => {
    const code = blockingCode(found);
    setBlocked(code);
    setProblems(code ? [] : found);
  }, []);

  /** Saves the data as the draft (creating it the first time); the practice, or the problems. */
  const save = useCallback(async (): Promise<PracticesDetailFragment | Problem[]> => {
    const id = practiceId.current;
    const result = await saveDraft({
      input: id ? { id, data: data.current } : { serviceId, data: data.current },
    });
    const payload = result.data?.savePracticeDraft;
    const found = problemsOf(payload?.errors, result.error);
    if (found.length || !payload?.practice) return found;
    practiceId.current = payload.practice.id;
    setDraftId(payload.practice.id);
    return payload.practice;
  }, [saveDraft, serviceId]);

  /** Uploads under way: saving or sending waits for them, so the files are in the data sent. */
  const uploading = useRef(new Set<Promise<unknown>>());
  const uploadFile = useCallback(
    (file: File, componentKey: string) => {
      const job = (async () => {
        if (!practiceId.current) {
          const created = await save();
          if (Array.isArray(created)) {
            report(created);
            throw new Error(created.map((problem) => problem.message).join(" "));
          }
        }
        return upload(practiceId.current as string, file, "FORM", componentKey);
      })();
      uploading.current.add(job);
      void job.finally(() => uploading.current.delete(job)).catch(() => undefined);
      return job;
    },
    [save, upload, report],
  );

  /** Resolves once no upload is under way and the form has passed on the data with the files. */
  async function uploadsDone() {
    await Promise.allSettled([...uploading.current]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function onSave() {
    setBusy("save");
    setKept(false);
    await uploadsDone();
    const outcome = await save();
    setBusy(null);
    if (Array.isArray(outcome)) {
      report(outcome);
      return;
    }
    report([]);
    setSaved(true);
  }

  async function onSubmit() {
    setBusy("submit");
    setSaved(false);
    setKept(false);
    await uploadsDone();
    const created = practiceId.current ? null : await save();
    if (Array.isArray(created)) {
      setBusy(null);
      report(created);
      return;
    }
    const result = await submit({
      input: { id: practiceId.current as string, data: data.current, idempotencyKey: newIdempotencyKey() },
    });
    setBusy(null);
    const payload = result.data?.submitPractice;
    const found = problemsOf(payload?.errors, result.error);
    if (found.length || !payload?.practice) {
      report(found);
      // Refused on its data, the draft kept them (a request that failed outright kept nothing).
      setKept(found.length > 0 && !blockingCode(found) && found.every(({ code }) => code !== "NETWORK" && code !== "SERVER"));
      return;
    }
    onSubmitted(payload.practice);
  }

  return (
    <section aria-labelledby="draft-form-title">
      <h2 id="draft-form-title" className="h4">
        {t("apply.formTitle")}
      </h2>
      <p>{t("apply.formIntro")}</p>
      {blocked && <BlockedNotice code={blocked} />}
      <FormView
        definition={definition}
        data={initialData}
        locked={draft?.lockedFields ?? start?.lockedFields}
        language={i18n.language}
        problems={problems}
        onChange={(next) => {
          data.current = next;
        }}
        upload={uploadFile}
      />
      <div role="status" className="my-2">
        {busy === "save" && t("apply.saving")}
        {busy === "submit" && t("apply.submitting")}
        {saved && t("apply.saved")}
        {kept && t("apply.keptAfterRefusal")}
      </div>
      <div className="d-flex flex-wrap gap-2 mt-3">
        <button type="button" className="btn btn-outline-primary" onClick={onSave} disabled={busy !== null}>
          {t("apply.saveDraft")}
        </button>
        <button type="button" className="btn btn-primary" onClick={onSubmit} disabled={busy !== null}>
          {t("apply.submit")}
        </button>
        {draftId && (
          <div className="ms-md-auto">
            <DeleteDraftButton practiceId={draftId} serviceName={serviceName} onDeleted={onDeleted} />
          </div>
        )}
      </div>
    </section>
  );
}
