import { useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";

import type { PracticesFileFragment } from "../../gql/graphql";
import { formatSize } from "../format";
import { useFileDownload } from "./FileDownloads";

/** Clicks the browser should handle itself: a new tab or window, a save-as. */
function browserClick(event: MouseEvent) {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * A download link of a practice's file, saying its name and size. A click downloads it under a
 * freshly signed link (the page may have been open longer than a link lives) and says in the
 * person's language when that fails; the address itself is the link signed with the page.
 */
export function FileLink({ file }: { file: PracticesFileFragment }) {
  const { t, i18n } = useTranslation();
  const download = useFileDownload();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (!download || browserClick(event)) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setFailure(await download(file));
    setBusy(false);
  }

  return (
    <>
      <a href={file.url} download={file.name} onClick={onClick} aria-busy={busy || undefined}>
        {file.name}
        <span className="ms-1">({formatSize(file.size, i18n.language)})</span>
      </a>
      {busy && <span className="visually-hidden">{t("download.busy")}</span>}
      {failure && (
        <span role="alert" className="d-block alert alert-danger py-2 px-3 mt-2 mb-0" data-testid="download-failure">
          {failure}
        </span>
      )}
    </>
  );
}
