import { useTranslation } from "react-i18next";

import type { PracticesFileFragment } from "../../gql/graphql";
import { formatSize } from "../format";

/** A download link of a practice's file, saying its name and size. */
export function FileLink({ file }: { file: PracticesFileFragment }) {
  const { i18n } = useTranslation();
  return (
    <a href={file.url} download={file.name}>
      {file.name}
      <span className="ms-1">({formatSize(file.size, i18n.language)})</span>
    </a>
  );
}
