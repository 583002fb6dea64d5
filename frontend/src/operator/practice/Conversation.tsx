import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import { newIdempotencyKey } from "../../shared/idempotency";
import { MessageThread } from "../../shared/MessageThread";
import { useCursorPages } from "../../shared/pagination";
import { AttachmentsInput } from "../../shared/files/AttachmentsInput";
import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";
import { useUploadAttachments } from "../../shared/files/useUpload";
import {
  OperatorMarkReadDocument,
  OperatorMessagesDocument,
  OperatorSendMessageDocument,
  type MessageVisibility,
  type OperatorMessageFragment,
} from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import { MESSAGES } from "../invalidation";
import { problemsOf, type Problem } from "../../shared/problems";

const PAGE_SIZE = 20;

/** One message; an internal note says so in words and is set apart, so colour is never the only sign. */
function MessageItem({ message }: { message: OperatorMessageFragment }) {
  const { t, i18n } = useTranslation("operator");
  const internal = message.visibility === "INTERNAL";
  const who = message.author?.fullName ?? t(message.fromApplicant ? "messages.applicant" : "messages.office");
  return (
    <li
      className={`card mb-2 ${internal ? "border border-2 border-warning bg-light" : message.fromApplicant ? "me-md-5" : "ms-md-5"}`}
      data-testid={internal ? "internal-note" : "practice-message"}
    >
      <div className="card-body p-3">
        {internal && (
          <p className="mb-1">
            <span className="badge bg-warning">{t("messages.internalLabel")}</span>
          </p>
        )}
        <p className="small mb-1">
          <strong>{who}</strong>
          {message.fromApplicant && ` (${t("messages.applicant")})`}
          {" · "}
          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
        </p>
        <p className="mb-0" style={{ whiteSpace: "pre-wrap" }}>
          {message.body}
        </p>
        {message.attachments.length > 0 && (
          <ul className="mb-0 mt-2">
            {message.attachments.map((file) => (
              <li key={file.id}>
                <FileLink file={file} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** Writes to the citizen or an internal note for the office, with files; the list refetches on its own (invalidation.ts). */
function Composer({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation("operator");
  const id = useId();
  const [, send] = useMutation(OperatorSendMessageDocument);
  const uploadAttachments = useUploadAttachments();
  const [visibility, setVisibility] = useState<MessageVisibility>("APPLICANT");
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [sent, setSent] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setAnnouncement("");
    const fileIds = await uploadAttachments(practiceId, files, "MESSAGE");
    if (!Array.isArray(fileIds)) {
      setProblems([fileIds]);
      setBusy(false);
      return;
    }
    const result = await send({ input: { practiceId, body, visibility, fileIds, idempotencyKey: newIdempotencyKey() } });
    const found = problemsOf(result.data?.sendMessage.errors, result.error);
    setBusy(false);
    setProblems(found);
    if (!found.length) {
      setBody("");
      setFiles([]);
      setSent((count) => count + 1);
      setAnnouncement(t(visibility === "INTERNAL" ? "messages.noteSent" : "messages.sent"));
    }
  }

  return (
    <form onSubmit={submit} className="mt-3" noValidate data-testid="message-composer">
      <h3 className="h5">{t("messages.write")}</h3>
      <ProblemList problems={problems} labels={{ body: t("messages.body") }} />
      <fieldset className="mb-3">
        <legend className="fs-6 fw-semibold">{t("messages.kind")}</legend>
        {(["APPLICANT", "INTERNAL"] as const).map((kind) => (
          <div className="form-check" key={kind}>
            <input className="form-check-input" type="radio" name={`${id}-kind`} id={`${id}-${kind}`} value={kind}
              checked={visibility === kind} onChange={() => setVisibility(kind)} />
            <label className="form-check-label" htmlFor={`${id}-${kind}`}>
              {t(`messages.kinds.${kind}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="mb-3">
        <label htmlFor={`${id}-body`} className="form-label d-block fw-semibold">
          {t(visibility === "INTERNAL" ? "messages.noteBody" : "messages.body")}
        </label>
        <textarea id={`${id}-body`} className="form-control" rows={4} required value={body}
          onChange={(event) => setBody(event.target.value)} />
      </div>
      <AttachmentsInput key={sent} files={files} onChange={setFiles} />
      <button type="submit" className="btn btn-primary" disabled={busy || !body.trim()}>
        {t(visibility === "INTERNAL" ? "messages.sendNote" : "messages.send")}
      </button>
      <p role="status" className="mt-2">{busy ? t("messages.sending") : announcement}</p>
    </form>
  );
}

/** Messages with the citizen and the office's internal notes (oldest first), marked read once shown. */
export function Conversation({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation("operator");
  const pages = useCursorPages();
  const [{ data, error }] = useQuery({
    query: OperatorMessagesDocument,
    variables: { id: practiceId, first: PAGE_SIZE, after: pages.after },
    requestPolicy: "cache-and-network",
    context: MESSAGES,
  });
  const [, markRead] = useMutation(OperatorMarkReadDocument);
  const unread = data?.practice?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0) void markRead({ input: { practiceId } });
  }, [unread, practiceId, markRead]);

  const connection = data?.practice?.messages;
  return (
    <MessageThread
      texts={{ title: t("messages.title"), empty: t("messages.empty"), pager: t("messages.pager") }}
      connection={connection}
      error={error}
      pages={pages}
      renderMessage={(node) => <MessageItem key={node.id} message={node} />}
    >
      <Composer practiceId={practiceId} />
    </MessageThread>
  );
}
