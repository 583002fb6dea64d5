import { useId } from "react";
import { useTranslation } from "react-i18next";

/** A labelled file input for attachments, listing what was chosen. */
export function AttachmentsInput({ files, onChange }: { files: File[]; onChange(files: File[]): void }) {
  const { t } = useTranslation("practices");
  const id = useId();
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label d-block">
        {t("attachments.label")}
      </label>
      <input
        id={id}
        type="file"
        multiple
        className="form-control"
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
      />
      {files.length > 0 && (
        <p className="small mb-0 mt-1">{t("attachments.chosen", { names: files.map((file) => file.name).join(", ") })}</p>
      )}
    </div>
  );
}
