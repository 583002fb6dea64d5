import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import { PracticesWithdrawDocument } from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";
import { ConfirmDialog } from "../../shared/ConfirmDialog";

/** "Ritira la pratica", asked again in a dialog before it happens. */
interface WithdrawButtonProps {
  practiceId: string;
  number: string | null | undefined;
  onWithdrawn(): void;
}

export function WithdrawButton({ practiceId, number, onWithdrawn }: WithdrawButtonProps) {
  const { t } = useTranslation("practices");
  const [open, setOpen] = useState(false);
  const [{ fetching }, withdraw] = useMutation(PracticesWithdrawDocument);
  const [problems, setProblems] = useState<Problem[]>([]);

  async function confirm() {
    const result = await withdraw({ input: { id: practiceId } });
    const found = problemsOf(result.data?.withdrawPractice.errors, result.error);
    setProblems(found);
    setOpen(false);
    if (!found.length) onWithdrawn();
  }

  return (
    <>
      <ProblemList problems={problems} />
      <button type="button" className="btn btn-outline-danger" onClick={() => setOpen(true)}>
        {t("withdraw.button")}
      </button>
      <ConfirmDialog
        open={open}
        title={t("withdraw.title")}
        confirmLabel={t("withdraw.confirm")}
        busy={fetching}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>{t("withdraw.text", { number: number ?? "" })}</p>
      </ConfirmDialog>
    </>
  );
}
