import { formatFileSize, parseFileSize, readableFileTypes } from "./fileText";

const names: Record<string, string> = { anyImage: "immagini" };
const translate = (key: string) => names[key] ?? key;

describe("file sizes and types as a person reads them", () => {
  test("sizes are written the way each language writes numbers", () => {
    expect(formatFileSize(606, "it")).toBe("606 byte");
    expect(formatFileSize(606, "en")).toBe("606 bytes");
    expect(formatFileSize(606, "de")).toBe("606 Byte");
    expect(formatFileSize(1.2 * 1024 * 1024, "it")).toBe("1,2 MB");
    expect(formatFileSize(1.2 * 1024 * 1024, "en")).toBe("1.2 MB");
    expect(formatFileSize(52011, "de")).toBe("50,8 kB");
  });

  test("Form.io's size settings are read in bytes", () => {
    expect(parseFileSize("5MB")).toBe(5 * 1024 * 1024);
    expect(parseFileSize("500 kb")).toBe(500 * 1024);
    expect(parseFileSize("1,5 GB")).toBe(1.5 * 1024 ** 3);
    expect(parseFileSize("{{ data.limit }}")).toBeNull();
  });

  test("MIME types show as the names of the formats, once each", () => {
    expect(readableFileTypes("application/pdf,image/jpeg", translate)).toBe("PDF, JPEG");
    expect(readableFileTypes("application/pdf, image/jpeg, image/jpg, image/png", translate)).toBe("PDF, JPEG, PNG");
    expect(readableFileTypes(".pdf,.p7m", translate)).toBe("PDF, P7M");
    expect(readableFileTypes("image/*,application/vnd.oasis.opendocument.text", translate)).toBe("immagini, ODT");
    expect(readableFileTypes("application/x-zip-compressed", translate)).toBe("ZIP");
  });
});
