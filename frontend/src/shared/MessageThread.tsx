import type { ReactNode } from "react";
import type { CombinedError } from "urql";

import { CursorPager, type useCursorPages } from "./pagination";

interface ThreadTexts {
  title: string;
  empty: string;
  pager: string;
}

interface Connection<Node> {
  edges: readonly { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The messages of a practice, a page at a time, as both apps show them: each app brings its
 * own texts, how one message looks, and what follows the list (a form to write).
 */
export function MessageThread<Node extends { id: string }>({
  texts,
  connection,
  error,
  pages,
  renderMessage,
  children,
}: {
  texts: ThreadTexts;
  connection: Connection<Node> | undefined;
  error: CombinedError | undefined;
  pages: ReturnType<typeof useCursorPages>;
  renderMessage(message: Node): ReactNode;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby="messages-title" className="mb-5">
      <h2 id="messages-title" className="h4">
        {texts.title}
      </h2>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error.message}
        </div>
      )}
      {connection && !connection.edges.length && <p>{texts.empty}</p>}
      {connection && connection.edges.length > 0 && (
        <ol className="list-unstyled">{connection.edges.map(({ node }) => renderMessage(node))}</ol>
      )}
      {connection && (
        <CursorPager
          label={texts.pager}
          page={pages.page}
          hasPrevious={pages.hasPrevious}
          hasNext={connection.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(connection.pageInfo.endCursor)}
        />
      )}
      {children}
    </section>
  );
}
