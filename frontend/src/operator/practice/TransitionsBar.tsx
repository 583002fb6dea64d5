import { useTranslation } from "react-i18next";

import type { PracticeAction } from "../../gql/graphql";
import { offeredActions, takenAtOnce, type OperatorAction } from "./transitions";

interface TransitionsBarProps {
  available: readonly PracticeAction[];
  /** The step whose form is open, if any. */
  chosen: OperatorAction | null;
  busy?: boolean;
  onChoose(action: OperatorAction): void;
}

/** One button per step the viewer may take now, and nothing else. */
export function TransitionsBar({ available, chosen, busy = false, onChoose }: TransitionsBarProps) {
  const { t } = useTranslation("operator");
  const actions = offeredActions(available);
  if (!actions.length) return <p data-testid="transitions-none">{t("actions.none")}</p>;
  return (
    <div className="d-flex flex-wrap gap-2" role="group" aria-label={t("actions.title")} data-testid="transitions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={`btn ${chosen === action ? "btn-primary" : "btn-outline-primary"}`}
          aria-expanded={takenAtOnce(action) ? undefined : chosen === action}
          disabled={busy}
          onClick={() => onChoose(action)}
        >
          {t(`actions.${action}.button`)}
        </button>
      ))}
    </div>
  );
}
