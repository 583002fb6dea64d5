import { useTranslation } from "react-i18next";

import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";
import type { OperatorPracticeDetailFragment } from "../../gql/graphql";

type Step = OperatorPracticeDetailFragment["history"][number];

/** The history of a practice for the office, oldest first: each step, who took it, the status it led to. */
export function History({ history }: { history: readonly Step[] }) {
  const { t, i18n } = useTranslation("operator");
  if (!history.length) return <p>{t("history.empty")}</p>;
  const actor = (step: Step) => (step.by ? step.by.fullName : t(`history.actor.${step.actor}`));
  return (
    <ol className="list-unstyled border-start border-2 ps-3" data-testid="practice-history">
      {history.map((step, index) => (
        <li key={`${step.createdAt}-${index}`} className="mb-3">
          <p className="mb-0 fw-semibold">{t(`history.action.${step.action}`, { ns: "practices" })}</p>
          <p className="mb-0 small">
            <time dateTime={step.createdAt}>{formatDateTime(step.createdAt, i18n.language)}</time>
            {" · "}
            {actor(step)}
            {" · "}
            {t("history.to", { status: t(`status.${step.toStatus}`, { ns: "practices" }) })}
          </p>
          {step.message && <p className="mb-0 mt-1">{step.message}</p>}
          {step.attachments.length > 0 && (
            <ul className="mb-0 mt-1">
              {step.attachments.map((file) => (
                <li key={file.id}>
                  <FileLink file={file} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
