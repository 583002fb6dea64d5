import { FILE_STORAGE } from "./definition";
import { rendererFile, submissionData, withFileLinks, type UploadedFile } from "./files";

const uploaded: UploadedFile = {
  id: "RmlsZToxMjM=",
  name: "denuncia.pdf",
  size: 52011,
  contentType: "application/pdf",
  url: "/bugliano/files/signed-token",
  reference: { id: "3f1c", name: "denuncia.pdf", size: 52011, type: "application/pdf" },
};

describe("file references in the form data", () => {
  test("the renderer keeps what it needs to show and open the file", () => {
    expect(rendererFile(uploaded)).toEqual({
      id: "3f1c",
      name: "denuncia.pdf",
      size: 52011,
      type: "application/pdf",
      storage: FILE_STORAGE,
      originalName: "denuncia.pdf",
      url: "/bugliano/files/signed-token",
      fileId: "RmlsZToxMjM=",
    });
  });

  test("the server gets {id, name, size, type} wherever the file sits, and nothing else", () => {
    const renderer = { ...rendererFile(uploaded), hash: "abc" };
    const data = { name: "Mario", report: [renderer], children: [{ card: [renderer] }] };
    expect(submissionData(data)).toEqual({
      name: "Mario",
      report: [uploaded.reference],
      children: [{ card: [uploaded.reference] }],
    });
  });

  test("stored references get fresh links from the practice's files, unknown ones stay as they are", () => {
    const stranger = { id: "other", name: "x.pdf", size: 1, type: "application/pdf" };
    const linked = withFileLinks({ report: [uploaded.reference, stranger] }, [uploaded]);
    expect(linked).toEqual({ report: [rendererFile(uploaded), stranger] });
    expect(submissionData(linked)).toEqual({ report: [uploaded.reference, stranger] });
  });
});
