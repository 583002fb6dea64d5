import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";

import {
  PracticesMarkReadDocument,
  PracticesMessagesDocument,
  PracticesSendMessageDocument,
  type PracticesMessageFragment,
} from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";
import { MessageThread } from "../../shared/MessageThread";
import { useCursorPages } from "../../shared/pagination";
import { newIdempotencyKey } from "../../shared/idempotency";
import { AttachmentsInput } from "../../shared/files/AttachmentsInput";
import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";
import { useUploadAttachments } from "../../shared/files/useUpload";

const PAGE_SIZE = 20;

function MessageItem({ message }: { message: PracticesMessageFragment }) {
  const { t, i18n } = useTranslation("practices");
  const who = message.fromApplicant ? t("messages.you") : (message.author?.fullName ?? t("messages.office"));
  return (
    <li className={`card mb-2 ${message.fromApplicant ? "ms-md-5" : "me-md-5"}`} data-testid="practice-message">
      <div className="card-body p-3">
        <p className="small mb-1">
          <strong>{who}</strong>
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

/** The conversation with the office: the messages (oldest first), marked read once shown, and a reply form. */
export function MessagesSection({ practiceId, canWrite }: { practiceId: string; canWrite: boolean }) {
  const { t } = useTranslation("practices");
  const bodyId = useId();
  const pages = useCursorPages();
  const [{ data, error }, refetch] = useQuery({
    query: PracticesMessagesDocument,
    variables: { id: practiceId, first: PAGE_SIZE, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const [, markRead] = useMutation(PracticesMarkReadDocument);
  const [, send] = useMutation(PracticesSendMessageDocument);
  const uploadAttachments = useUploadAttachments();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  // How many messages were sent here: announces the last one and resets the file input.
  const [sent, setSent] = useState(0);
  const unread = data?.practice?.unreadCount ?? 0;

  useEffect(() => {
    if (unread > 0) void markRead({ input: { practiceId } });
  }, [unread, practiceId, markRead]);

  async function onSend(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const fileIds = await uploadAttachments(practiceId, files, "MESSAGE");
    if (!Array.isArray(fileIds)) {
      setProblems([fileIds]);
      setBusy(false);
      return;
    }
    const result = await send({ input: { practiceId, body, fileIds, idempotencyKey: newIdempotencyKey() } });
    const found = problemsOf(result.data?.sendMessage.errors, result.error);
    setProblems(found);
    setBusy(false);
    if (!found.length) {
      setBody("");
      setFiles([]);
      setSent((count) => count + 1);
      refetch({ requestPolicy: "network-only" });
    }
  }

  const connection = data?.practice?.messages;
  return (
    <MessageThread
      texts={{ title: t("messages.title"), empty: t("messages.empty"), pager: t("messages.pager") }}
      connection={connection}
      error={error}
      pages={pages}
      renderMessage={(node) => <MessageItem key={node.id} message={node} />}
    >
      {canWrite && (
        <form onSubmit={onSend} className="mt-3" noValidate>
          <h3 className="h5">{t("messages.write")}</h3>
          <ProblemList problems={problems} labels={{ body: t("messages.body") }} />
          <div className="mb-3">
            <label htmlFor={bodyId} className="form-label d-block">
              {t("messages.body")}
            </label>
            <textarea
              id={bodyId}
              className="form-control"
              rows={4}
              required
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </div>
          <AttachmentsInput key={sent} files={files} onChange={setFiles} />
          <button type="submit" className="btn btn-primary" disabled={busy || !body.trim()}>
            {t("messages.send")}
          </button>
          <p role="status" className="mt-2">
            {busy ? t("messages.sending") : sent > 0 ? t("messages.sent") : ""}
          </p>
        </form>
      )}
    </MessageThread>
  );
}
