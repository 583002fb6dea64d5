import { useCallback } from "react";
import { useMutation } from "urql";

import type { UploadedFile } from "../../forms";
import { PracticesUploadFileDocument, type FilePurpose } from "../../gql/graphql";
import { problemsOf, type Problem } from "../problems";
import { newIdempotencyKey } from "../idempotency";

/** Refused uploads reach Form.io's file component as an error carrying the server's words. */
export class UploadRefused extends Error {}

/**
 * Uploads one file of a practice through `uploadFile` (a GraphQL multipart request: the urql
 * client sends File variables as multipart with the preflight header the server asks for).
 */
export function useUpload() {
  const [, upload] = useMutation(PracticesUploadFileDocument);
  return useCallback(
    async (practiceId: string, file: File, purpose: FilePurpose, component?: string): Promise<UploadedFile> => {
      const result = await upload({
        input: { practiceId, file, purpose, component, idempotencyKey: newIdempotencyKey() },
      });
      const payload = result.data?.uploadFile;
      const problems = problemsOf(payload?.errors, result.error);
      if (problems.length || !payload?.file) {
        throw new UploadRefused(problems.map((problem) => problem.message).join(" ") || file.name);
      }
      return payload.file;
    },
    [upload],
  );
}

/**
 * Uploads the attachments of a message or an answer, all of them or none usable: the files' ids,
 * or the problem that refused one.
 */
export function useUploadAttachments() {
  const upload = useUpload();
  return useCallback(
    async (practiceId: string, files: File[], purpose: FilePurpose): Promise<string[] | Problem> => {
      try {
        const uploaded = await Promise.all(files.map((file) => upload(practiceId, file, purpose)));
        return uploaded.map((file) => file.id);
      } catch (failure) {
        if (!(failure instanceof UploadRefused)) throw failure;
        return { field: null, code: "INVALID", message: failure.message };
      }
    },
    [upload],
  );
}
