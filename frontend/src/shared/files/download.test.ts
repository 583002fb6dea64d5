import { createI18n, LANGUAGES } from "../i18n";
import { refusalOf, type DownloadFailure } from "./download";

const FAILURES: DownloadFailure[] = ["NOT_FOUND", "FILE_NOT_FOUND", "LINK_EXPIRED", "INVALID_LINK", "NETWORK"];

function refused(status: number, body: string) {
  return new Response(body, { status, headers: { "content-type": "application/json" } });
}

describe("a refused download", () => {
  test("is told apart by the code the server sends", async () => {
    expect(await refusalOf(refused(403, JSON.stringify({ code: "LINK_EXPIRED", message: "…" })))).toBe("LINK_EXPIRED");
    expect(await refusalOf(refused(404, JSON.stringify({ code: "FILE_NOT_FOUND", message: "…" })))).toBe("FILE_NOT_FOUND");
    expect(await refusalOf(refused(403, JSON.stringify({ code: "INVALID_LINK" })))).toBe("INVALID_LINK");
  });

  test("without a code it knows (a proxy's page, another code) counts as not found", async () => {
    expect(await refusalOf(refused(502, "<html>Bad gateway</html>"))).toBe("NOT_FOUND");
    expect(await refusalOf(refused(403, JSON.stringify({ code: "SOMETHING_ELSE" })))).toBe("NOT_FOUND");
  });

  test.each(LANGUAGES)("says why with the file's name, in %s", (language) => {
    const i18n = createI18n(language);
    for (const failure of FAILURES) {
      const message = i18n.t(`download.failed.${failure}`, { name: "ricevuta.pdf" });
      expect(message).toContain("ricevuta.pdf");
      expect(message).not.toContain("download.failed");
    }
  });
});
