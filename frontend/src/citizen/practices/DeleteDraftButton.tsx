import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";

import { PracticesDeleteDraftDocument } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";

interface DeleteDraftButtonProps {
  practiceId: string;
  serviceName: string;
  /** Small, with the service in its accessible name: for a row of a list. */
  inList?: boolean;
  onDeleted(): void;
}

/** "Elimina bozza", asked again in a dialog: the draft and its uploads are gone for good. */
export function DeleteDraftButton({ practiceId, serviceName, inList = false, onDeleted }: DeleteDraftButtonProps) {
  const { t } = useTranslation("practices");
  const [open, setOpen] = useState(false);
  const [{ fetching }, remove] = useMutation(PracticesDeleteDraftDocument);
  const [problems, setProblems] = useState<Problem[]>([]);

  async function confirm() {
    // Every list and page showing practices is read again: the draft is no longer among them.
    const result = await remove({ input: { id: practiceId } }, { additionalTypenames: ["Practice"] });
    const found = problemsOf(result.data?.deletePracticeDraft.errors, result.error);
    setProblems(found);
    setOpen(false);
    if (!found.length) onDeleted();
  }

  return (
    <>
      <ProblemList problems={problems} />
      <button
        type="button"
        className={`btn btn-outline-danger${inList ? " btn-sm" : ""}`}
        aria-label={inList ? t("drafts.deleteNamed", { service: serviceName }) : undefined}
        onClick={() => setOpen(true)}
      >
        {t("drafts.delete")}
      </button>
      <ConfirmDialog
        open={open}
        title={t("drafts.confirmTitle")}
        confirmLabel={t("drafts.confirm")}
        busy={fetching}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>{t("drafts.confirmText", { service: serviceName })}</p>
      </ConfirmDialog>
    </>
  );
}
