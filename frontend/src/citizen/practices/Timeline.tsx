import { useTranslation } from "react-i18next";

import type { PracticesDetailFragment } from "../../gql/graphql";
import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";

type Step = PracticesDetailFragment["history"][number];

/** Who took a step, for the citizen: themselves, the office (with the name when known), the platform. */
function useActor() {
  const { t } = useTranslation("practices");
  return (step: Step) => {
    if (step.actor === "CITIZEN") return t("history.actor.CITIZEN");
    if (step.actor === "SYSTEM") return t("history.actor.SYSTEM");
    return step.by ? t("history.actor.staffNamed", { name: step.by.fullName }) : t("history.actor.OPERATOR");
  };
}

/** The history of a practice, oldest first, as an ordered list of steps. */
export function Timeline({ history }: { history: readonly Step[] }) {
  const { t, i18n } = useTranslation("practices");
  const actor = useActor();
  if (!history.length) return <p>{t("history.empty")}</p>;
  return (
    <ol className="list-unstyled border-start border-2 ps-3" data-testid="practice-history">
      {history.map((step, index) => (
        <li key={`${step.createdAt}-${index}`} className="mb-3">
          <p className="mb-0 fw-semibold">{t(`history.action.${step.action}`)}</p>
          <p className="mb-0 small">
            <time dateTime={step.createdAt}>{formatDateTime(step.createdAt, i18n.language)}</time>
            {" · "}
            {actor(step)}
            {" · "}
            {t("history.to", { status: t(`status.${step.toStatus}`) })}
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
