import { Modal, ModalBody, ModalFooter, ModalHeader } from "design-react-kit";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** A modal question with "go back" and a confirming action; focus returns to the opener when it closes. */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation("booking");
  const id = useId();
  return (
    <Modal isOpen={open} toggle={onClose} labelledBy={`${id}-title`} returnFocusAfterClose>
      <ModalHeader tag="h2" className="h5" id={`${id}-title`}>{title}</ModalHeader>
      <ModalBody>{children}</ModalBody>
      <ModalFooter>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
          {t("dialog.back")}
        </button>
        <button type="button" className="btn btn-danger btn-sm" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </ModalFooter>
    </Modal>
  );
}
