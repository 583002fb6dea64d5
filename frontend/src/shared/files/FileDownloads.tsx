import { createContext, useCallback, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useClient } from "urql";

import { downloadFile, type DownloadableFile } from "./download";

/** Downloads a file under a fresh link: null when saved, else the message to show. */
export type DownloadFile = (file: DownloadableFile) => Promise<string | null>;

const DownloadContext = createContext<DownloadFile | null>(null);

/** Lets every file link below download through the page's GraphQL client (see download.ts). */
export function FileDownloads({ children }: { children: ReactNode }) {
  const client = useClient();
  const { t, i18n } = useTranslation();
  const download = useCallback<DownloadFile>(
    async (file) => {
      const failure = await downloadFile(client, file, i18n.language);
      return failure ? t(`download.failed.${failure}`, { name: file.name }) : null;
    },
    [client, i18n.language, t],
  );
  return <DownloadContext.Provider value={download}>{children}</DownloadContext.Provider>;
}

/** The download of `<FileDownloads>`; null outside one (links then go straight to their URL). */
export function useFileDownload(): DownloadFile | null {
  return useContext(DownloadContext);
}
