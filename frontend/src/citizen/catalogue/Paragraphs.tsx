/** A text from the catalogue as paragraphs: editors separate them with blank lines. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        <p key={index} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </p>
      ))}
    </>
  );
}
