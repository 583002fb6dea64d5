import { useTranslation } from "react-i18next";

import type { BlockingCode } from "./blocking";

/** Why the citizen cannot apply now, in plain words (the server's message is for developers too). */
export function BlockedNotice({ code }: { code: BlockingCode }) {
  const { t } = useTranslation("practices");
  return (
    <div className="alert alert-warning" role="alert" data-testid="apply-blocked">
      <p className="fw-semibold mb-1">{t(`apply.blocked.${code}.title`)}</p>
      <p className="mb-0">{t(`apply.blocked.${code}.text`)}</p>
    </div>
  );
}
