import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import { FormView, withFileLinks } from "../../forms";
import { PracticesAnswerIntegrationDocument, type PracticesDetailFragment } from "../../gql/graphql";
import { problemsOf, type Problem } from "../../shared/problems";
import { AttachmentsInput } from "../../shared/files/AttachmentsInput";
import { useUpload, useUploadAttachments } from "../../shared/files/useUpload";

type Json = Record<string, unknown>;

/**
 * The answer to a request for more information: the form again with the data sent (to correct or
 * complete), a message and documents. Validated like a submission; problems land on the fields.
 */
interface IntegrationAnswerProps {
  practice: PracticesDetailFragment;
  definition: Json;
  onAnswered(): void;
}

export function IntegrationAnswer({ practice, definition, onAnswered }: IntegrationAnswerProps) {
  const { t, i18n } = useTranslation("practices");
  const messageId = useId();
  const [, answer] = useMutation(PracticesAnswerIntegrationDocument);
  const upload = useUpload();
  const uploadAttachments = useUploadAttachments();
  const [initialData] = useState<Json>(() => withFileLinks(practice.data as Json, practice.files));
  const data = useRef<Json>(initialData);
  const [message, setMessage] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function onAnswer(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const fileIds = await uploadAttachments(practice.id, files, "INTEGRATION");
    if (!Array.isArray(fileIds)) {
      setProblems([fileIds]);
      setBusy(false);
      return;
    }
    const result = await answer({ input: { id: practice.id, data: data.current, message: message || null, fileIds } });
    const found = problemsOf(result.data?.answerPracticeIntegration.errors, result.error);
    setProblems(found);
    setBusy(false);
    if (!found.length) onAnswered();
  }

  return (
    <section aria-labelledby="integration-title" className="mb-5">
      <h2 id="integration-title" className="h4">
        {t("integration.title")}
      </h2>
      <p>{t("integration.intro")}</p>
      <FormView
        definition={definition}
        data={initialData}
        language={i18n.language}
        problems={problems}
        onChange={(next) => {
          data.current = next;
        }}
        upload={(file, key) => upload(practice.id, file, "INTEGRATION", key)}
      />
      <form onSubmit={onAnswer} noValidate>
        <div className="mb-3">
          <label htmlFor={messageId} className="form-label d-block">
            {t("integration.message")}
          </label>
          <textarea
            id={messageId}
            className="form-control"
            rows={3}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
          />
        </div>
        <AttachmentsInput files={files} onChange={setFiles} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("integration.send")}
        </button>
        <p role="status" className="mt-2">
          {busy ? t("integration.sending") : ""}
        </p>
      </form>
    </section>
  );
}
