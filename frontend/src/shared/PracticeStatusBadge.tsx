import { useTranslation } from "react-i18next";

import type { PracticeStatus } from "../gql/graphql";
import { statusTone } from "./practiceStatus";

/** The status of a practice, in words. */
export function PracticeStatusBadge({ status }: { status: PracticeStatus }) {
  const { t } = useTranslation("practices");
  return (
    <span className={`badge ${statusTone(status)}`} data-testid="practice-status">
      {t(`status.${status}`)}
    </span>
  );
}
